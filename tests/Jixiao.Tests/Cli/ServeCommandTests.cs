using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Cli;

public class ServeCommandTests
{
    [Fact]
    public async Task Serve_demo_starts_the_web_app_on_its_own_database_filled_from_the_seeds()
    {
        var port = FreePort();
        var db = Path.Combine(Path.GetTempPath(), $"jixiao-serve-{Guid.NewGuid():N}.db");
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "jixiao.dll"), "serve", "--db", $"Data Source={db}", "--urls", $"http://127.0.0.1:{port}", "--demo" })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["JIXIAO_SEEDS"] = Seeds.Directory;
        using var process = Process.Start(psi)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var up = false;
            for (var i = 0; i < 120 && !up; i++)
            {
                try
                {
                    up = (await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(500);
                }
            }

            Assert.True(up, "jixiao serve did not answer /healthz");
            using var forms = JsonDocument.Parse(await http.GetStringAsync("/api/v1/forms"));
            Assert.Equal(80, forms.RootElement.GetProperty("total").GetInt32()); // the envelope of a page: { items, page, pageSize, total }
            // The styles come from the wwwroot copied beside jixiao.dll, not from the web project's folder.
            using var css = await http.GetAsync("/css/site.css");
            Assert.Equal(HttpStatusCode.OK, css.StatusCode);
            Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
            Assert.Equal(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "wwwroot", "css", "site.css")), await css.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/js/site.js")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz/ready")).StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            foreach (var f in new[] { db, db + "-wal", db + "-shm" })
            {
                File.Delete(f);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
