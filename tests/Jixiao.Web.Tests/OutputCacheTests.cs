using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Jixiao.Formats.Json;
using Jixiao.Tests.Support;
using Jixiao.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>
/// The web app of <see cref="WebFixture"/> whose read model counts its calls: a page served from the output
/// cache reads nothing, which is what the tests observe (not timing). No start-up warm-up, which would read too.
/// </summary>
public sealed class CountingWebFixture : WebApplicationFactory<Program>
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"jixiao-web-{Guid.NewGuid():N}.db");
    private long _reads;

    /// <summary>Calls of the read model so far.</summary>
    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>The read model itself (its calls are counted too).</summary>
    public IReadModel Data => Services.GetRequiredService<IReadModel>();

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Jixiao:Seeds", WebFixture.SeedDirectory);
        builder.UseSetting("Jixiao:Db", $"Data Source={_database}");
        builder.UseSetting("Jixiao:WarmUp", "false");
        builder.UseSetting("Jixiao:Demo", "true");
        builder.UseEnvironment("Production");
        WebFixture.RelaxLimits(builder);
        builder.ConfigureTestServices(services =>
        {
            var original = services.Last(d => d.ServiceType == typeof(IReadModel));
            services.Remove(original);
            services.AddSingleton(p => CountingProxy.Wrap((IReadModel)original.ImplementationFactory!(p), () => Interlocked.Increment(ref _reads)));
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }
}

/// <summary>Forwards every call of an interface to its target, counting it first.</summary>
public class CountingProxy : DispatchProxy
{
    private object _target = null!;
    private Action _count = null!;

    public static T Wrap<T>(T target, Action count)
        where T : class
    {
        var proxy = Create<T, CountingProxy>();
        var counting = (CountingProxy)(object)proxy;
        (counting._target, counting._count) = (target, count);
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        _count();
        try
        {
            return targetMethod!.Invoke(_target, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}

/// <summary>
/// The output cache of the public pages (PublicPages): anonymous requests only, by language, evicted by an
/// import through the web app.
/// </summary>
public sealed class OutputCacheTests(CountingWebFixture web) : IClassFixture<CountingWebFixture>
{
    private const string Filler = "filler@医保中心";
    private const string Finance = "finance@财政局";

    /// <summary>A target form of the filler's unit: the page that shows a 填报人 the 开始自评 form.</summary>
    private StoredFormView FillerForm(int skip)
    {
        var unit = Accounts.DemoUsers.All.Single(u => u.UserName == Filler).Unit;
        return web.Data.WholeForms(new Scope()).Where(f => f.Form.Unit == unit && f.Form.Kind == Domain.Model.FormKind.Target).Skip(skip).First();
    }

    private async Task<(HttpResponseMessage Response, string Body, long Reads)> Get(HttpClient client, string url)
    {
        var before = web.Reads;
        var response = await client.GetAsync(url);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        return (response, body, web.Reads - before);
    }

    private async Task<HttpClient> SignedIn(string userName)
    {
        var client = web.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await AccountTests.Login(client, userName)).StatusCode);
        return client;
    }

    [Theory]
    [InlineData("/forms/{0}")]
    [InlineData("/api/v1/forms/{0}")]
    [InlineData("/units/{1}")]
    [InlineData("/?year=2023")]
    public async Task An_anonymous_second_request_is_served_from_the_cache_with_the_security_headers(string pattern)
    {
        var form = web.Data.Forms(new Scope())[3];
        var url = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, form.Id, form.UnitId);
        using var one = web.Client();
        using var other = web.Client();

        var first = await Get(one, url);
        var second = await Get(other, url);
        var third = await Get(one, url);

        Assert.Equal(HttpStatusCode.OK, first.Response.StatusCode);
        Assert.True(first.Reads > 0);
        Assert.Equal((0L, 0L), (second.Reads, third.Reads));
        Assert.Equal(first.Body, second.Body);
        foreach (var response in new[] { first.Response, second.Response })
        {
            Assert.StartsWith("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.False(response.Headers.Contains("Set-Cookie"));
        }
    }

    [Fact]
    public async Task A_missing_form_is_not_cached()
    {
        using var client = web.Client();

        var first = await Get(client, "/forms/987654321");
        var second = await Get(client, "/forms/987654321");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (first.Response.StatusCode, second.Response.StatusCode));
        Assert.True(second.Reads > 0);
    }

