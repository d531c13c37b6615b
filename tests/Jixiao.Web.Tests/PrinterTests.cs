using System.Diagnostics;
using System.Net;
using Jixiao.Web.Printing;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace Jixiao.Web.Tests;

/// <summary>The app with the printer's default settings, shared by <see cref="PrinterSafetyTests"/>.</summary>
public sealed class PrinterAppFixture : IDisposable
{
    public PrinterApp App { get; } = new();

    public void Dispose() => App.Dispose();
}

/// <summary>
/// <c>/forms/{id}/pdf</c> cannot be aimed elsewhere: the printer loads the form from its own loopback origin whatever
/// the request says, and the page it prints may load nothing from any other origin.
/// </summary>
[Collection(PrinterCollection.Name)]
public class PrinterSafetyTests(PrinterAppFixture fixture) : IClassFixture<PrinterAppFixture>
{
    private PrinterApp App => fixture.App;

    [ChromiumFact]
    public async Task A_host_or_forwarded_host_naming_another_server_still_prints_the_apps_own_form_and_never_reaches_it()
    {
        using var foreign = new ForeignListener();
        var id = App.Form("医疗保险稽核检查经费", 2024);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };

        foreach (var aim in new Action<HttpRequestMessage>[]
                 {
                     r => r.Headers.Host = foreign.Authority,
                     r => r.Headers.Add("X-Forwarded-Host", foreign.Authority),
                     r =>
                     {
                         r.Headers.Add("X-Forwarded-Host", foreign.Authority);
                         r.Headers.Add("X-Forwarded-Proto", "http");
                         r.Headers.Add("Forwarded", $"host={foreign.Authority};proto=http");
                         r.Headers.Add("X-Original-Host", foreign.Authority);
                     },
                 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"{App.BaseUrl}/forms/{id}/pdf");
            aim(request);

            using var response = await http.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            var text = PdfText.Of(await response.Content.ReadAsByteArrayAsync());
            Assert.Contains("医疗保险稽核检查经费", text, StringComparison.Ordinal);
            Assert.DoesNotContain("FOREIGN", text, StringComparison.Ordinal);
        }

        Assert.Empty(foreign.Seen);
        Assert.Equal("127.0.0.1", App.Printer.Origin!.Host);
        Assert.Equal(new Uri(App.BaseUrl).Port, App.Printer.Origin.Port);
    }

    [ChromiumFact]
    public async Task A_page_reaching_for_other_origins_is_printed_without_any_of_its_requests_leaving()
    {
        using var foreign = new ForeignListener();
        var other = $"http://{foreign.Authority}";
        var blockedBefore = App.Printer.Metrics.BlockedRequests;

        var pdf = await PrintStandIn(App.Form("信息化建设项目", 2024), $$"""
            <link rel="stylesheet" href="{{other}}/style.css"><script src="{{other}}/script.js"></script>
            <link rel="prefetch" href="{{other}}/prefetch"><link rel="preconnect" href="{{other}}"><link rel="dns-prefetch" href="{{other}}">
            <h1>OWN-PAGE-PRINTED</h1><img src="{{other}}/image.png">
            <script>
              fetch('{{other}}/fetch').catch(() => {});
              navigator.sendBeacon('{{other}}/beacon', 'x');
              try { new WebSocket('ws://{{foreign.Authority}}/socket'); } catch (e) {}
              new Image().src = '{{other}}/later.png';
            </script>
            """);

        Assert.Contains("OWN-PAGE-PRINTED", PdfText.Of(pdf), StringComparison.Ordinal);
        await Task.Delay(500); // anything that went out late would have connected by now
        Assert.Empty(foreign.Seen);
        Assert.True(App.Printer.Metrics.BlockedRequests - blockedBefore >= 6, $"blocked {App.Printer.Metrics.BlockedRequests - blockedBefore}");
    }

    /// <summary>
    /// A frame's navigation to another origin is aborted too; Chromium opens (and drops) a TCP connection to that
    /// origin as the navigation starts, before any route sees it, but sends nothing over it. The app's pages have
    /// no frames, and their Content-Security-Policy (<c>default-src 'self'</c>) allows none from elsewhere.
    /// </summary>
    [ChromiumFact]
    public async Task A_frame_of_another_origin_is_aborted_before_any_request_is_sent()
    {
        using var foreign = new ForeignListener();
        var other = $"http://{foreign.Authority}";

        var pdf = await PrintStandIn(App.Form("医药机构及医疗费用审核管理经费", 2024), $"""
            <h1>OWN-PAGE-WITH-FRAMES</h1><iframe src="{other}/frame"></iframe><object data="{other}/object"></object>
            """);

        Assert.Contains("OWN-PAGE-WITH-FRAMES", PdfText.Of(pdf), StringComparison.Ordinal);
        Assert.DoesNotContain("FOREIGN", PdfText.Of(pdf), StringComparison.Ordinal);
        await Task.Delay(500);
        Assert.All(foreign.Seen, s => Assert.Equal("(connection)", s));
    }

    /// <summary>Prints form <paramref name="id"/> with its page replaced by <paramref name="body"/> (no CSP, unlike the app's pages).</summary>
    private async Task<byte[]> PrintStandIn(long id, string body)
    {
        App.Pages[id] = context =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync($"<!doctype html><html><head></head><body>{body}</body></html>");
        };
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
            return await http.GetByteArrayAsync($"{App.BaseUrl}/forms/{id}/pdf");
        }
        finally
        {
            App.Pages.TryRemove(id, out _);
        }
    }

    [ChromiumFact]
    public async Task A_page_that_redirects_to_another_origin_is_not_followed()
    {
        using var foreign = new ForeignListener();
        var id = App.Form("外聘法律顾问", 2024);
        App.Pages[id] = context =>
        {
            context.Response.Redirect($"http://{foreign.Authority}/forms/{id}?lang=zh");
            return Task.CompletedTask;
        };
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        try
        {
            using var response = await http.GetAsync($"{App.BaseUrl}/forms/{id}/pdf");

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Empty(foreign.Seen);
        }
        finally
        {
            App.Pages.TryRemove(id, out _);
        }
    }

    [Fact]
    public async Task A_request_for_a_host_not_allowed_is_refused()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{App.BaseUrl}/healthz");
        request.Headers.Host = "evil.example";

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{App.BaseUrl}/healthz")).StatusCode);
    }
}

