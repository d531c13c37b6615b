using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Domain.Model;
using Jixiao.Domain.Values;
using Jixiao.Formats.Disclosure;

namespace Jixiao.Formats.Layout;

/// <summary>
/// Stage 4–7: the cells of a document, from any source (drawn PDF tables, PDF text, <c>-layout</c> text), to
/// forms. A form starts at its title; its fields are found by their labels (value right of the label, or
/// below it when a row holds only labels); tables by their header words, whatever the columns' order.
/// </summary>
public static partial class FormAssembler
{
    public static DisclosureDocument Assemble(List<Cell> cells, string source) => Assemble(cells, source, []);

    /// <summary>Assembles the cells; <paramref name="readNotes"/> are what the cell reading told (page numbers taken out).</summary>
    public static DisclosureDocument Assemble(List<Cell> cells, string source, List<Diagnostic> readNotes)
    {
        var results = new List<FormReadResult>();
        var ordered = cells.OrderBy(c => c.Box.Top).ThenBy(c => c.Box.Left).ToList();
        var segments = Segment(ordered, out var notes);
        foreach (var segment in segments)
        {
            var diagnostics = new DiagnosticBag();
            if (segment.Cells.Count > MaxCellsPerForm)
            {
                // The assembler compares cells pairwise within a form: a "form" this large is no form, and
                // reading it would take minutes.
                diagnostics.Error(segment.Title.Line, DiagnosticCodes.FormTruncated, $"{segment.Title.Place}：此表有{segment.Cells.Count}个单元格，超过{MaxCellsPerForm}个，不是一张绩效表，未读取。");
                results.Add(new FormReadResult(null, diagnostics.Items));
                continue;
            }

            try
            {
                var form = new FormBuilder(segment, diagnostics).Build();
                results.Add(new FormReadResult(form, diagnostics.Items));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                diagnostics.Error(segment.Title.Line, DiagnosticCodes.UnreadRow, $"{segment.Title.Place}：内部错误，此表未读取：{ex.GetType().Name}: {ex.Message}");
                results.Add(new FormReadResult(null, diagnostics.Items));
            }
        }

        InferYears(results);
        var forms = results.Where(r => r.Form is not null).Select(r => r.Form!).ToList();
        var all = readNotes.Concat(notes).Concat(results.SelectMany(r => r.Diagnostics)).OrderBy(d => d.Line).ToList();
        if (segments.Count == 0)
        {
            all.Insert(0, new Diagnostic(Severity.Error, 1, DiagnosticCodes.NotADisclosure, "未找到“财政项目支出绩效目标申报表”或“财政项目支出绩效自评表”，不是绩效公开文件。"));
        }

        return new DisclosureDocument(source, forms, all);
    }

    /// <summary>The most cells one form may have (the longest seed form has about 600).</summary>
    public const int MaxCellsPerForm = 20_000;

    /// <summary>The cells of one form: from its title to the next title or 汇总表 heading.</summary>
    internal sealed record FormSegment(FormKind Kind, Cell Title, string? Group, List<Cell> Cells);

