using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Jixiao.Web.Printing;

/// <summary>What became of one print.</summary>
public enum PrintStatus
{
    Printed,

    /// <summary>Every page and every place in the queue taken: try again after <see cref="PrintResult.RetryAfter"/>.</summary>
    Busy,

    /// <summary>The print took longer than <see cref="PrinterOptions.TimeoutSeconds"/>; its page was closed.</summary>
    TimedOut,

    /// <summary>No Chromium, or no address of this server for it to load the form from.</summary>
    Unavailable,

    /// <summary>Chromium failed (the page did not load, the browser crashed).</summary>
    Failed,
}

public sealed record PrintResult(PrintStatus Status, byte[]? Pdf = null, TimeSpan? RetryAfter = null, string? Message = null);

/// <summary>Counters of one printer, for logs and tests.</summary>
public sealed record PrinterMetrics(int InFlight, int MaxInFlight, long Printed, long Rejected, long TimedOut, long Cancelled, long Failed, long BlockedRequests, int Launches, int Restarts);

/// <summary>
/// Prints a form's page to PDF in one long-lived headless Chromium (driven by Playwright, started on the first
/// print, closed with the app), a bounded number of pages at once behind a bounded queue.
/// </summary>
/// <remarks>
/// <para>
/// The page is always loaded from <see cref="Origin"/> — the address this server listens on, preferring a
/// loopback http one — never from the request's <c>Host</c> or <c>X-Forwarded-Host</c>: what is printed is
/// decided by the form id and the language alone. Every request of the page is routed through
/// <see cref="IBrowserContext.RouteAsync(string, Func{IRoute, Task}, BrowserContextRouteOptions)"/>: one to that exact
/// origin goes on, any other is aborted and logged.
/// </para>
/// <para>
/// Each print runs in a browser context of its own (no cookie or cache shared between prints) and holds a permit
/// of a <see cref="ConcurrencyLimiter"/> (<see cref="PrinterOptions.MaxConcurrentPages"/> permits, a queue of
/// <see cref="PrinterOptions.QueueLimit"/>) from before its page opens until the page is closed. A request the
/// queue cannot take is answered <see cref="PrintStatus.Busy"/>. A print whose client goes away, or that runs
/// past <see cref="PrinterOptions.TimeoutSeconds"/>, has its context closed at once, which frees the permit; when
/// closing does not finish within <see cref="PrinterOptions.CloseGraceSeconds"/> Chromium is taken as hung, killed
/// with its renderers and started again by the next print.
/// </para>
/// </remarks>
public sealed class FormPrinter : IAsyncDisposable
{
    /// <summary>The message of a missing Chromium, as the endpoint has always answered it (503).</summary>
    public const string NoChromiumMessage = "打印 PDF 需要 Chromium：请安装 Debian 软件包 chromium（apt-get install chromium fonts-noto-cjk），或设置 JIXIAO_CHROMIUM。";

    /// <summary>How long starting Chromium may take (a print waits for it before its own timeout starts).</summary>
    public static readonly TimeSpan LaunchTimeout = TimeSpan.FromSeconds(60);

    private static int _sandboxWarned;

    private readonly PrinterOptions _options;
    private readonly IServer _server;
    private readonly ILogger<FormPrinter> _log;
    private readonly ConcurrencyLimiter _limiter;
    private readonly SemaphoreSlim _browserLock = new(1, 1);
    private readonly string _id = Guid.NewGuid().ToString("N")[..12];
    private IPlaywright? _playwright;
    private Session? _session;
    private Uri? _origin;
    private int _inFlight;
    private int _maxInFlight;
    private int _launches;
    private int _restarts;
    private long _printed;
    private long _rejected;
    private long _timedOut;
    private long _cancelled;
    private long _failed;
    private long _blocked;
    private double _averageSeconds = 2;
    private volatile bool _disposed;

