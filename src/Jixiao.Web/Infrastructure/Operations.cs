using System.Net;
using System.Text.Json;
using Jixiao.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Jixiao.Web.Infrastructure;

/// <summary>
/// What running the web app in production needs, all in one place (issue 14): settings under one naming scheme
/// (<see cref="Settings"/>), the Data Protection key ring in the database, the health endpoints
/// <c>/healthz/live</c> and <c>/healthz/ready</c>, forwarded headers and HSTS when configured, and OpenTelemetry
/// over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. <see cref="AddJixiaoOperations"/> runs first on the
/// builder, <see cref="UseJixiaoOperations"/> first on the application.
/// </summary>
public static class Operations
{
    /// <summary>The Data Protection application name: every host (the web project, <c>jixiao serve</c>, each instance) shares the key ring.</summary>
    public const string ApplicationName = "Jixiao";

    public const string LivePath = "/healthz/live";
    public const string ReadyPath = "/healthz/ready";

    private const string Live = "live";
    private const string Ready = "ready";

    public static WebApplicationBuilder AddJixiaoOperations(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        services.AddSingleton(new SettingWarnings(Settings.Normalise(configuration, Environment.GetEnvironmentVariable)));

        // The key ring that signs sign-in cookies and antiforgery tokens, in the DataProtectionKeys table of
        // migration 0010: a sign-in survives a restart, and a second instance reads the same keys.
        var target = DatabaseTarget.Resolve(configuration.GetConnectionString(Settings.ConnectionStringName));
        services.AddDbContext<KeyRingDbContext>(o =>
        {
            if (target.Provider == DatabaseProvider.Sqlite)
            {
                o.UseSqlite(target.ConnectionString);
            }
            else
            {
                o.UseNpgsql(target.ConnectionString);
            }
        });
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<KeyRingDbContext>();

        services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy("运行中"), [Live])
            .AddDbContextCheck<KeyRingDbContext>("database", HealthStatus.Unhealthy, [Ready])
            .AddCheck<SchemaCheck>("migrations", HealthStatus.Unhealthy, [Ready]);

        var proxies = KnownProxies(configuration);
        if (proxies.Count > 0)
        {
            services.Configure<ForwardedHeadersOptions>(o =>
            {
                o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                foreach (var proxy in proxies)
                {
                    o.KnownProxies.Add(proxy);
                }
            });
        }

        if (Https(configuration))
        {
            services.AddHsts(o =>
            {
                o.MaxAge = TimeSpan.FromDays(365);
                o.IncludeSubDomains = false;
            });
        }

        AddTelemetry(builder);
        return builder;
    }

    /// <summary>Forwarded headers (first, so everything after sees the client's address and scheme), HSTS, and the health endpoints.</summary>
    public static WebApplication UseJixiaoOperations(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Jixiao.Settings");
        foreach (var warning in app.Services.GetRequiredService<SettingWarnings>().Messages)
        {
            log.LogWarning("{Warning}", warning);
        }

        if (KnownProxies(app.Configuration).Count > 0)
        {
            app.UseForwardedHeaders();
        }

        if (Https(app.Configuration))
        {
            app.UseHsts();
        }

        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(Live), ResponseWriter = WriteJson })
            .AllowAnonymous().DisableHttpMetrics();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteJson })
            .AllowAnonymous().DisableHttpMetrics();
        return app;
    }

    /// <summary><c>Jixiao:Proxy:KnownProxies</c>: the addresses of the reverse proxies whose X-Forwarded-* headers are believed (a list, or one comma-separated string).</summary>
    public static IReadOnlyList<IPAddress> KnownProxies(IConfiguration configuration)
    {
        var section = configuration.GetSection("Jixiao:Proxy:KnownProxies");
        var values = section.Value is { Length: > 0 } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => IPAddress.TryParse(v, out var ip) ? ip : throw new InvalidOperationException($"Jixiao:Proxy:KnownProxies: “{v}” 不是 IP 地址"))
            .ToList();
    }

    /// <summary><c>Jixiao:Https</c>: the site is served over HTTPS (by the proxy), so browsers are told to keep to it (HSTS).</summary>
    public static bool Https(IConfiguration configuration) => configuration.GetValue("Jixiao:Https", false);

    /// <summary>Traces and metrics over OTLP only when an endpoint is configured; otherwise nothing is registered.</summary>
    private static void AddTelemetry(WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return;
        }

        // EF Core's OpenTelemetry instrumentation is only a prerelease (1.20.2-beta.1): database spans come from
        // Npgsql's own instrumentation instead (SQLite has none), and EF Core's and Npgsql's meters are read as they are.
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "jixiao"))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/healthz"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter())
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql", "Microsoft.EntityFrameworkCore")
                .AddOtlpExporter());
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description ?? e.Value.Exception?.Message }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }

    /// <summary>Ready only when the schema is at the version this code uses (the project's own migrations, not EF's).</summary>
    private sealed class SchemaCheck(IConfiguration configuration) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var database = JixiaoDatabase.Open(configuration.GetConnectionString(Settings.ConnectionStringName));
                var version = database.SchemaVersion();
                return Task.FromResult(version == JixiaoDatabase.LatestVersion
                    ? HealthCheckResult.Healthy($"结构版本 {version}")
                    : HealthCheckResult.Unhealthy($"结构版本 {version}，需要 {JixiaoDatabase.LatestVersion}：请运行 jixiao db init"));
            }
            catch (StoreException ex)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy(ex.Message));
            }
        }
    }
}

/// <summary>The Data Protection key ring's table (<c>DataProtectionKeys</c>, created by migration 0010, never by EF).</summary>
public sealed class KeyRingDbContext(DbContextOptions<KeyRingDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}

/// <summary>What <see cref="Settings.Normalise"/> found to warn about, logged once the app is built.</summary>
public sealed record SettingWarnings(IReadOnlyList<string> Messages);
