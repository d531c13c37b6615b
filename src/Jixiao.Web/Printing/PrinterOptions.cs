namespace Jixiao.Web.Printing;

/// <summary>
/// Settings of the PDF printer (<see cref="FormPrinter"/>), section <c>Jixiao:Printing</c> (environment:
/// <c>Jixiao__Printing__MaxConcurrentPages=…</c>).
/// </summary>
public sealed class PrinterOptions
{
    public const string Section = "Jixiao:Printing";

    /// <summary>Pages printed at once by the one Chromium; each is a renderer process.</summary>
    public int MaxConcurrentPages { get; set; } = 2;

    /// <summary>Requests that wait for a page; a request beyond them is answered 429 with <c>Retry-After</c>.</summary>
    public int QueueLimit { get; set; } = 8;

    /// <summary>
    /// Seconds one print may take from leaving the queue to the last byte of PDF, then its page is closed (504). Starting
    /// Chromium, which the first print waits for, is not counted: it has a bound of its own (<see cref="FormPrinter.LaunchTimeout"/>).
    /// </summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// Seconds that closing a page may take before Chromium counts as hung: it is then killed and started anew on
    /// the next print.
    /// </summary>
    public int CloseGraceSeconds { get; set; } = 5;

    /// <summary>The Chromium executable; default <c>JIXIAO_CHROMIUM</c>, else <c>/usr/bin/chromium</c> (and the usual other names).</summary>
    public string? ChromiumPath { get; set; }

    /// <summary>
    /// The origin Chromium loads the form from (for example <c>http://127.0.0.1:5080</c>); default: the address the
    /// server listens on, a loopback http one first. Only this origin is ever loaded.
    /// </summary>
    public string? Origin { get; set; }

    /// <summary>
    /// Run Chromium without its sandbox even when not root (for a host whose kernel forbids the user namespaces the
    /// sandbox needs). Root always runs without it: Chromium refuses to sandbox as root.
    /// </summary>
    public bool NoSandbox { get; set; }

    public TimeSpan Timeout => TimeSpan.FromSeconds(Math.Max(1, TimeoutSeconds));

    public TimeSpan CloseGrace => TimeSpan.FromSeconds(Math.Max(1, CloseGraceSeconds));
}