    public FormPrinter(IOptions<PrinterOptions> options, IServer server, ILogger<FormPrinter> log)
    {
        _options = options.Value;
        _server = server;
        _log = log;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(1, _options.MaxConcurrentPages),
            QueueLimit = Math.Max(0, _options.QueueLimit),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>
    /// The start of an argument that every Chromium this printer launches carries (<c>--jixiao-printer=ID-N</c>,
    /// which Chromium ignores): how its processes are found in <c>/proc</c>, by the printer to kill a hung one and by
    /// tests to count them.
    /// </summary>
    public string ProcessMarker => $"--jixiao-printer={_id}";

    public PrinterMetrics Metrics => new(
        Volatile.Read(ref _inFlight), Volatile.Read(ref _maxInFlight), Interlocked.Read(ref _printed), Interlocked.Read(ref _rejected),
        Interlocked.Read(ref _timedOut), Interlocked.Read(ref _cancelled), Interlocked.Read(ref _failed), Interlocked.Read(ref _blocked),
        Volatile.Read(ref _launches), Volatile.Read(ref _restarts));

    /// <summary>The origin every print loads from; <c>null</c> until the server listens (or when it has no usable address).</summary>
    public Uri? Origin => _origin ??= PrintOrigin.FromSetting(_options.Origin)
        ?? PrintOrigin.Choose(_server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);

    /// <summary>Debian's <c>chromium-headless-shell</c> (the binary; <c>/usr/bin/</c> has a wrapper script that does not <c>exec</c>).</summary>
    public const string HeadlessShell = "/usr/lib/chromium/chromium-headless-shell";

    /// <summary>
    /// The Chromium to run: the setting, <c>JIXIAO_CHROMIUM</c>, else Debian's headless shell (same version as its
    /// chromium, without the browser's UI: one renderer process per page and no spare one) or Debian's chromium;
    /// <c>null</c> when none exists.
    /// </summary>
    public static string? FindChromium(string? configured = null)
    {
        foreach (var candidate in new[] { configured, Environment.GetEnvironmentVariable("JIXIAO_CHROMIUM"), HeadlessShell, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" })
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Prints <c>/forms/<paramref name="formId"/></c> of this server in Chinese (or English). Throws
    /// <see cref="OperationCanceledException"/> when <paramref name="aborted"/> (the client went away) fires first;
    /// the page is closed and the permit freed all the same.
    /// </summary>
    public async Task<PrintResult> PrintFormAsync(long formId, bool english, CancellationToken aborted)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (FindChromium(_options.ChromiumPath) is not { } executable)
        {
            return new PrintResult(PrintStatus.Unavailable, Message: NoChromiumMessage);
        }

        if (Origin is not { } origin)
        {
            return new PrintResult(PrintStatus.Unavailable, Message: "打印 PDF 需要本服务在本机监听的 http 地址（或设置 Jixiao:Printing:Origin）。");
        }

        using var lease = await _limiter.AcquireAsync(1, aborted);
        if (!lease.IsAcquired)
        {
            Interlocked.Increment(ref _rejected);
            return new PrintResult(PrintStatus.Busy, RetryAfter: RetryAfter());
        }

        var active = Interlocked.Increment(ref _inFlight);
        for (var max = Volatile.Read(ref _maxInFlight); active > max; max = Volatile.Read(ref _maxInFlight))
        {
            Interlocked.CompareExchange(ref _maxInFlight, active, max);
        }

        var started = Stopwatch.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        try
        {
            // Starting Chromium (the first print, or after a crash) is bounded by its own launch timeout, not the print's.
            var session = await SessionAsync(executable, origin).WaitAsync(aborted);
            deadline.CancelAfter(_options.Timeout);
            var url = new Uri(origin, $"/forms/{formId}?lang={(english ? "en" : "zh")}");
            var pdf = await PrintPageAsync(session, origin, url, formId, deadline.Token);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            _averageSeconds = (0.8 * _averageSeconds) + (0.2 * seconds);
            Interlocked.Increment(ref _printed);
            return new PrintResult(PrintStatus.Printed, pdf);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            Interlocked.Increment(ref _cancelled);
            _log.LogInformation("PDF of form {FormId}: the client went away after {Seconds:0.0} s; its page is closed", formId, Stopwatch.GetElapsedTime(started).TotalSeconds);
            throw;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            Interlocked.Increment(ref _timedOut);
            _log.LogWarning("PDF of form {FormId}: not printed within {Seconds} s; its page is closed", formId, _options.Timeout.TotalSeconds);
            return new PrintResult(PrintStatus.TimedOut, Message: $"Chromium 未能在 {_options.Timeout.TotalSeconds:0} 秒内打印该表。");
        }
        catch (Exception e) when (e is PlaywrightException or PrintFailedException or TimeoutException)
        {
            Interlocked.Increment(ref _failed);
            _log.LogError(e, "PDF of form {FormId}: Chromium failed", formId);
            return new PrintResult(PrintStatus.Failed, Message: "Chromium 未能打印该表。");
        }
        finally
        {
            lease.Dispose(); // before the count drops: whoever sees no print in flight finds the page free
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>One print in a context of its own, closed whatever happens (which ends a print still loading when the token fires).</summary>
    private async Task<byte[]> PrintPageAsync(Session session, Uri origin, Uri url, long formId, CancellationToken cancel)
    {
        var opening = session.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ServiceWorkers = ServiceWorkerPolicy.Block,
            AcceptDownloads = false,
            IgnoreHTTPSErrors = origin.Scheme == Uri.UriSchemeHttps, // our own loopback https, whose certificate names another host
            Locale = "zh-CN",
        });
        IBrowserContext context;
        try
        {
            context = await opening.WaitAsync(cancel);
        }
        catch (OperationCanceledException)
        {
            Forget(CloseWhenOpened(opening));
            if (await Task.WhenAny(opening, Task.Delay(_options.CloseGrace)) != opening)
            {
                await KillHungAsync(session, "open a page");
            }

            throw;
        }

        var work = RenderAsync(context, origin, url, formId);
        try
        {
            return await work.WaitAsync(cancel);
        }
        finally
        {
            Forget(work); // fails once its context is closed under it
            await CloseAsync(session, context);
        }
    }

    private async Task<byte[]> RenderAsync(IBrowserContext context, Uri origin, Uri url, long formId)
    {
        await context.RouteAsync("**/*", route => Route(route, origin, formId));
        await context.RouteWebSocketAsync(_ => true, socket =>
        {
            // Never connected to any server: a print needs no WebSocket, and routes do not see them.
            Interlocked.Increment(ref _blocked);
            _log.LogWarning("PDF of form {FormId}: blocked a WebSocket to {Url}", formId, socket.Url);
            Forget(socket.CloseAsync());
        });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(url.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 0 });
        if (response is not { Ok: true })
        {
            throw new PrintFailedException($"{url.AbsolutePath} answered {response?.Status.ToString() ?? "nothing"}");
        }

        return await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, Format = "A4", PrintBackground = true });
    }

