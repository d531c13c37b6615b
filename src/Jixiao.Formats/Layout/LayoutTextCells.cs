using System.Text.RegularExpressions;
using Jixiao.Domain.Model;
using Jixiao.Formats.Disclosure;

namespace Jixiao.Formats.Layout;

/// <summary>
/// Stage 1–3 for text that keeps the page's columns (<c>pdftotext -layout</c>, or a table pasted with
/// spaces): each run of text on a line separated from the next by at least <see cref="ColumnGap"/> spaces is
/// a cell piece, placed at its character column and its line. pdftotext places text by character count:
/// a CJK character takes one column like a Latin one (measured: the second line of a wrapped cell
/// starts at the same character index as its first line, whatever the characters before it).
/// </summary>
public static partial class LayoutTextCells
{
    /// <summary>
    /// Spaces that separate two pieces. pdftotext -layout puts a single space between two cells of a tight
    /// row (<c>项目名称 信息化运维项目</c>), so every space separates; the pieces of one cell are joined again
    /// by the assembler (a column's pieces on a row, a label's pieces by spelling).
    /// </summary>
    public const int ColumnGap = 1;

    /// <summary>Whether a text looks like <c>pdftotext -layout</c> output: many lines with wide runs of spaces.</summary>
    public static bool LooksLikeLayout(string text)
    {
        int lines = 0, wide = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var t = line.Trim();
            if (t.IsEmpty)
            {
                continue;
            }

            lines++;
            if (t.Contains("   ", StringComparison.Ordinal))
            {
                wide++;
            }

            if (lines >= 4000)
            {
                break;
            }
        }

