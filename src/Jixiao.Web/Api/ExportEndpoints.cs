using System.Diagnostics;
using Jixiao.Formats.Xlsx;
using Jixiao.Web.Data;

namespace Jixiao.Web.Api;

/// <summary>
/// Downloads: a form or a unit's 汇总表 as XLSX in the official layout, and a form as PDF printed by
/// headless Chromium from the same HTML as its page (when Chromium is installed).
/// </summary>
public static class ExportEndpoints
{
    public static void MapJixiaoExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/forms/{id:long}/xlsx", (IReadModel data, long id) =>
                data.Form(id) is { } f
                    ? Results.File(Buffer(s => XlsxExporter.WriteForm(s, f.Form)), XlsxExporter.ContentType, FileName(f.Form.Name, "xlsx"))
                    : Results.NotFound())
            .Produces<Stream>(StatusCodes.Status200OK, XlsxExporter.ContentType).Produces(StatusCodes.Status404NotFound)
            .WithTags("export").WithSummary("一张表的 XLSX（官方版式）");

        app.MapGet("/units/{id:long}/xlsx", (IReadModel data, long id, int? year) =>
            {
                var forms = data.WholeForms(new Scope(year, null, id)).Select(f => f.Form).ToList();
                if (forms.Count == 0)
                {
                    return Results.NotFound();
                }

                return Results.File(Buffer(s => XlsxExporter.WriteUnit(s, forms)), XlsxExporter.ContentType, FileName(forms[0].Unit + "汇总表", "xlsx"));
            })
            .Produces<Stream>(StatusCodes.Status200OK, XlsxExporter.ContentType).Produces(StatusCodes.Status404NotFound)
            .WithTags("export").WithSummary("一个单位的汇总表和各表的 XLSX");

        app.MapGet("/forms/{id:long}/pdf", async (HttpContext http, IReadModel data, long id) =>
            {
                if (data.Form(id) is not { } f)
                {
                    return Results.NotFound();
                }

                var chromium = Chromium();
                if (chromium is null)
                {
                    return Results.Problem("打印 PDF 需要 Chromium：请安装 Debian 软件包 chromium（apt-get install chromium fonts-noto-cjk），或设置 JIXIAO_CHROMIUM。", statusCode: 503);
                }

                var url = $"{http.Request.Scheme}://{http.Request.Host}/forms/{id}?lang=zh";
                var pdf = await PrintAsync(chromium, url, http.RequestAborted);
                return pdf is null ? Results.Problem("Chromium 未能打印该表。", statusCode: 500) : Results.File(pdf, "application/pdf", FileName(f.Form.Name, "pdf"));
            })
            .Produces<Stream>(StatusCodes.Status200OK, "application/pdf").Produces(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status500InternalServerError).ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithTags("export").WithSummary("一张表的 PDF（A4，由 Chromium 打印网页）")
            .RequireRateLimiting(Infrastructure.AbuseLimits.Pdf);
    }

    /// <summary>The OpenXML SDK writes synchronously; the server only allows asynchronous writes to a response.</summary>
    private static byte[] Buffer(Action<Stream> write)
    {
        using var ms = new MemoryStream();
        write(ms);
        return ms.ToArray();
    }

    private static string FileName(string name, string extension) =>
        string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c)) + "." + extension;

    private static string? Chromium()
    {
        var configured = Environment.GetEnvironmentVariable("JIXIAO_CHROMIUM");
        foreach (var candidate in new[] { configured, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" })
        {
            if (!string.IsNullOrEmpty(candidate) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static async Task<byte[]?> PrintAsync(string chromium, string url, CancellationToken cancel)
    {
        var dir = Directory.CreateTempSubdirectory("jixiao-pdf-");
        try
        {
            var output = Path.Combine(dir.FullName, "form.pdf");
            var psi = new ProcessStartInfo(chromium) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", $"--user-data-dir={Path.Combine(dir.FullName, "profile")}",
                         "--no-pdf-header-footer", $"--print-to-pdf={output}", url,
                     })
            {
                psi.ArgumentList.Add(arg);
            }

            using var process = Process.Start(psi)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(timeout.Token), process.StandardError.ReadToEndAsync(timeout.Token));
            await process.WaitForExitAsync(timeout.Token);
            await drain;
            return File.Exists(output) ? await File.ReadAllBytesAsync(output, cancel) : null;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
