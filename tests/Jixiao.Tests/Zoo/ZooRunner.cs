using System.Diagnostics;
using System.Text;
using Jixiao.Domain.Model;
using Jixiao.Formats.Sources;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Zoo;

/// <summary>What the reader made of one input of a printing, compared with the expected forms.</summary>
/// <param name="Path"><c>pdf</c> (the PDF bytes), <c>raw</c> (<c>pdftotext</c>) or <c>layout</c> (<c>pdftotext -layout</c>).</param>
/// <param name="Error">The reader's exception, when it threw (every field then counts wrong).</param>
public sealed record ZooPathResult(string Path, IReadOnlyList<PerformanceForm> Read, DiffResult Diff, string? Error, TimeSpan ReadTime);

/// <summary>One printing made, extracted three ways and read back.</summary>
public sealed record ZooResult(
    ZooPrinting Printing,
    IReadOnlyList<PerformanceForm> Expected,
    IReadOnlyList<ZooPathResult> Paths,
    string Pdf,
    string RawText,
    string LayoutText,
    TimeSpan PrintTime,
    IReadOnlyList<string> Unprinted);

/// <summary>Prints a <see cref="ZooPrinting"/>, extracts its three inputs, reads each through <see cref="DocumentLoader.LoadBytes"/> and diffs the forms.</summary>
public static class ZooRunner
{
    public const string PdfPath = "pdf";
    public const string RawPath = "raw";
    public const string LayoutPath = "layout";

    public static readonly IReadOnlyList<string> Paths = [PdfPath, RawPath, LayoutPath];

    /// <summary>The seed forms a printing prints, as the current seed reader gives them (their content varied when the printing says so).</summary>
    public static IReadOnlyList<PerformanceForm> Forms(ZooPrinting p)
    {
        var forms = p.Forms.Select(r => Seeds.Read(r.File).Forms[r.Index]);
        if (p.ContentSeed is { } seed)
        {
            var rng = new Random(seed);
            forms = forms.Select(f => ZooContent.Vary(f, rng)).ToList();
        }

        return [.. forms];
    }

    /// <summary>Lays out and prints <paramref name="p"/> into <paramref name="folder"/> (HTML or XLSX, PDF, both texts), then reads and compares.</summary>
    public static ZooResult Run(ZooPrinting p, string folder)
    {
        var (document, expected) = ZooLayout.Lay(p, Forms(p));
        var clock = Stopwatch.StartNew();
        var pdf = p.Producer switch
        {
            ZooProducer.Chromium => HtmlPrinter.Print(document, folder),
            ZooProducer.LibreOffice => XlsxPrinter.Print(document, folder),
            _ => DocxPrinter.Print(document, folder),
        };
        var raw = ZooTools.ExtractText(pdf, layout: false);
        var layout = ZooTools.ExtractText(pdf, layout: true);
        var printTime = clock.Elapsed;
        var unprinted = Unprinted(expected, ZooTools.ExtractText(pdf, layout: false, raw: true));
        File.WriteAllText(Path.Combine(folder, p.Name + ".raw.txt"), raw, new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(folder, p.Name + ".layout.txt"), layout, new UTF8Encoding(false));
        var pdfBytes = File.ReadAllBytes(pdf);
        var paths = new List<ZooPathResult>
        {
            Read(PdfPath, expected, () => DocumentLoader.LoadBytes(pdfBytes, p.Name + ".pdf")),
            Read(RawPath, expected, () => DocumentLoader.LoadBytes(Encoding.UTF8.GetBytes(raw), p.Name + ".raw.txt")),
            Read(LayoutPath, expected, () => DocumentLoader.LoadBytes(Encoding.UTF8.GetBytes(layout), p.Name + ".layout.txt")),
        };
        return new ZooResult(p, expected, paths, pdf, raw, layout, printTime, unprinted);
    }

    /// <summary>
    /// The generator's own check: the form strings missing from the PDF's text in content-stream order
    /// (<c>pdftotext -raw</c>), whitespace removed. A string counts as printed when it is there whole or as a
    /// run of pieces of at least <see cref="MinPiece"/> characters each (a producer may interleave the lines of
    /// two cells side by side, or split a row at a page break). Empty when nothing was clipped or lost.
    /// </summary>
    public static IReadOnlyList<string> Unprinted(IReadOnlyList<PerformanceForm> forms, string rawOrder)
    {
        var text = FormDiff.Normalize(rawOrder);
        var strings = forms.SelectMany(f => new[] { f.Name, f.Nature, f.Category, f.Department, f.Unit, f.Goal, f.Outcome, f.Group }
            .Concat(f.Indicators.SelectMany(i => new[] { i.Level1, i.Level2, i.Name, i.Target, i.Actual, i.Deviation })));
        return [.. strings.Where(s => !string.IsNullOrWhiteSpace(s) && !Covered(FormDiff.Normalize(s), text)).Select(s => s!).Distinct()];
    }

