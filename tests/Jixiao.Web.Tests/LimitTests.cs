using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Jixiao.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Jixiao.Web.Tests;

/// <summary>
/// The demo app on a real Kestrel port with the default abuse limits (but 8 sign-ins per IP and 2 searches,
/// to stay quick), a clock the tests move, and the client's IP taken from an <c>X-Test-Client</c> header.
/// </summary>
public sealed class LimitFixture : WebApplicationFactory<Program>
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"jixiao-limits-{Guid.NewGuid():N}.db");

    public LimitFixture()
    {
        UseKestrel(0);
        StartServer();
        using var client = CreateClient();
        BaseAddress = client.BaseAddress!;
    }

    /// <summary>The Kestrel server's address.</summary>
    public Uri BaseAddress { get; }

    public string Uploads { get; } = Path.Combine(Path.GetTempPath(), $"jixiao-uploads-{Guid.NewGuid():N}");

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public HttpClient Client(string ip)
    {
        // A client of its own: on Kestrel the factory's client options do not stop redirects being followed.
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("X-Test-Client", ip);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Jixiao:Seeds", WebFixture.SeedDirectory);
        builder.UseSetting("Jixiao:Db", $"Data Source={_database}");
        builder.UseSetting("Jixiao:Demo", "true");
        builder.UseSetting("Jixiao:WarmUp", "false");
        builder.UseSetting("Jixiao:RateLimits:Login:PermitLimit", "8");
        builder.UseSetting("Jixiao:RateLimits:Search:PermitLimit", "2");
        builder.UseSetting(PendingUploads.FolderSetting, Uploads);
        builder.UseSetting("Jixiao:Upload:SweepMinutes", "1000000"); // the test sweeps itself: the timer must not race it
        builder.UseEnvironment("Production");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, ClientFromHeader>();
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }

        if (Directory.Exists(Uploads))
        {
            Directory.Delete(Uploads, recursive: true);
        }
    }

    /// <summary>Sets the connection's remote IP from X-Test-Client, so one test process can be many clients.</summary>
    private sealed class ClientFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, following) =>
            {
                if (IPAddress.TryParse(http.Request.Headers["X-Test-Client"], out var ip))
                {
                    http.Connection.RemoteIpAddress = ip;
                }

                return following(http);
            });
            next(app);
        };
    }
}

/// <summary>Rate limits, the upload size limit and the private upload folder.</summary>
public sealed class LimitTests(LimitFixture web) : IClassFixture<LimitFixture>
{
    private const string Finance = "finance@财政局";

    private static async Task<HttpResponseMessage> Login(HttpClient client, string user, string password) =>
        await AccountTests.Login(client, user, password);

