using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Jixiao.Web.Infrastructure;

/// <summary>A fixed window: at most <see cref="PermitLimit"/> requests per <see cref="WindowSeconds"/>.</summary>
public sealed class RateLimitSettings
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; } = 60;

    public TimeSpan Window => TimeSpan.FromSeconds(Math.Max(1, WindowSeconds));
}

/// <summary>
/// The abuse limits of <c>Jixiao:RateLimits:*</c>, one named policy of ASP.NET Core's rate limiter each
/// (a fixed window per client IP): login attempts (<see cref="Login"/>, POSTs only; per account name too, see
/// <see cref="LoginAttempts"/>), PDF printing, import uploads (POSTs only), search and the indicator library. A rejected
/// request answers 429 with <c>Retry-After</c> and a Chinese message (JSON for <c>/api</c>). Uploads are limited
/// to <c>Jixiao:Upload:MaxBytes</c> (20 MB by default) in Kestrel and the form reader, and answer 413 with a message.
/// </summary>
public static class AbuseLimits
{
    public const string Login = "login";
    public const string Pdf = "pdf";
    public const string ImportPreview = "import-preview";
    public const string Search = "search";
    public const string Library = "library";
    public const string Section = "Jixiao:RateLimits";
    public const string UploadSetting = "Jixiao:Upload:MaxBytes";
    public const long DefaultUploadBytes = 20 * 1024 * 1024;

    /// <summary>Per client IP and window, unless configured (<c>Jixiao:RateLimits:NAME:PermitLimit</c>, <c>…:WindowSeconds</c>).</summary>
    public static readonly IReadOnlyDictionary<string, int> Defaults = new Dictionary<string, int>
    {
        [Login] = 20,
        [Pdf] = 10,
        [ImportPreview] = 10,
        [Search] = 60,
        [Library] = 120,
    };

    /// <summary>Failed sign-ins per account name and window (<c>Jixiao:RateLimits:LoginAccount:*</c>).</summary>
    public const string LoginAccount = "LoginAccount";
    public const int DefaultLoginAccount = 5;

    public static RateLimitSettings Settings(IConfiguration configuration, string name, int permits)
    {
        var settings = new RateLimitSettings { PermitLimit = permits };
        configuration.GetSection($"{Section}:{name}").Bind(settings);
        return settings;
    }

    /// <summary>The largest upload accepted, in bytes.</summary>
    public static long UploadBytes(IConfiguration configuration) => configuration.GetValue(UploadSetting, DefaultUploadBytes);

    public static IServiceCollection AddJixiaoAbuseLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var upload = UploadBytes(configuration);
        services.Configure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = upload + 1024 * 1024);
        services.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = upload + 64 * 1024);
        services.AddSingleton(new LoginAttempts(Settings(configuration, LoginAccount, DefaultLoginAccount)));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) => Reject(context.HttpContext, context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : null);
            foreach (var (name, permits) in Defaults)
            {
                var settings = Settings(configuration, name, permits);
                o.AddPolicy(name, http => name is Login or ImportPreview && !HttpMethods.IsPost(http.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("")
                    : RateLimitPartition.GetFixedWindowLimiter(ClientIp(http), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = Math.Max(1, settings.PermitLimit),
                        Window = settings.Window,
                        QueueLimit = 0,
                    }));
            }
        });
        return services;
    }

    /// <summary>The rate limiter (after routing: the policies are the endpoints') and the upload size check.</summary>
    public static IApplicationBuilder UseJixiaoAbuseLimits(this IApplicationBuilder app)
    {
        var upload = UploadBytes(app.ApplicationServices.GetRequiredService<IConfiguration>());
        app.Use(async (http, next) =>
        {
            // Refused before a byte of the body is read (with Expect: 100-continue the client never sends it).
            if (http.Request.ContentLength > upload + 1024 * 1024)
            {
                await TooLarge(http, upload);
                return;
            }

            try
            {
                await next(http);
            }
            catch (Exception ex) when ((ex is Microsoft.AspNetCore.Http.BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } || ex is InvalidDataException) && !http.Response.HasStarted)
            {
                await TooLarge(http, upload);
            }
        });
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The client's IP, the partition of every policy.</summary>
    public static string ClientIp(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>429 with Retry-After (seconds) and a message: JSON problem for the API, a short page otherwise.</summary>
    public static async ValueTask Reject(HttpContext http, TimeSpan? retryAfter)
    {
        var seconds = (int)Math.Ceiling((retryAfter ?? TimeSpan.FromSeconds(60)).TotalSeconds);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Message(http, "请求过于频繁", $"请求过于频繁，请 {seconds} 秒后再试。", $"Too many requests; try again in {seconds} seconds.");
    }

    private static Task TooLarge(HttpContext http, long upload)
    {
        http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        http.Response.Headers.Connection = "close";
        var mb = upload / 1024 / 1024;
        return Message(http, "文件过大", $"上传的文件过大，上限为 {mb} MB。", $"The upload is too large; the limit is {mb} MB.");
    }

    private static async Task Message(HttpContext http, string title, string zh, string en)
    {
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await http.Response.WriteAsJsonAsync(new { title, status = http.Response.StatusCode, detail = zh }, options: null, contentType: "application/problem+json");
            return;
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head>"
            + $"<body><h1>{WebUtility.HtmlEncode(title)}</h1><p id=\"limit-message\">{WebUtility.HtmlEncode(zh)}</p><p lang=\"en\">{WebUtility.HtmlEncode(en)}</p><p><a href=\"/\">返回首页 (home)</a></p></body></html>");
    }
}

/// <summary>
/// Failed sign-ins per account name (a fixed window of System.Threading.RateLimiting, partitioned by the
/// name): the login page refuses with 429 once an account has used its failures, whichever IP they came from.
/// Successful sign-ins cost nothing.
/// </summary>
public sealed class LoginAttempts(RateLimitSettings settings) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(name =>
        RateLimitPartition.GetFixedWindowLimiter(name, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, settings.PermitLimit),
            Window = settings.Window,
            QueueLimit = 0,
        }));

    /// <summary>Whether <paramref name="userName"/> has failures left in this window (nothing is counted).</summary>
    public bool Allowed(string userName) => _failures.GetStatistics(Key(userName))?.CurrentAvailablePermits is not 0;

    /// <summary>Counts a failed sign-in of <paramref name="userName"/>.</summary>
    public void Failed(string userName)
    {
        using var _ = _failures.AttemptAcquire(Key(userName));
    }

    public TimeSpan Window => settings.Window;

    public void Dispose() => _failures.Dispose();

    private static string Key(string userName) => userName.Trim().ToUpperInvariant();
}