    /// <summary>Shortest piece of a wrapped string that <see cref="Unprinted"/> accepts (a line of a narrow cell).</summary>
    public const int MinPiece = 3;

    private static bool Covered(string s, string text)
    {
        if (text.Contains(s, StringComparison.Ordinal))
        {
            return true;
        }

        var i = 0;
        while (i < s.Length)
        {
            // The longest piece from i found in the text: grow while found (doubling), then narrow down.
            var found = 0;
            var step = 1;
            while (found + step <= s.Length - i && text.AsSpan().IndexOf(s.AsSpan(i, found + step), StringComparison.Ordinal) >= 0)
            {
                found += step;
                step *= 2;
            }

            for (step /= 2; step > 0; step /= 2)
            {
                if (found + step <= s.Length - i && text.AsSpan().IndexOf(s.AsSpan(i, found + step), StringComparison.Ordinal) >= 0)
                {
                    found += step;
                }
            }

            if (found < Math.Min(MinPiece, s.Length - i))
            {
                return false;
            }

            i += found;
        }

        return true;
    }

    private static ZooPathResult Read(string path, IReadOnlyList<PerformanceForm> expected, Func<IReadOnlyList<DisclosureDocument>> load)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyList<PerformanceForm> forms;
        string? error = null;
        try
        {
            forms = [.. load().SelectMany(d => d.Forms)];
        }
        catch (Exception ex)
        {
            forms = [];
            error = $"{ex.GetType().Name}: {ex.Message}";
        }

        return new ZooPathResult(path, forms, FormDiff.Compare(expected, forms), error, clock.Elapsed);
    }

    /// <summary>Field and form accuracy per path over many results.</summary>
    public static IReadOnlyDictionary<string, DiffResult> ByPath(IEnumerable<ZooResult> results)
    {
        var list = results.ToList();
        return Paths.ToDictionary(path => path, path => DiffResult.Sum(list.Select(r => r.Paths.Single(x => x.Path == path).Diff)));
    }

    /// <summary>A table: printing × path → fields exact %, forms exact; then totals per path.</summary>
    public static string Table(IReadOnlyList<ZooResult> results)
    {
        var sb = new StringBuilder();
        var width = Math.Max(10, results.Count == 0 ? 0 : results.Max(r => r.Printing.Name.Length));
        sb.Append("printing".PadRight(width)).Append("  producer    forms");
        foreach (var path in Paths)
        {
            sb.Append($"  {path + " fields",14} {path + " forms",12}");
        }

        sb.AppendLine();
        foreach (var r in results)
        {
            sb.Append(r.Printing.Name.PadRight(width)).Append($"  {r.Printing.Producer,-11} {r.Expected.Count,5}");
            foreach (var x in r.Paths)
            {
                sb.Append($"  {x.Diff.FieldAccuracy,14:P1} {$"{x.Diff.FormsExact}/{x.Diff.Forms}",12}");
            }

            sb.AppendLine();
        }

        var totals = ByPath(results);
        sb.Append("TOTAL".PadRight(width)).Append($"  {"",-11} {results.Sum(r => r.Expected.Count),5}");
        foreach (var path in Paths)
        {
            var d = totals[path];
            sb.Append($"  {d.FieldAccuracy,14:P1} {$"{d.FormAccuracy:P1}",12}");
        }

        sb.AppendLine();
        foreach (var path in Paths)
        {
            var d = totals[path];
            var read = results.Sum(r => r.Paths.Single(x => x.Path == path).Read.Count);
            sb.AppendLine($"{path}: {d.Right} of {d.Fields} fields ({d.FieldAccuracy:P2}), {d.FormsExact} of {d.Forms} forms exact ({d.FormAccuracy:P1}), {read} forms read");
        }

        return sb.ToString();
    }

    /// <summary>The most frequent kinds of difference (field path without indices) per path.</summary>
    public static string TopDifferences(IReadOnlyList<ZooResult> results, int top = 20)
    {
        var sb = new StringBuilder();
        foreach (var path in Paths)
        {
            var diffs = results.SelectMany(r => r.Paths.Single(x => x.Path == path).Diff.Differences.Select(d => (r.Printing.Name, d))).ToList();
            sb.AppendLine($"-- {path}: top {top} of {diffs.Select(d => d.d.Kind).Distinct().Count()} difference kinds ({diffs.Count} differences)");
            foreach (var g in diffs.GroupBy(d => d.d.Kind).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(top))
            {
                var example = g.First();
                sb.AppendLine($"{g.Count(),6}  {g.Key,-34} e.g. {example.Name}: {Shorten(example.d.ToString())}");
            }
        }

        return sb.ToString();
    }

    private static string Shorten(string s) => s.Length <= 140 ? s.ReplaceLineEndings("⏎") : s[..140].ReplaceLineEndings("⏎") + "…";
}
