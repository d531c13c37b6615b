using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jixiao.Web.Tests;

/// <summary>
/// The web app as <c>jixiao serve</c> builds it, on Kestrel (so request body limits hold) with an empty database
/// and a small body limit, plus endpoints that exist only in this test host: one that throws (500), one that
/// answers a bare 429 as a rate limiter would (no limiter exists yet), one that reads a JSON body (413 over the
/// limit), and a page path that throws (which must keep the HTML error page).
/// </summary>
public sealed class ApiErrorHost : IAsyncLifetime
{
    public const int BodyLimit = 1024;

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"jixiao-api-errors-{Guid.NewGuid():N}.db");
    private readonly DirectoryInfo _seeds = Directory.CreateTempSubdirectory("jixiao-no-seeds-");
    private WebApplication? _app;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _app = JixiaoWebHost.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production", "--Jixiao:Db", $"Data Source={_database}", "--Jixiao:Seeds", _seeds.FullName]);
        _app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxRequestBodySize = BodyLimit;
        _app.MapGet("/api/test/boom", string () => throw new InvalidOperationException("秘密的内部错误 at Jixiao.Secret.Method()"));
        _app.MapGet("/api/test/busy", (HttpContext c) => { c.Response.StatusCode = StatusCodes.Status429TooManyRequests; });
        _app.MapPost("/api/test/echo", (System.Text.Json.JsonElement body) => body.GetRawText());
        _app.MapGet("/test/boom", string () => throw new InvalidOperationException("页面的内部错误"));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }

        _seeds.Delete(recursive: true);
    }
}

public sealed class ApiErrorHostTests(ApiErrorHost host) : IClassFixture<ApiErrorHost>
{
    [Fact]
    public async Task An_exception_in_an_api_endpoint_is_a_500_problem_without_its_message_or_stack()
    {
        var problem = await Problems.Assert(await host.Client.GetAsync("/api/test/boom"), HttpStatusCode.InternalServerError);

        Assert.Equal("服务器内部错误", problem.GetProperty("title").GetString());
        Assert.DoesNotContain("秘密", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bare_429_of_other_middleware_becomes_a_problem()
    {
        var problem = await Problems.Assert(await host.Client.GetAsync("/api/test/busy"), HttpStatusCode.TooManyRequests);

        Assert.Equal("请求过于频繁", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_body_over_the_servers_limit_is_a_413_problem()
    {
        using var small = new StringContent("{\"a\":1}", Encoding.UTF8, "application/json");
        Assert.Equal("{\"a\":1}", await (await host.Client.PostAsync("/api/test/echo", small)).Content.ReadAsStringAsync());

        using var large = new StringContent("{\"a\":\"" + new string('x', ApiErrorHost.BodyLimit * 4) + "\"}", Encoding.UTF8, "application/json");
        var problem = await Problems.Assert(await host.Client.PostAsync("/api/test/echo", large), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("请求体过大", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_page_that_fails_keeps_the_html_error_page()
    {
        var response = await host.Client.GetAsync("/test/boom");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("页面的内部错误", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