    [Fact]
    public async Task The_sixth_failed_sign_in_of_one_account_is_429_from_any_ip_and_another_account_is_unaffected()
    {
        using var first = web.Client("10.0.1.1");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Login(first, "filler@采购中心", "wrong-" + i)).StatusCode);
        }

        var sixth = await Login(first, "filler@采购中心", "wrong-5");
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.True(sixth.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
        Assert.Contains("登录失败次数过多", WebUtility.HtmlDecode(await sixth.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var elsewhere = web.Client("10.0.1.2");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Login(elsewhere, "filler@采购中心", Jixiao.Web.Accounts.DemoUsers.Password)).StatusCode);

        using var other = web.Client("10.0.1.3");
        Assert.Equal(HttpStatusCode.Redirect, (await Login(other, "head@医保中心", Jixiao.Web.Accounts.DemoUsers.Password)).StatusCode);
    }

    [Fact]
    public async Task Sign_ins_past_the_limit_of_one_ip_are_429_and_another_ip_is_unaffected()
    {
        using var noisy = web.Client("10.0.2.1");
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Login(noisy, $"nobody-{i}", "x")).StatusCode);
        }

        var refused = await Login(noisy, "nobody-9", "x");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("请求过于频繁", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var quiet = web.Client("10.0.2.2");
        Assert.Equal(HttpStatusCode.OK, (await Login(quiet, "nobody-10", "x")).StatusCode);
    }

    [Fact]
    public async Task Searches_past_the_limit_are_429_with_retry_after_and_a_chinese_problem()
    {
        using var client = web.Client("10.0.3.1");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString("培训"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/search?q=" + Uri.EscapeDataString("培训"))).StatusCode);

        var refused = await client.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString("培训"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        Assert.Contains("请求过于频繁", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task A_200_mb_upload_is_refused_with_413_within_seconds_without_being_read()
    {
        using var client = web.Client("10.0.4.1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/import?handler=Preview");
        request.Headers.ExpectContinue = true; // the client waits for the server's word before sending the body
        request.Content = new GeneratedContent(200L * 1024 * 1024);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        var watch = Stopwatch.StartNew();

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("上限为 20 MB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Uploads_wait_in_a_private_folder_and_go_on_confirm_on_cancel_and_after_the_sweep()
    {
        var uploads = web.Services.GetRequiredService<PendingUploads>();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(uploads.Folder));
        using var finance = web.Client("10.0.5.1");
        Assert.Equal(HttpStatusCode.Redirect, (await AccountTests.Login(finance, Finance)).StatusCode);

        // Confirmed: stored, and the file is gone.
        var confirmed = await Preview(finance, "confirm.json");
        var file = Assert.Single(Directory.GetFiles(uploads.Folder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.DoesNotContain(confirmed, file, StringComparison.Ordinal); // the token is not the file's name
        Assert.Equal(HttpStatusCode.OK, (await Post(finance, "Confirm", confirmed)).StatusCode);
        Assert.Empty(Directory.GetFiles(uploads.Folder));
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(finance, "Confirm", confirmed)).StatusCode); // used

        // Cancelled: the file is gone, and confirming it afterwards is a 400.
        var cancelled = await Preview(finance, "cancel.json");
        Assert.Single(Directory.GetFiles(uploads.Folder));
        var cancel = await Post(finance, "Cancel", cancelled);
        Assert.Contains("上传的文件已删除", WebUtility.HtmlDecode(await cancel.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(uploads.Folder));
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(finance, "Confirm", cancelled)).StatusCode);

        // Left waiting: the sweep deletes it once the expiry has passed, not before.
        var left = await Preview(finance, "left.json");
        Assert.Equal(0, uploads.Sweep());
        web.Clock.Advance(uploads.Expiry + TimeSpan.FromSeconds(1));
        Assert.Equal(1, uploads.Sweep());
        Assert.Empty(Directory.GetFiles(uploads.Folder));
        var expired = await Post(finance, "Confirm", left);
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Contains("预览已过期", WebUtility.HtmlDecode(await expired.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confirm_without_a_token_is_400_with_a_message_not_500()
    {
        using var finance = web.Client("10.0.6.1");
        Assert.Equal(HttpStatusCode.Redirect, (await AccountTests.Login(finance, Finance)).StatusCode);

        var missing = await finance.PostAsync("/import?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await AccountTests.Token(finance, "/import"),
        }));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("缺少预览令牌", WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await Post(finance, "Confirm", new string('a', 64))).StatusCode);
    }

    [Fact]
    public async Task An_anonymous_preview_leaves_no_file()
    {
        var uploads = web.Services.GetRequiredService<PendingUploads>();
        var before = Directory.GetFiles(uploads.Folder).Length;
        using var anonymous = web.Client("10.0.7.1");

        var html = await Preview(anonymous, "anonymous.json", expectToken: false);

        Assert.Contains("preview-form", html, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(uploads.Folder).Length);
    }

    /// <summary>Previews two seed forms as <paramref name="fileName"/>; the token (or, when none is expected, the page).</summary>
    private static async Task<string> Preview(HttpClient client, string fileName, bool expectToken = true)
    {
        var seed = Jixiao.Tests.Support.Seeds.Read(Jixiao.Tests.Support.Seeds.File002);
        var json = Jixiao.Formats.Json.DisclosureJson.ToJson(seed with { Source = fileName, Forms = [.. seed.Forms.Take(2)] });
        using var body = new MultipartFormDataContent
        {
            { new StringContent(await AccountTests.Token(client, "/import")), "__RequestVerificationToken" },
            { new StringContent(json), "upload", fileName },
        };
        var response = await client.PostAsync("/import?handler=Preview", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"token\" value=\"([0-9a-f]{64})\"");
        Assert.Equal(expectToken, token.Success);
        return expectToken ? token.Groups[1].Value : html;
    }

    private static async Task<HttpResponseMessage> Post(HttpClient client, string handler, string token) =>
        await client.PostAsync($"/import?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token,
            ["__RequestVerificationToken"] = await AccountTests.Token(client, "/import"),
        }));

    /// <summary>A body of <paramref name="length"/> bytes written as it is sent, never held in memory.</summary>
    private sealed class GeneratedContent(long length) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            for (long sent = 0; sent < length; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, length - sent)));
            }
        }

        protected override bool TryComputeLength(out long computed)
        {
            computed = length;
            return true;
        }
    }
}