    /// <summary>
    /// The page may load from the print origin only; anything else is aborted and logged. A request to the origin is
    /// fetched here, redirects one by one, because Playwright routes only the first request of a redirect chain:
    /// left to the browser, a redirect would lead it anywhere unseen. A redirect off the origin is aborted as well.
    /// </summary>
    private async Task Route(IRoute route, Uri origin, long formId)
    {
        try
        {
            var target = route.Request.Url;
            for (var hop = 0; ; hop++)
            {
                if (!PrintOrigin.IsSameOrigin(target, origin) || hop > 5)
                {
                    Interlocked.Increment(ref _blocked);
                    _log.LogWarning("PDF of form {FormId}: blocked a request to {Url}, not at the print origin {Origin}", formId, target, origin);
                    await route.AbortAsync("blockedbyclient");
                    return;
                }

                var response = await route.FetchAsync(new RouteFetchOptions { Url = target, MaxRedirects = 0 });
                if (response.Status is >= 300 and < 400 && response.Headers.TryGetValue("location", out var location))
                {
                    target = new Uri(new Uri(target), location).AbsoluteUri;
                    continue;
                }

                await route.FulfillAsync(new RouteFulfillOptions { Response = response });
                return;
            }
        }
        catch (PlaywrightException)
        {
            // The fetch failed, or the context was closed while the request waited (a cancelled or timed-out print).
            try
            {
                await route.AbortAsync("failed");
            }
            catch (PlaywrightException)
            {
                // closed
            }
        }
    }

    /// <summary>Closes a print's context; one that does not close in time means a hung Chromium, which is killed.</summary>
    private async Task CloseAsync(Session session, IBrowserContext context)
    {
        var closing = context.CloseAsync();
        if (await Task.WhenAny(closing, Task.Delay(_options.CloseGrace)) == closing)
        {
            try
            {
                await closing;
            }
            catch (PlaywrightException)
            {
                // the browser went away with it
            }

            return;
        }

        Forget(closing);
        await KillHungAsync(session, "close a page");
    }

    /// <summary>Kills a Chromium that did not answer in time; the next print starts a new one.</summary>
    private async Task KillHungAsync(Session session, string what)
    {
        _log.LogError("Chromium did not {What} within {Seconds} s: killing it; the next print starts a new one", what, _options.CloseGrace.TotalSeconds);
        await _browserLock.WaitAsync();
        try
        {
            if (ReferenceEquals(_session, session))
            {
                _session = null;
                Interlocked.Increment(ref _restarts);
            }

            Kill(session);
        }
        finally
        {
            _browserLock.Release();
        }
    }

