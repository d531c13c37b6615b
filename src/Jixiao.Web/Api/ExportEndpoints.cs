using Jixiao.Formats.Xlsx;
using Jixiao.Web.Data;
using Jixiao.Web.Printing;

namespace Jixiao.Web.Api;

/// <summary>
/// Downloads: a form or a unit's 汇总表 as XLSX in the official layout, and a form as PDF printed by
/// headless Chromium from the same HTML as its page (when Chromium is installed; see <see cref="FormPrinter"/>).
/// </summary>
public static class ExportEndpoints
{
    public static void MapJixiaoExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/forms/{id:long}/xlsx", async (IReadModel data, long id, CancellationToken ct) =>
                await data.FormAsync(id, ct) is { } f
                    ? Results.File(Buffer(s => XlsxExporter.WriteForm(s, f.Form)), XlsxExporter.ContentType, FileName(f.Form.Name, "xlsx"))
                    : Results.NotFound())
            .Produces<Stream>(StatusCodes.Status200OK, XlsxExporter.ContentType).Produces(StatusCodes.Status404NotFound)
            .WithTags("export").WithSummary("一张表的 XLSX（官方版式）");

        app.MapGet("/units/{id:long}/xlsx", async (IReadModel data, long id, int? year, CancellationToken ct) =>
            {
                var forms = (await data.WholeFormsAsync(new Scope(year, null, id), ct: ct)).Select(f => f.Form).ToList();
                if (forms.Count == 0)
                {
                    return Results.NotFound();
                }

                return Results.File(Buffer(s => XlsxExporter.WriteUnit(s, forms)), XlsxExporter.ContentType, FileName(forms[0].Unit + "汇总表", "xlsx"));
            })
            .Produces<Stream>(StatusCodes.Status200OK, XlsxExporter.ContentType).Produces(StatusCodes.Status404NotFound)
            .WithTags("export").WithSummary("一个单位的汇总表和各表的 XLSX");

        app.MapGet("/forms/{id:long}/pdf", async (HttpContext http, IReadModel data, FormPrinter printer, long id) =>
            {
                if (await data.FormAsync(id, http.RequestAborted) is not { } f)
                {
                    return Results.NotFound();
                }

                // What is printed is the form id's page on the printer's own origin, never a Host the request names.
                var result = await printer.PrintFormAsync(id, english: false, http.RequestAborted);
                switch (result.Status)
                {
                    case PrintStatus.Printed:
                        return Results.File(result.Pdf!, "application/pdf", FileName(f.Form.Name, "pdf"));
                    case PrintStatus.Busy:
                        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(result.RetryAfter!.Value.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                        return Results.Problem("正在打印的 PDF 太多，请稍后再试。", statusCode: StatusCodes.Status429TooManyRequests);
                    case PrintStatus.TimedOut:
                        return Results.Problem(result.Message, statusCode: StatusCodes.Status504GatewayTimeout);
                    case PrintStatus.Unavailable:
                        return Results.Problem(result.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
                    default:
                        return Results.Problem(result.Message, statusCode: StatusCodes.Status500InternalServerError);
                }
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
}
