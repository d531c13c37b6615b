using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Jixiao.Web.Accounts;
using Jixiao.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Jixiao.Web.Tests;

/// <summary>The web app on a SQLite file this test names, without seeds (fast), with the demo accounts and extra settings.</summary>
internal sealed class OperationsHost(string database, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public static readonly string NoSeeds = Directory.CreateTempSubdirectory("jixiao-no-seeds-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Jixiao", $"Data Source={database}");
        builder.UseSetting("Jixiao:Seeds", NoSeeds);
        builder.UseSetting("Jixiao:Demo", "true");
        builder.UseSetting("Jixiao:WarmUp", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Production");
    }

    public static string NewDatabase() => Path.Combine(Path.GetTempPath(), $"jixiao-ops-{Guid.NewGuid():N}.db");

    public static void Delete(string database)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
        {
            File.Delete(file);
        }
    }
}

public sealed class OperationsTests
{
    [Fact]
    public async Task A_sign_in_survives_a_restart_of_the_app_because_the_keys_are_in_the_database()
    {
        var database = OperationsHost.NewDatabase();
        var other = OperationsHost.NewDatabase();
        try
        {
            string cookie;
            using (var first = new OperationsHost(database))
            {
                using var client = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
                var login = await AccountTests.Login(client, "admin");
                Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
                cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AccountServices.AuthCookie + "=", StringComparison.Ordinal)).Split(';')[0];
                Assert.Equal(HttpStatusCode.OK, (await Get(first, "/admin/audit", cookie)).StatusCode);
            }

            // A new process on the same database: the cookie signed by the first is accepted.
            using (var second = new OperationsHost(database))
            {
                var page = await Get(second, "/admin/audit", cookie);
                Assert.Equal(HttpStatusCode.OK, page.StatusCode);
                Assert.Contains("admin", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            }

            // An app on another database has other keys: the same cookie signs nobody in there.
            using var stranger = new OperationsHost(other);
            var refused = await Get(stranger, "/admin/audit", cookie);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/account/login", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        finally
        {
            OperationsHost.Delete(database);
            OperationsHost.Delete(other);
        }
    }