    /// <summary>The running Chromium, launched when there is none (first print, or after it crashed or was killed).</summary>
    private async Task<Session> SessionAsync(string executable, Uri origin)
    {
        if (_session is { Browser.IsConnected: true } current)
        {
            return current;
        }

        await _browserLock.WaitAsync();
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_session is { Browser.IsConnected: true } again)
            {
                return again;
            }

            if (_session is { } dead)
            {
                _log.LogWarning("Chromium of the printer is gone (crashed or killed); starting a new one");
                Kill(dead);
                _session = null;
            }

            _playwright ??= await Microsoft.Playwright.Playwright.CreateAsync();
            var marker = $"{ProcessMarker}-{Interlocked.Increment(ref _launches)}";
            var sandbox = Sandbox();
            // Playwright adds its own switches (no first-run, no background networking or component updates,
            // --disable-dev-shm-usage for a container's small /dev/shm, …): only the marker is ours.
            var args = new List<string> { marker };
            var browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                ChromiumSandbox = sandbox, // false makes Playwright pass --no-sandbox
                Args = args,
                Timeout = (float)LaunchTimeout.TotalMilliseconds,
            });
            _session = new Session(browser, marker);
            _log.LogInformation("Chromium {Version} started for printing ({Executable}, sandbox {Sandbox}); pages load from {Origin} only", browser.Version, executable, sandbox ? "on" : "off", origin);
            return _session;
        }
        finally
        {
            _browserLock.Release();
        }
    }

    /// <summary>Chromium's sandbox, unless running as root (Chromium refuses it then) or told otherwise; says why, once.</summary>
    private bool Sandbox()
    {
        string? why = Environment.IsPrivilegedProcess
            ? "this process runs as root, where Chromium cannot use its sandbox (run the app as an ordinary user to keep it)"
            : _options.NoSandbox ? "Jixiao:Printing:NoSandbox is set" : null;
        if (why is not null && Interlocked.Exchange(ref _sandboxWarned, 1) == 0)
        {
            _log.LogWarning("Chromium prints PDFs with --no-sandbox: {Why}. The pages it loads are this app's own, at its loopback address only", why);
        }

        return why is null;
    }

    private TimeSpan RetryAfter()
    {
        var permits = Math.Max(1, _options.MaxConcurrentPages);
        var seconds = Math.Ceiling(_averageSeconds * (Math.Max(0, _options.QueueLimit) + permits) / permits);
        return TimeSpan.FromSeconds(Math.Clamp(seconds, 1, Math.Max(1, _options.Timeout.TotalSeconds)));
    }

    /// <summary>Kills the processes of one launch (found by its marker) and removes its profile folder.</summary>
    private void Kill(Session session)
    {
        foreach (var pid in ProcessTree.WithArgument(session.Marker))
        {
            var profile = ProcessTree.CommandLine(pid).FirstOrDefault(a => a.StartsWith("--user-data-dir=", StringComparison.Ordinal))?["--user-data-dir=".Length..];
            ProcessTree.KillTree(pid);
            if (profile is not null && Path.GetFileName(profile).StartsWith("playwright_", StringComparison.Ordinal))
            {
                DeleteLater(profile);
            }
        }
    }

    /// <summary>A killed Chromium's profile: Playwright removes it when it sees the exit; this makes sure.</summary>
    private static void DeleteLater(string folder)
    {
        for (var attempt = 0; attempt < 10 && Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(100); // a dying process may still write
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _browserLock.WaitAsync();
        try
        {
            if (_session is { } session)
            {
                _session = null;
                var closing = session.Browser.CloseAsync();
                if (await Task.WhenAny(closing, Task.Delay(_options.CloseGrace)) != closing)
                {
                    Forget(closing);
                    _log.LogWarning("Chromium of the printer did not close within {Seconds} s; killed", _options.CloseGrace.TotalSeconds);
                }
                else
                {
                    try
                    {
                        await closing;
                    }
                    catch (PlaywrightException)
                    {
                        // already gone
                    }
                }

                Kill(session); // anything of it still alive
            }

            _playwright?.Dispose();
            _playwright = null;
        }
        finally
        {
            _browserLock.Release();
        }

        await _limiter.DisposeAsync();
    }

    /// <summary>Closes a browser context whose opening the caller stopped waiting for, once it has opened.</summary>
    private static async Task CloseWhenOpened(Task<IBrowserContext> opening) => await (await opening).CloseAsync();

    /// <summary>A task left running whose failure (a closed page, a killed browser) is expected and not worth an unobserved exception.</summary>
    private static void Forget(Task task) =>
        _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    private sealed record Session(IBrowser Browser, string Marker);

    private sealed class PrintFailedException(string message) : Exception(message);
}
