using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Jixiao.Tests.Support;
using Jixiao.Web.Data;
using Jixiao.Web.Printing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>
/// A test of the PDF printer: skipped, visibly, where there is no Chromium (or no Linux <c>/proc</c> to count its
/// processes in) — never a silent pass.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (FormPrinter.FindChromium() is null)
        {
            Skip = "PDF printer: Chromium not found (install the Debian package chromium, as ./test.sh does, or set JIXIAO_CHROMIUM)";
        }
        else if (!OperatingSystem.IsLinux())
        {
            Skip = "PDF printer: its processes are counted in Linux's /proc";
        }
    }
}

/// <summary>The printer's tests run one after another: each starts its own Chromium, and the machine has two cores.</summary>
[CollectionDefinition(Name)]
public sealed class PrinterCollection
{
    public const string Name = "printer";
}

/// <summary>
/// The web app on a real Kestrel port with printer settings of its own, and <see cref="Pages"/>: handlers that stand
/// in for the page <c>/forms/{id}</c> of chosen forms (a page that never finishes, one that reaches for other
/// servers, one that redirects), while <c>/forms/{id}/pdf</c> stays the app's own endpoint.
/// </summary>
public sealed class PrinterApp : WebApplicationFactory<Program>
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"jixiao-web-{Guid.NewGuid():N}.db");
    private readonly (string Key, string Value)[] _settings;

    public PrinterApp(params (string Key, string Value)[] settings)
    {
        _settings = settings;
        UseKestrel(0);
        StartServer();
        using var client = CreateClient();
        BaseUrl = client.BaseAddress!.ToString().TrimEnd('/');
    }

    public string BaseUrl { get; }

    public ConcurrentDictionary<long, RequestDelegate> Pages { get; } = new();

    public FormPrinter Printer => Services.GetRequiredService<FormPrinter>();

    public IReadModel Data => Services.GetRequiredService<IReadModel>();

    /// <summary>The id of a seed form by name and year.</summary>
    public long Form(string name, int year) => Data.Forms(new Scope()).First(f => f.Name == name && f.Year == year).Id;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Jixiao:Seeds", Seeds.Directory);
        builder.UseSetting("Jixiao:Db", $"Data Source={_database}");
        builder.UseSetting("Jixiao:WarmUp", "false");
        builder.UseSetting("Jixiao:Demo", "true");
        WebFixture.RelaxLimits(builder);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Production");
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new PagesFirst(this)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }

    private sealed class PagesFirst(PrinterApp app) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use(async (context, nextMiddleware) =>
            {
                var segments = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
                if (segments is ["forms", var id] && long.TryParse(id, out var formId) && app.Pages.TryGetValue(formId, out var page))
                {
                    await page(context);
                    return;
                }

                await nextMiddleware(context);
            });
            next(builder);
        };
    }
}

/// <summary>
/// A server on a free loopback port that stands for "somewhere else": it records every connection made to it
/// (whether or not a request follows) and answers anything with a page reading FOREIGN.
/// </summary>
public sealed class ForeignListener : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _seen = new();

    public ForeignListener()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Authority => $"127.0.0.1:{Port}";

    /// <summary>Each connection: its first line (the request line), or "(connection)" when none came.</summary>
    public IReadOnlyCollection<string> Seen => _seen;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var line = "(connection)";
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                var stream = client.GetStream();
                var buffer = new byte[4096];
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (read > 0)
                {
                    line = Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];
                }

                var body = "<!doctype html><title>FOREIGN</title><h1>FOREIGN PAGE</h1>";
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}"), timeout.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
            {
                // recorded all the same
            }

            _seen.Enqueue(line);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }
}

/// <summary>Chromium's processes as Linux's <c>/proc</c> shows them, read independently of the printer.</summary>
public static class ChromiumProcesses
{
    /// <summary>The browser processes whose command line holds an argument starting with <paramref name="marker"/>.</summary>
    public static IReadOnlyList<int> Browsers(string marker) =>
        [.. Pids().Where(pid => Alive(pid) && CommandLine(pid).Any(a => a.StartsWith(marker, StringComparison.Ordinal)))];

    /// <summary>Every living process under <paramref name="root"/>, by the parent ids of <c>/proc/PID/stat</c>.</summary>
    public static IReadOnlyList<int> Tree(int root)
    {
        var parents = Pids().Select(pid => (pid, Stat(pid))).Where(p => p.Item2 is not null).ToDictionary(p => p.pid, p => p.Item2!.Value.Parent);
        var result = new List<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var current))
        {
            foreach (var (child, parent) in parents)
            {
                if (parent == current && !result.Contains(child))
                {
                    result.Add(child);
                    frontier.Enqueue(child);
                }
            }
        }

        return [.. result.Where(Alive)];
    }

    /// <summary>
    /// A renderer of a page (a zygote's child rewrites its command line into one string), not one of the full
    /// chromium's browser UI (<c>--top-chrome-webui</c>, one per window).
    /// </summary>
    public static bool IsRenderer(int pid) =>
        string.Join(' ', CommandLine(pid)) is var line && line.Contains("--type=renderer", StringComparison.Ordinal) && !line.Contains("--top-chrome-webui", StringComparison.Ordinal);

    /// <summary>Running (a zombie has ended; only its parent has not read its exit yet).</summary>
    public static bool Alive(int pid) => Stat(pid) is { State: not 'Z' and not 'X' };

    public static int? Parent(int pid) => Stat(pid)?.Parent;

    public static IReadOnlyList<string> CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The folder of <c>--user-data-dir=</c> in <paramref name="pid"/>'s command line.</summary>
    public static string? Profile(int pid) =>
        CommandLine(pid).FirstOrDefault(a => a.StartsWith("--user-data-dir=", StringComparison.Ordinal))?["--user-data-dir=".Length..];

    private static (char State, int Parent)? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static IEnumerable<int> Pids() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Select(n => int.TryParse(n, out var pid) ? pid : -1).Where(pid => pid > 0);
}

/// <summary>The text of a PDF, white space removed (PdfPig, as the geometry reader uses).</summary>
public static class PdfText
{
    public static string Of(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return new string([.. string.Concat(document.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c))]);
    }
}
