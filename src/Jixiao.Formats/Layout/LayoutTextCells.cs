using System.Text.RegularExpressions;

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
    public static List<Cell> Read(string text)
    {
        var cells = new List<Cell>();
        var page = 1;
        var lineNo = 0;
        // Lines end at \n only: EnumerateLines would also end one at the form feed that starts a page.
        foreach (var raw in text.Split('\n'))
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

    /// <summary>Display width: wide (CJK, full-width) characters take two columns.</summary>
    public static int Width(char c) => c >= '\u1100' && (c <= '\u115F' || c is >= '\u2E80' and <= '\uA4CF' || c is >= '\uAC00' and <= '\uD7A3'
        || c is >= '\uF900' and <= '\uFAFF' || c is >= '\uFE30' and <= '\uFE4F' || c is >= '\uFF00' and <= '\uFF60' || c is >= '\uFFE0' and <= '\uFFE6') ? 2 : 1;

    /// <summary>A line that is only a page number: <c>3</c>, <c>- 3 -</c>, <c>第 3 页</c>, <c>第3页，共9页</c>, <c>3/9</c>.</summary>
    internal static readonly Regex PageFurniture = PageFurnitureRegex();

    [GeneratedRegex(@"^(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}(?:\s*/\s*\d{1,4})?|Page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$", RegexOptions.IgnoreCase)]
    private static partial Regex PageFurnitureRegex();
}
