using System.Globalization;
using Jixiao.Formats.Layout;

namespace Jixiao.Bench;

/// <summary>
/// Prints the cells the PDF geometry stage makes of one PDF: <c>pdf-cells FILE.pdf [--page N]</c>, one line a
/// cell (page, box in points, whole or free, band, text), to see why a printing reads as it does.
/// </summary>
internal static class PdfCellsDump
{
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: pdf-cells FILE.pdf [--page N]");
            return 2;
        }

        var only = BenchSupport.Option(args, "--page", 0);
        if (args.Contains("--read"))
        {
            var document = LayoutReader.ReadPdfGeometry(File.ReadAllBytes(args[0]), args[0], out var failure, out var ruled);
            Console.WriteLine($"ruled={ruled} failure={failure} forms={document?.Forms.Count}");
            foreach (var d in document?.Diagnostics ?? [])
            {
                Console.WriteLine($"{d.Severity} {d.Line} {d.Code} {d.Message}");
            }

            return 0;
        }

        var layout = PdfCells.Read(File.ReadAllBytes(args[0]));
        Console.WriteLine($"ruled={layout.Ruled} letters={layout.Letters} cells={layout.Cells.Count}");
        foreach (var c in layout.Cells.OrderBy(c => c.Box.Top).ThenBy(c => c.Box.Left))
        {
            if (only != 0 && c.Page != only)
            {
                continue;
            }

            var y = c.Box.Top - (c.Page - 1) * Geometry.PageStride;
            var band = c.Band is { } b ? string.Create(CultureInfo.InvariantCulture, $" band {b.Top - (c.Page - 1) * Geometry.PageStride:0.#}-{b.Bottom - (c.Page - 1) * Geometry.PageStride:0.#}") : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"p{c.Page} {c.Box.Left,6:0.0} {y,6:0.0} {c.Box.Right,6:0.0} {y + c.Box.Height,6:0.0} {(c.Whole ? "W" : "f")}{(c.Cut != PageCut.None ? c.Cut.ToString() : "")} u{c.Unit:0.#}{band} | {c.Text}"));
        }

        return 0;
    }
}