/// <summary>The printer's bounds: pages at once, the queue, the timeout, a client that leaves, a Chromium that hangs.</summary>
[Collection(PrinterCollection.Name)]
public class PrinterLimitTests(ITestOutputHelper output)
{
    [ChromiumFact]
    public async Task Forty_requests_at_once_print_within_the_bound_answer_the_rest_429_and_leave_no_chromium_behind()
    {
        const int pages = 2;
        var app = new PrinterApp(("Jixiao:Printing:MaxConcurrentPages", $"{pages}"), ("Jixiao:Printing:QueueLimit", "8"));
        var disposed = false;
        try
        {
            var ids = app.Data.Forms(new Jixiao.Web.Data.Scope()).Select(f => f.Id).Take(40).ToList();
            var marker = app.Printer.ProcessMarker;
            var seen = new HashSet<int>();
            var profiles = new HashSet<string>();
            var drivers = new HashSet<int>();
            var maxRenderers = 0;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    foreach (var browser in ChromiumProcesses.Browsers(marker))
                    {
                        seen.Add(browser);
                        if (ChromiumProcesses.Profile(browser) is { } profile)
                        {
                            profiles.Add(profile);
                        }

                        if (ChromiumProcesses.Parent(browser) is { } driver)
                        {
                            drivers.Add(driver);
                        }

                        var tree = ChromiumProcesses.Tree(browser);
                        seen.UnionWith(tree);
                        maxRenderers = Math.Max(maxRenderers, tree.Count(ChromiumProcesses.IsRenderer));
                    }

                    await Task.Delay(20);
                }
            });

            using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(3) };
            var start = new TaskCompletionSource();
            var requests = ids.Select(async id =>
            {
                await start.Task;
                using var response = await http.GetAsync($"{app.BaseUrl}/forms/{id}/pdf");
                var body = await response.Content.ReadAsByteArrayAsync();
                return (id, response.StatusCode, RetryAfter: response.Headers.RetryAfter?.Delta, Pdf: body);
            }).ToList();
            start.SetResult();
            var results = await Task.WhenAll(requests);
            await stop.CancelAsync();
            await sampler;

            var printed = results.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
            var refused = results.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
            output.WriteLine($"{printed.Count} printed, {refused.Count} refused (429), at most {maxRenderers} renderers, {seen.Count} Chromium processes seen, metrics {app.Printer.Metrics}");
            Assert.Equal(40, printed.Count + refused.Count);
            Assert.True(printed.Count >= pages + 8, $"only {printed.Count} printed"); // the pages and the queue were free at the start
            Assert.NotEmpty(refused);
            Assert.All(refused, r => Assert.True(r.RetryAfter is { TotalSeconds: >= 1 }, "429 without Retry-After"));
            Assert.All(printed, r => Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(r.Pdf, 0, 4)));
            // Debian's headless shell runs one renderer per page and nothing else; the full chromium adds a spare
            // renderer it keeps warm (its per-window UI renderers are not counted, see IsRenderer).
            var spare = FormPrinter.FindChromium() == FormPrinter.HeadlessShell ? 0 : 1;
            Assert.True(maxRenderers > 0 && maxRenderers <= pages + spare, $"{maxRenderers} renderer processes at once, bound {pages} (+{spare})");
            Assert.True(app.Printer.Metrics.MaxInFlight <= pages);
            Assert.Equal(1, app.Printer.Metrics.Launches);
            Assert.NotEmpty(profiles);

            app.Dispose();
            disposed = true;

            var left = await Eventually(() => seen.Where(ChromiumProcesses.Alive).Where(pid => ChromiumProcesses.CommandLine(pid).Any(a => a.Contains("chrom", StringComparison.Ordinal))).ToList());
            Assert.Empty(left);
            Assert.Empty(ChromiumProcesses.Browsers(marker));
            // Playwright's driver (node) ends once its pipe is closed, a moment after disposal.
            var driversLeft = await Eventually(() => drivers.Where(ChromiumProcesses.Alive).Where(pid => ChromiumProcesses.CommandLine(pid).Any(a => a.Contains("playwright", StringComparison.Ordinal))).ToList());
            Assert.Empty(driversLeft);
            Assert.All(profiles, p => Assert.False(Directory.Exists(p), $"{p} left behind"));
        }
        finally
        {
            if (!disposed)
            {
                app.Dispose();
            }
        }
    }

    [ChromiumFact]
    public async Task A_client_that_goes_away_frees_its_page_at_once()
    {
        // One page, no queue, and a timeout far away: only the client's leaving can free the page in time.
        using var app = new PrinterApp(("Jixiao:Printing:MaxConcurrentPages", "1"), ("Jixiao:Printing:QueueLimit", "0"), ("Jixiao:Printing:TimeoutSeconds", "120"));
        var slow = app.Form("信息化建设项目", 2024);
        var (loading, closed) = NeverEnding(app, slow);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(3) };
        var clock = Stopwatch.StartNew();

        using var leave = new CancellationTokenSource();
        var abandoned = http.GetAsync($"{app.BaseUrl}/forms/{slow}/pdf", leave.Token);
        await loading.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await http.GetAsync($"{app.BaseUrl}/forms/{app.Form("外聘法律顾问", 2024)}/pdf")).StatusCode);
        await leave.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);

        await closed.WaitAsync(TimeSpan.FromSeconds(15)); // Chromium's request for the page ended: the page is closed
        await Eventually<string>(() => app.Printer.Metrics.InFlight == 0 ? [] : ["a page still held"]);
        using var next = await http.GetAsync($"{app.BaseUrl}/forms/{app.Form("外聘法律顾问", 2024)}/pdf");

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"{clock.Elapsed}: the page was freed by the timeout, not by the client leaving");
        Assert.Equal(1, app.Printer.Metrics.Cancelled);
        Assert.Equal(0, app.Printer.Metrics.TimedOut);
    }

    [ChromiumFact]
    public async Task A_print_past_its_timeout_is_closed_answered_504_and_frees_its_page()
    {
        using var app = new PrinterApp(("Jixiao:Printing:MaxConcurrentPages", "1"), ("Jixiao:Printing:QueueLimit", "0"), ("Jixiao:Printing:TimeoutSeconds", "10"));
        var slow = app.Form("信息化建设项目", 2024);
        var (_, closed) = NeverEnding(app, slow);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(3) };

        using var late = await http.GetAsync($"{app.BaseUrl}/forms/{slow}/pdf");

        Assert.Equal(HttpStatusCode.GatewayTimeout, late.StatusCode);
        await closed.WaitAsync(TimeSpan.FromSeconds(15));
        using var next = await http.GetAsync($"{app.BaseUrl}/forms/{app.Form("外聘法律顾问", 2024)}/pdf");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(1, app.Printer.Metrics.TimedOut);
        var browser = Assert.Single(ChromiumProcesses.Browsers(app.Printer.ProcessMarker));
        Assert.Empty(await Eventually(() => ChromiumProcesses.Tree(browser).Where(ChromiumProcesses.IsRenderer).ToList()));
    }

    [ChromiumFact]
    public async Task A_chromium_that_hangs_is_killed_and_the_next_print_starts_a_new_one()
    {
        using var app = new PrinterApp(("Jixiao:Printing:TimeoutSeconds", "10"), ("Jixiao:Printing:CloseGraceSeconds", "2"));
        var id = app.Form("外聘法律顾问", 2024);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(3) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{app.BaseUrl}/forms/{id}/pdf")).StatusCode);
        var hung = Assert.Single(ChromiumProcesses.Browsers(app.Printer.ProcessMarker));
        var profile = ChromiumProcesses.Profile(hung);
        var tree = ChromiumProcesses.Tree(hung);

        Signal("STOP", hung);
        try
        {
            using var stuck = await http.GetAsync($"{app.BaseUrl}/forms/{id}/pdf");
            Assert.Equal(HttpStatusCode.GatewayTimeout, stuck.StatusCode);
        }
        finally
        {
            Signal("CONT", hung); // harmless once it is killed; lets it go if it was not
        }

        Assert.Empty(await Eventually(() => tree.Prepend(hung).Where(ChromiumProcesses.Alive).ToList()));
        Assert.False(profile is not null && Directory.Exists(profile), $"{profile} left behind");
        using var next = await http.GetAsync($"{app.BaseUrl}/forms/{id}/pdf");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal((2, 1), (app.Printer.Metrics.Launches, app.Printer.Metrics.Restarts));
        Assert.NotEqual(hung, Assert.Single(ChromiumProcesses.Browsers(app.Printer.ProcessMarker)));
    }

    /// <summary>
    /// Makes the page of form <paramref name="id"/> never finish: <c>loading</c> completes when Chromium asks for it,
    /// <c>closed</c> when Chromium gives up the request (its page was closed).
    /// </summary>
    private static (Task Loading, Task Closed) NeverEnding(PrinterApp app, long id)
    {
        var loading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Pages[id] = async context =>
        {
            loading.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                closed.TrySetResult();
            }
        };
        return (loading.Task, closed.Task);
    }

    /// <summary>What <paramref name="probe"/> finds once it finds nothing, or after 10 s (processes take a moment to end).</summary>
    private static async Task<IReadOnlyList<T>> Eventually<T>(Func<IReadOnlyList<T>> probe)
    {
        var clock = Stopwatch.StartNew();
        var found = probe();
        while (found.Count > 0 && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
            found = probe();
        }

        return found;
    }

    private static void Signal(string signal, int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {pid}") { UseShellExecute = false })!;
        kill.WaitForExit();
    }
}

