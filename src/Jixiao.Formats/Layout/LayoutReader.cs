using System.Runtime.ExceptionServices;
using Jixiao.Domain.Model;
using Jixiao.Formats.Disclosure;

namespace Jixiao.Formats.Layout;

/// <summary>
/// The reader for printings whose layout is known by geometry: a PDF (drawn table borders, else the
/// page's text columns) and text that keeps the page's columns (<c>pdftotext -layout</c>). One assembler
/// (<see cref="FormAssembler"/>) serves both; raw text goes to the line reader (<see cref="DisclosureReader"/>).
/// </summary>
public static class LayoutReader
{
    /// <summary>How long the in-process geometry reading of one PDF may take (about 60 ms a page is usual).</summary>
    public static TimeSpan GeometryTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Reads the cells of <c>pdftotext -layout</c> text (or any text whose columns are spaced).</summary>
    public static DisclosureDocument ReadLayoutText(string text, string source)
    {
        var notes = new List<Diagnostic>();
        return FormAssembler.Assemble(LayoutTextCells.Read(text, notes), source, notes);
    }

    /// <summary>
    /// Reads a PDF by geometry: drawn tables give whole cells; without borders the text pieces (exact
    /// positions, unlike -layout text) are assembled all the same. Null when PdfPig cannot open it or it has no text.
    /// </summary>
    public static DisclosureDocument? ReadPdfGeometry(byte[] pdf, string source, out string? failure, out bool ruled)
    {
        failure = null;
        ruled = false;
        // PdfPig runs in process: a PDF built to make it loop must not hold the caller. It reads on a thread of
        // its own; past the limit the reading is abandoned (the thread runs out on its own) and pdftotext, a
        // process with a timeout, reads it.
        PdfLayout? read = null;
        Exception? error = null;
        var reading = new Thread(() =>
        {
            try
            {
                read = PdfCells.Read(pdf);
            }
            catch (Exception ex)
            {
                error = ex;
            }
        })
        { IsBackground = true, Name = "jixiao-pdf-geometry" };
        reading.Start();
        if (!reading.Join(GeometryTimeout))
        {
            failure = $"PdfPig 读取此 PDF 超过 {GeometryTimeout.TotalSeconds:0} 秒，改用 pdftotext。";
            return null;
        }

        if (error is OutOfMemoryException)
        {
            ExceptionDispatchInfo.Throw(error);
        }

        if (error is not null || read is not { } layout)
        {
            failure = $"PdfPig 无法读取此 PDF（{error?.GetType().Name}: {error?.Message}），改用 pdftotext。";
            return null;
        }

        if (layout.Letters == 0)
        {
            return null;
        }

        ruled = layout.Ruled;
        return FormAssembler.Assemble(layout.Cells, source);
    }

    /// <summary>
    /// The better of two readings of one source: more forms read, then more fields filled, then fewer
    /// warnings. Each reader is exact on what it was built for; neither is trusted blindly on the other's.
    /// </summary>
    public static DisclosureDocument Better(DisclosureDocument a, DisclosureDocument b)
    {
        var sa = Score(a);
        var sb = Score(b);
        return sb > sa ? b : a;
    }

    private static double Score(DisclosureDocument d) =>
        d.Forms.Sum(Completeness) - 0.01 * d.Diagnostics.Count(x => x.Severity != Severity.Info);

    /// <summary>How many of a form's fields hold a value (a measure to compare two readings, not a check).</summary>
    public static int Completeness(PerformanceForm f)
    {
        var n = 5; // a form read at all
        n += f.Name.Length > 0 ? 1 : 0;
        n += f.Department.Length > 0 ? 1 : 0;
        n += f.Unit.Length > 0 ? 1 : 0;
        n += f.Goal.Length > 0 ? 1 : 0;
        n += f.Year is null ? 0 : 1;
        n += f.Nature is null ? 0 : 1;
        n += f.Category is null ? 0 : 1;
        n += f.StartDate is null ? 0 : 1;
        n += f.EndDate is null ? 0 : 1;
        n += f.Outcome is { Length: > 0 } ? 1 : 0;
        n += f.TotalScore is null ? 0 : 1;
        n += f.TotalWeight is null ? 0 : 1;
        n += f.Grade is null ? 0 : 1;
        if (f.Funds is { } funds)
        {
            n += (funds.AnnualTotal is null ? 0 : 1) + (funds.CurrentYear is null ? 0 : 1) + (funds.CarryOver is null ? 0 : 1) + (funds.Other is null ? 0 : 1);
        }

        if (f.Budget is { } budget)
        {
            foreach (var row in new[] { budget.Total, budget.CurrentYear, budget.CarryOver, budget.Other })
            {
                n += row is null ? 0 : (row.Initial is null ? 0 : 1) + (row.Full is null ? 0 : 1) + (row.Executed is null ? 0 : 1) + (row.Rate is null ? 0 : 1);
            }
        }

        // An indicator counts when it looks like one: known 一级/二级 labels, a name and a target. A reading
        // that cut rows in pieces has more rows, not more plausible ones.
        foreach (var i in f.Indicators)
        {
            var plausible = IndicatorLevels.IsLevel1(i.Level1) && IndicatorLevels.IsLevel2(i.Level2) && i.Name.Length > 0 && i.Target.Length > 0;
            n += plausible ? 2 + (i.Actual is { Length: > 0 } ? 1 : 0) + (i.Weight is null ? 0 : 1) + (i.Score is null ? 0 : 1) : -1;
        }

        // The form's own sums agree: the reading put the numbers where they belong.
        if (f.Kind == FormKind.SelfEvaluation && f.Indicators.Count > 0)
        {
            var weights = f.Indicators.Sum(i => i.Weight ?? 0) + (f.Budget?.Total?.Weight ?? 0);
            var scores = f.Indicators.Sum(i => i.Score ?? 0) + (f.Budget?.Total?.Score ?? 0);
            n += f.TotalWeight is { } tw && weights == tw ? 10 : 0;
            n += f.TotalScore is { } ts && Math.Abs(scores - ts) <= 0.05m ? 10 : 0;
        }

        if (f.Funds is { AnnualTotal: { } total } fs && total == (fs.CurrentYear ?? 0) + (fs.CarryOver ?? 0) + (fs.Other ?? 0))
        {
            n += 5;
        }

        return n;
    }
}