    [Fact]
    public async Task Live_and_ready_answer_without_signing_in_and_ready_fails_when_the_schema_is_behind()
    {
        var database = OperationsHost.NewDatabase();
        try
        {
            using var host = new OperationsHost(database);
            using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

            var live = await client.GetAsync(Operations.LivePath);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal("Healthy", Json(await live.Content.ReadAsStringAsync()).GetProperty("status").GetString());

            var ready = await client.GetAsync(Operations.ReadyPath);
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            var checks = Json(await ready.Content.ReadAsStringAsync()).GetProperty("checks");
            Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
            Assert.Equal($"结构版本 {Storage.JixiaoDatabase.LatestVersion}", checks.GetProperty("migrations").GetProperty("description").GetString());

            // The database falls one migration behind the code: not ready, and it says what to run.
            using (var connection = new SqliteConnection($"Data Source={database}"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = $"DELETE FROM schema_version WHERE version = {Storage.JixiaoDatabase.LatestVersion}";
                Assert.Equal(1, command.ExecuteNonQuery());
            }

            var behind = await client.GetAsync(Operations.ReadyPath);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, behind.StatusCode);
            var migrations = Json(await behind.Content.ReadAsStringAsync()).GetProperty("checks").GetProperty("migrations");
            Assert.Equal("Unhealthy", migrations.GetProperty("status").GetString());
            Assert.Contains("jixiao db init", migrations.GetProperty("description").GetString(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Operations.LivePath)).StatusCode);
        }
        finally
        {
            OperationsHost.Delete(database);
        }
    }

    [Fact]
    public async Task Forwarded_headers_and_hsts_are_off_unless_configured()
    {
        var database = OperationsHost.NewDatabase();
        try
        {
            // The public host name is allowed as a deployment sets it (AllowedHosts is "localhost" by default).
            using (var plain = new OperationsHost(database, new Dictionary<string, string?> { ["AllowedHosts"] = "jixiao.example.gov.cn" }))
            {
                var response = await Forwarded(plain);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.False(response.Headers.Contains("Strict-Transport-Security"));
            }

            // Behind a proxy at 127.0.0.1 (the address the test server's connections come from) serving HTTPS.
            using var proxied = new OperationsHost(database, new Dictionary<string, string?>
            {
                ["AllowedHosts"] = "jixiao.example.gov.cn",
                ["Jixiao:Https"] = "true",
                ["Jixiao:Proxy:KnownProxies:0"] = "127.0.0.1",
            });
            var answer = await Forwarded(proxied);
            Assert.Equal("max-age=31536000", Assert.Single(answer.Headers.GetValues("Strict-Transport-Security")));
        }
        finally
        {
            OperationsHost.Delete(database);
        }
    }

    [Fact]
    public void Old_setting_names_are_read_with_a_warning_naming_the_new_one_and_the_new_names_win()
    {
        var file = Path.Combine(Path.GetTempPath(), $"appsettings-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{ "ConnectionStrings": { "Jixiao": "Data Source=default.db" } }""");
        try
        {
            // Only the appsettings default and the old JIXIAO_DB: the old variable wins over the file, with a warning.
            var manager = new ConfigurationManager();
            manager.AddJsonFile(file);
            var env = new Dictionary<string, string?> { ["JIXIAO_DB"] = "Data Source=old.db", ["JIXIAO_SEEDS"] = "/seeds" };
            var warnings = Settings.Normalise(manager, env.GetValueOrDefault);
            Assert.Equal("Data Source=old.db", manager.GetConnectionString("Jixiao"));
            Assert.Equal("Data Source=old.db", manager["Jixiao:Db"]);
            Assert.Equal("/seeds", manager["Jixiao:Seeds"]);
            Assert.Equal(
                ["JIXIAO_DB is deprecated: use ConnectionStrings:Jixiao (ConnectionStrings__Jixiao) instead.", "JIXIAO_SEEDS is deprecated: use Jixiao:Seeds (Jixiao__Seeds) instead."],
                warnings);

            // The new name set in the environment: the old one is ignored, and the warning says so.
            var newer = new ConfigurationManager();
            newer.AddJsonFile(file);
            newer.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Jixiao"] = "Data Source=new.db" });
            var ignored = Settings.Normalise(newer, env.GetValueOrDefault);
            Assert.Equal("Data Source=new.db", newer.GetConnectionString("Jixiao"));
            Assert.Equal("Data Source=new.db", newer["Jixiao:Db"]);
            Assert.Contains("JIXIAO_DB is ignored: ConnectionStrings:Jixiao (ConnectionStrings__Jixiao) is set.", ignored);

            // Nothing old: no warning, the appsettings default stands.
            var clean = new ConfigurationManager();
            clean.AddJsonFile(file);
            Assert.Empty(Settings.Normalise(clean, _ => null));
            Assert.Equal("Data Source=default.db", clean["Jixiao:Db"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Traces_and_metrics_go_to_the_otlp_endpoint_only_when_one_is_configured()
    {
        var database = OperationsHost.NewDatabase();
        using var collector = new HttpListener();
        var port = FreePort();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var received = new List<string>();
        var listening = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await collector.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                lock (received)
                {
                    received.Add($"{context.Request.HttpMethod} {context.Request.Url!.AbsolutePath} {context.Request.ContentType}");
                }

                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });
        try
        {
            using (var off = new OperationsHost(database))
            {
                Assert.Null(off.Services.GetService(typeof(OpenTelemetry.Trace.TracerProvider)));
                Assert.Null(off.Services.GetService(typeof(OpenTelemetry.Metrics.MeterProvider)));
                Assert.Equal(HttpStatusCode.OK, (await off.CreateClient().GetAsync("/api/v1/forms")).StatusCode);
            }

            using (var on = new OperationsHost(database, new Dictionary<string, string?>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{port}",
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            }))
            {
                var traces = Assert.IsType<OpenTelemetry.Trace.TracerProvider>(on.Services.GetService(typeof(OpenTelemetry.Trace.TracerProvider)), exactMatch: false);
                var metrics = Assert.IsType<OpenTelemetry.Metrics.MeterProvider>(on.Services.GetService(typeof(OpenTelemetry.Metrics.MeterProvider)), exactMatch: false);
                var probe = $"/otel-probe-{Guid.NewGuid():N}";

                // The server's span ends after the test server has handed the response over: wait for its end.
                var ended = new TaskCompletionSource<System.Diagnostics.Activity>(TaskCreationOptions.RunContinuationsAsynchronously);
                using var spans = new System.Diagnostics.ActivityListener
                {
                    ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
                    Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.PropagationData,
                    ActivityStopped = activity =>
                    {
                        if (activity.GetTagItem("url.path") as string == probe)
                        {
                            ended.TrySetResult(activity); // this request's, not one of another test's host
                        }
                    },
                };
                System.Diagnostics.ActivitySource.AddActivityListener(spans);
                Assert.Equal(HttpStatusCode.NotFound, (await on.CreateClient().GetAsync(probe)).StatusCode);
                var span = await ended.Task.WaitAsync(TimeSpan.FromSeconds(30));
                Assert.True(span.Recorded, "the request's span is not sampled");

                // Exported now rather than on the exporters' schedule.
                Assert.True(OpenTelemetry.Trace.TracerProviderExtensions.ForceFlush(traces, 30_000));
                Assert.True(OpenTelemetry.Metrics.MeterProviderExtensions.ForceFlush(metrics, 30_000));
            }

            lock (received)
            {
                Assert.True(received.Contains("POST /v1/traces application/x-protobuf"), string.Join(" | ", received));
                Assert.Contains("POST /v1/metrics application/x-protobuf", received);
            }
        }
        finally
        {
            collector.Stop();
            await listening;
            OperationsHost.Delete(database);
        }
    }

    private static async Task<HttpResponseMessage> Get(WebApplicationFactory<Program> host, string url, string cookie)
    {
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    /// <summary>A request as nginx passes it on for https://jixiao.example.gov.cn/.</summary>
    private static async Task<HttpResponseMessage> Forwarded(WebApplicationFactory<Program> host)
    {
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, Operations.LivePath);
        request.Headers.Host = "jixiao.example.gov.cn";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        return await client.SendAsync(request);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