        return lines > 0 && wide * 4 > lines;
    }

    /// <summary>The cell pieces of a text, in reading order, page furniture (page numbers) left out.</summary>
    public static List<Cell> Read(string text) => Read(text, null);

    /// <summary>
    /// The cell pieces of a text, in reading order, page furniture (page numbers) left out; a page number
    /// taken out of a line that also holds a cell's text is told in <paramref name="notes"/>.
    /// </summary>
    public static List<Cell> Read(string text, List<Diagnostic>? notes)
    {
        var cells = new List<Cell>();
        var page = 1;
        var lineNo = 0;
        // Lines end at \n only: EnumerateLines would also end one at the form feed that starts a page.
        var lines = text.Split('\n');
        var edges = PageEdges(lines).ToLookup(e => e.Line, e => e.Page);
        foreach (var raw in lines)
        {
            lineNo++;
            var line = raw.AsSpan().TrimEnd('\r');
            while (line.Length > 0 && line[0] == '\f')
            {
                page++;
                line = line[1..];
            }

            var s = TextNormaliser.Normalize(line.ToString().Replace('\t', ' '));
            if (string.IsNullOrWhiteSpace(s) || PageFurniture.IsMatch(s.Trim()))
            {
                continue;
            }

            if (edges.Contains(lineNo - 1) || s.Contains('页') || s.Contains("page", StringComparison.OrdinalIgnoreCase))
            {
                s = WithoutFurnitureRun(s, page, edges.Contains(lineNo - 1), lineNo, notes);
            }

            var column = 0;
            var i = 0;
            while (i < s.Length)
            {
                while (i < s.Length && s[i] == ' ')
                {
                    column++;
                    i++;
                }

                if (i >= s.Length)
                {
                    break;
                }

                var start = i;
                var startColumn = column;
                var end = i;
                var endColumn = column;
                while (i < s.Length)
                {
                    if (s[i] == ' ')
                    {
                        var j = i;
                        while (j < s.Length && s[j] == ' ')
                        {
                            j++;
                        }

                        if (j - i >= ColumnGap || j >= s.Length)
                        {
                            break;
                        }

                        column += j - i;
                        i = j;
                        continue;
                    }

                    column++;
                    i++;
                    end = i;
                    endColumn = column;
                }

                cells.Add(new Cell(page, new Box(startColumn, lineNo - 1, endColumn, lineNo), s[start..end], lineNo, Whole: false, Unit: 1));
            }
        }

        return cells;
    }

    /// <summary>
    /// Spaces that set a run of a line apart from the rest, so that a page number printed level with a cell's
    /// overflow on a page's last line is still known (calc-long: 质量指标, then 20 spaces, then 第 10 页，共 13 页;
    /// calc-narrow, gen83-012-calc). The words of one cell are set apart by one space at most.
    /// </summary>
    internal const int FurnitureGap = 2;

    /// <summary>A run of a line: text whose words are set apart by fewer than <see cref="FurnitureGap"/> spaces.</summary>
    private static readonly Regex LineRun = new($@"\S+(?: {{1,{FurnitureGap - 1}}}\S+)*", RegexOptions.CultureInvariant);

    /// <summary>
    /// The line with a page number run (<see cref="IsPageNumber"/>) blanked out (the other pieces keep their
    /// columns); each run taken out is told in <paramref name="notes"/>. <paramref name="edge"/>: the line is its
    /// page's first or last line of text.
    /// </summary>
    internal static string WithoutFurnitureRun(string line, int page, bool edge, int lineNo, List<Diagnostic>? notes)
    {
        var runs = LineRun.Matches(line);
        if (runs.Count < 2)
        {
            return line;
        }

        var chars = line.ToCharArray();
        foreach (Match run in runs)
        {
            if (IsPageNumber(run.Value, page, edge))
            {
                Array.Fill(chars, ' ', run.Index, run.Length);
                notes?.Add(new Diagnostic(Severity.Info, lineNo, DiagnosticCodes.PageFurniture, $"第{lineNo}行：页码“{run.Value}”与单元格文字同行，不读入单元格。"));
            }
        }

        return new string(chars);
    }

    /// <summary>
    /// Whether a run is its page's number: worded (<c>第3页，共9页</c>, <c>Page 3 of 9</c>), on the page's first or
    /// last line (<paramref name="edge"/>) whatever its number, elsewhere when it is the page's ordinal (a cell
    /// centred down the rows past the table prints below the footer: gen83-012-calc, gen97c-014-calc). A bare
    /// <c>3</c> or <c>- 3 -</c> beside a cell is kept even on the page's edge as the page's ordinal: it is as likely
    /// a weight or a score of the row there (measured: dropping it lost a form on a check set).
    /// </summary>
    internal static bool IsPageNumber(string run, int page, bool edge)
    {
        var t = run.Trim();
        if (!PageFurniture.IsMatch(t) || !(t.Contains('页') || t.Contains("page", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var number = FirstNumberRegex().Match(t);
        return edge || int.TryParse(number.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n == page;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex FirstNumberRegex();

    /// <summary>
    /// The first and last lines of text (0-based) of each page, with the page's ordinal (pdftotext ends each page
    /// with a form feed; text before a feed is its page's last line, text after it the next page's first).
    /// </summary>
    internal static List<(int Line, int Page)> PageEdges(string[] lines)
    {
        var edges = new List<(int Line, int Page)>();
        var page = 1;
        var first = -1;
        var last = -1;
        for (var i = 0; i <= lines.Length; i++)
        {
            var feed = i < lines.Length ? lines[i].IndexOf('\f') : -1;
            if (i == lines.Length || feed >= 0)
            {
                // The page ends before this line's form feed (text before the feed is the page's last).
                var before = i < lines.Length && lines[i][..feed].Trim().Length > 0 ? i : last;
                foreach (var edge in new[] { first, before }.Distinct())
                {
                    if (edge >= 0)
                    {
                        edges.Add((edge, page));
                    }
                }

                page++;
                first = -1;
                last = -1;
                if (i < lines.Length && lines[i][(feed + 1)..].Trim().Length > 0)
                {
                    first = i;
                    last = i;
                }

                continue;
            }

            if (lines[i].Trim().Length > 0)
            {
                if (first < 0)
                {
                    first = i;
                }

                last = i;
            }
        }

        return edges;
    }

    /// <summary>Display width: wide (CJK, full-width) characters take two columns.</summary>
    public static int Width(char c) => c >= '\u1100' && (c <= '\u115F' || c is >= '\u2E80' and <= '\uA4CF' || c is >= '\uAC00' and <= '\uD7A3'
        || c is >= '\uF900' and <= '\uFAFF' || c is >= '\uFE30' and <= '\uFE4F' || c is >= '\uFF00' and <= '\uFF60' || c is >= '\uFFE0' and <= '\uFFE6') ? 2 : 1;

    /// <summary>A line that is only a page number: <c>3</c>, <c>- 3 -</c>, <c>第 3 页</c>, <c>第3页，共9页</c>, <c>3/9</c>.</summary>
    internal static readonly Regex PageFurniture = PageFurnitureRegex();

    [GeneratedRegex(@"^(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}(?:\s*/\s*\d{1,4})?|Page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$", RegexOptions.IgnoreCase)]
    private static partial Regex PageFurnitureRegex();
}