    [Fact]
    public async Task A_signed_in_user_never_gets_the_anonymous_page_and_never_leaves_theirs_to_anyone()
    {
        var cachedFirst = FillerForm(0);
        var signedInFirst = FillerForm(1);
        using var anonymous = web.Client();
        using var filler = await SignedIn(Filler);

        var anonymousPage = await Get(anonymous, $"/forms/{cachedFirst.Id}"); // now in the cache
        var fillerPage = await Get(filler, $"/forms/{cachedFirst.Id}");
        var fillerOther = await Get(filler, $"/forms/{signedInFirst.Id}"); // never cached
        var anonymousOther = await Get(anonymous, $"/forms/{signedInFirst.Id}");
        var fillerApi = await Get(filler, $"/api/v1/forms/{cachedFirst.Id}");
        await Get(anonymous, $"/api/v1/forms/{cachedFirst.Id}");
        var fillerApiAgain = await Get(filler, $"/api/v1/forms/{cachedFirst.Id}");

        foreach (var page in new[] { fillerPage, fillerOther })
        {
            Assert.True(page.Reads > 0);
            Assert.Contains($"<span id=\"current-user\">{Filler}</span>", page.Body, StringComparison.Ordinal);
            Assert.Contains("id=\"start-evaluation\"", page.Body, StringComparison.Ordinal);
            Assert.Contains("__RequestVerificationToken", page.Body, StringComparison.Ordinal);
        }

        foreach (var page in new[] { anonymousPage, anonymousOther })
        {
            Assert.Contains("id=\"login-link\"", page.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(Filler, page.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("start-evaluation", page.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("__RequestVerificationToken", page.Body, StringComparison.Ordinal);
        }

        Assert.True(anonymousOther.Reads > 0); // the filler's page of it was not stored
        Assert.Equal(HttpStatusCode.OK, fillerApi.Response.StatusCode);
        Assert.True(fillerApiAgain.Reads > 0); // the API too is read afresh for a signed-in user
        Assert.Equal(0, (await Get(anonymous, $"/forms/{cachedFirst.Id}")).Reads); // and the anonymous entry is still there
    }

    [Fact]
    public async Task English_is_cached_apart_from_chinese_and_a_response_setting_the_language_cookie_is_not()
    {
        var url = $"/forms/{web.Data.Forms(new Scope())[5].Id}";
        using var chinese = web.Client();
        using var english = web.Client();
        english.DefaultRequestHeaders.Add("Cookie", "jixiao-lang=en");
        using var switching = web.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        var zh = await Get(chinese, url);
        var en = await Get(english, url);
        var enAgain = await Get(english, url);
        var zhAgain = await Get(chinese, url);
        var chosen = await Get(switching, url + "?lang=en");
        var chosenAgain = await Get(switching, url + "?lang=en");

        Assert.Contains("<html lang=\"zh-CN\">", zh.Body, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", en.Body, StringComparison.Ordinal);
        Assert.True(en.Reads > 0);
        Assert.Equal((en.Body, 0L), (enAgain.Body, enAgain.Reads));
        Assert.Equal((zh.Body, 0L), (zhAgain.Body, zhAgain.Reads));

        // ?lang=en remembers the choice in a cookie: such a response is served, never stored.
        Assert.Contains("<html lang=\"en\">", chosen.Body, StringComparison.Ordinal);
        Assert.Contains(chosenAgain.Response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("jixiao-lang=en", StringComparison.Ordinal));
        Assert.True(chosenAgain.Reads > 0);
    }

    [Fact]
    public async Task An_import_through_the_web_shows_on_the_next_anonymous_page()
    {
        using var anonymous = web.Client();
        using var finance = await SignedIn(Finance);
        var seed = Seeds.Read(Seeds.File002);
        var content = Encoding.UTF8.GetBytes(DisclosureJson.ToJson(seed with { Source = "output-cache.json", Forms = [.. seed.Forms.Take(3).Select(f => f with { Name = f.Name + "（缓存）" })] }));
        var before = await Get(anonymous, "/");
        Assert.Equal(0, (await Get(anonymous, "/")).Reads);

        Assert.Equal(HttpStatusCode.OK, (await ApiImport(finance, content, "output-cache.json")).StatusCode);
        var after = await Get(anonymous, "/");

        Assert.True(after.Reads > 0);
        Assert.Equal(Stat(before.Body, "stat-projects") + 3, Stat(after.Body, "stat-projects")); // three projects of new names

        // Even an unchanged file adds a line to the form page's 处理记录.
        var form = web.Data.Forms(new Scope()).First(f => f.Source == "output-cache.json");
        var once = await Get(anonymous, $"/forms/{form.Id}");
        Assert.Equal(0, (await Get(anonymous, $"/forms/{form.Id}")).Reads);
        Assert.Equal(HttpStatusCode.OK, (await ApiImport(finance, content, "output-cache.json")).StatusCode);
        var twice = await Get(anonymous, $"/forms/{form.Id}");

        Assert.Equal(1, HistoryRows(once.Body));
        Assert.Equal(2, HistoryRows(twice.Body));
    }

    private static int Stat(string html, string id) =>
        int.Parse(System.Text.RegularExpressions.Regex.Match(html, $"id=\"{id}\">([0-9]+)<").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static int HistoryRows(string html)
    {
        var table = html[html.IndexOf("id=\"import-history\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        return table[table.IndexOf("<tbody", StringComparison.Ordinal)..].Split("<tr").Length - 1;
    }

    /// <summary>POST /api/v1/import with the antiforgery header, as <c>ImportAuthTests</c> does.</summary>
    private static async Task<HttpResponseMessage> ApiImport(HttpClient client, byte[] content, string fileName)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/import");
        using (var tokens = JsonDocument.Parse(await client.GetStringAsync("/api/v1/antiforgery")))
        {
            request.Headers.Add(tokens.RootElement.GetProperty("headerName").GetString()!, tokens.RootElement.GetProperty("token").GetString());
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Content = new MultipartFormDataContent { { file, "file", fileName } };
        return await client.SendAsync(request);
    }
}