/// <summary>Where the printer loads from, chosen from the server's addresses.</summary>
public class PrintOriginTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://localhost:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://[::]:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://*:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://+:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://[::1]:5080", "http://[::1]:5080/")]
    [InlineData("https://127.0.0.1:5443;http://10.1.2.3:5080", "http://10.1.2.3:5080/")]
    [InlineData("http://10.1.2.3:5080;https://localhost:5443;http://127.0.0.1:5081", "http://127.0.0.1:5081/")]
    [InlineData("https://localhost:5443", "https://127.0.0.1:5443/")]
    [InlineData("http://unix:/run/jixiao.sock", null)]
    [InlineData("", null)]
    public void The_print_origin_is_a_loopback_http_address_of_the_server_first(string addresses, string? origin) =>
        Assert.Equal(origin, PrintOrigin.Choose(addresses.Split(';', StringSplitOptions.RemoveEmptyEntries))?.AbsoluteUri);

    [Theory]
    [InlineData("http://127.0.0.1:5080/forms/1?lang=zh", true)]
    [InlineData("http://127.0.0.1:5080/css/site.css", true)]
    [InlineData("http://127.0.0.1:5081/forms/1", false)]
    [InlineData("https://127.0.0.1:5080/forms/1", false)]
    [InlineData("http://localhost:5080/forms/1", false)]
    [InlineData("http://user@127.0.0.1:5080/forms/1", false)]
    [InlineData("http://127.0.0.1.evil.example:5080/", false)]
    [InlineData("data:text/html,x", false)]
    public void Only_the_exact_origin_is_the_print_origin(string url, bool same) =>
        Assert.Equal(same, PrintOrigin.IsSameOrigin(url, new Uri("http://127.0.0.1:5080")));
}