    private static List<FormSegment> Segment(List<Cell> cells, out List<Diagnostic> notes)
    {
        notes = [];
        var segments = new List<FormSegment>();
        string? group = null;
        FormSegment? current = null;
        Cell? previous = null;
        var seen = new List<Cell>();
        foreach (var c in cells)
        {
            seen.Add(c);
            var compact = c.Compact;
            var kind = compact.Contains(Labels.TargetTitle, StringComparison.Ordinal) ? FormKind.Target
                : compact.Contains(Labels.SelfEvaluationTitle, StringComparison.Ordinal) ? FormKind.SelfEvaluation : (FormKind?)null;
            if (kind is { } k && compact.Length <= 60)
            {
                current = new FormSegment(k, c, group, []);
                segments.Add(current);
                previous = c;
                continue;
            }

            if ((compact.Contains("汇总表", StringComparison.Ordinal) || WrappedHeading(previous, c)) && compact.Length < 80)
            {
                // A long heading wraps: its first line is the piece just above (…2024年度项 / 目绩效目标汇总表,
                // gen0-028-chromium: …目标汇 / 总表).
                if (previous is { Whole: false } above && !c.Whole && c.Box.Top - above.Box.Bottom < 0.8 * c.Unit && above.Box.OverlapX(c.Box) > 0 && above.Box.Width >= c.Box.Width / 2)
                {
                    compact = above.Compact + compact;
                    current?.Cells.Remove(above);
                }
                else
                {
                    // Its start pieces of their own to the left: a word processor spaces digits from CJK text, and
                    // -layout text splits at every space (word-chromium-official: …（上海医药采购中心）2024 年度项目…;
                    // word-gen157-004-calc: 上海市医疗保险事业管理中心 2023 年度项目…, two pieces before it).
                    var first = c;
                    for (var i = seen.Count - 2; i >= 0 && LeftOnLine(seen[i], first); i--)
                    {
                        first = seen[i];
                        compact = first.Compact + compact;
                        current?.Cells.Remove(first);
                    }
                }

                group = compact;
                current = null;
                previous = c;
                continue;
            }

            current?.Cells.Add(c);
            previous = c;
        }

        // A title printed again at the top of a continuation page (a running header) starts no form: a
        // "form" without 项目名称 that follows one of the same kind is the rest of it.
        var merged = new List<FormSegment>();
        foreach (var s in segments)
        {
            // The header block's labels, whole or in the pieces a narrow column prints (项目 / 名称, 主管 / 部门).
            var hasName = s.Cells.Any(c => Labels.FieldOf(c.Compact) is Field.Name or Field.Department or Field.Unit
                || Labels.Inline(c.Compact)?.Field is Field.Name or Field.Department or Field.Unit
                || c.Compact.StartsWith("项目名", StringComparison.Ordinal) || c.Compact is "名称" or "主管" or "实施");
            if (!hasName && merged.Count > 0 && merged[^1].Kind == s.Kind)
            {
                merged[^1].Cells.AddRange(s.Cells);
                notes.Add(new Diagnostic(Severity.Info, s.Title.Line, DiagnosticCodes.RepeatedBlock, $"{s.Title.Place}：续页重复印出的表头“{s.Title.Text}”，按上一张表的续页读取。"));
                continue;
            }

            merged.Add(s);
        }

        return merged;
    }

    /// <summary>A heading's last line that completes 汇总表 only with the free line just above it (…目标汇 / 总表).</summary>
    /// <summary>Whether <paramref name="left"/> is the piece just before <paramref name="c"/> on its text line (one space apart at most).</summary>
    internal static bool LeftOnLine(Cell left, Cell c) =>
        left.Page == c.Page && !left.Whole && !c.Whole && CellPlane.OnSameRow(left, c)
        && left.Box.Right <= c.Box.Left && c.Box.Left - left.Box.Right <= c.Unit;

    private static bool WrappedHeading(Cell? above, Cell c) =>
        above is { Whole: false } && !c.Whole && c.Compact.Length <= 2 && !above.Compact.Contains("汇总表", StringComparison.Ordinal)
        && (above.Compact + c.Compact).EndsWith("汇总表", StringComparison.Ordinal);

    private static void InferYears(List<FormReadResult> results)
    {
        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].Form is not { Year: null } form)
            {
                continue;
            }

            var neighbour = results.Skip(i + 1).Concat(results.Take(i).Reverse()).Select(r => r.Form?.Year).FirstOrDefault(y => y is not null);
            if (neighbour is { } year)
            {
                var bag = new DiagnosticBag();
                bag.Warn(form.Line, DiagnosticCodes.YearInferred, $"表“{form.Name}”未印年度，按相邻表推定为{year}年度。");
                results[i] = new FormReadResult(form with { Year = year }, [.. results[i].Diagnostics, .. bag.Items]);
            }
        }
    }

    [GeneratedRegex(@"(\d{4})\s*年度?")]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")]
    private static partial Regex DateRegex();

    internal static readonly Regex Year = YearRegex();

    /// <summary>
    /// A number as printed in a money or score cell (<c>4,855,541.00</c>, <c>1085.4</c>, <c>99.72%</c>,
    /// <c>500.00万元</c>): the unit dropped, then the line reader's number grammar.
    /// </summary>
    internal static decimal? Number(string compact, out bool separators)
    {
        separators = false;
        var s = compact.Replace('，', ',').TrimEnd('%', '元').Replace("万元", "", StringComparison.Ordinal).Replace("万", "", StringComparison.Ordinal);
        if (!DisclosureReader.IsNumberToken(s))
        {
            return null;
        }

        separators = s.Contains(',');
        return DisclosureReader.ParseNumber(s);
    }

    internal static DateOnly? Date(string compact)
    {
        var m = DateRegex().Match(compact);
        if (!m.Success)
        {
            return null;
        }

        var y = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var mo = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        return y is >= 1 and <= 9999 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) ? new DateOnly(y, mo, d) : null;
    }
}
