using System.Text.RegularExpressions;
using Jixiao.Formats.Layout;

namespace Jixiao.Formats.Raw;

/// <summary>One run of text of a raw line (stage 1): what stands between spaces, normalised, with its source line.</summary>
/// <param name="Line">1-based source line, for diagnostics.</param>
/// <param name="Text">Normalised text, no white space.</param>
/// <param name="Paragraph">The paragraph (run of lines between blank lines) it belongs to.</param>
/// <param name="Page">The page it is printed on (form feeds before its line).</param>
public sealed record RawToken(int Line, string Text, int Paragraph, int Page = 0);

/// <summary>
/// Stage 1 of the raw-text reader: lines to tokens. Raw <c>pdftotext</c> text keeps no columns; a space on a
/// line separates two cells of one row (<c>成本指标 经济成本指</c>) and a blank line ends a paragraph, which
/// LibreOffice prints for each cell. Page numbers and form feeds are left out.
/// </summary>
public static partial class RawTokens
{
    /// <summary>Longest line read (characters); a longer one is cut, so no input makes the reader slow.</summary>
    public const int MaxLineLength = 4_000;

    /// <summary>The tokens of a text, in order.</summary>
    public static List<RawToken> Read(string text)
    {
        var tokens = new List<RawToken>();
        var lineNo = 0;
        var paragraph = 0;
        var blank = true;
        var lines = text.Split('\n');
        var pageNumbers = PageNumberLines(lines);
        var page = 0;
        foreach (var raw in lines)
        {
            lineNo++;
            page += raw.Count(c => c == '\f');
            var empty = false;
            var parts = pageNumbers.Contains(lineNo - 1) ? null : LineTokens(raw, out empty);
            if (parts is null)
            {
                if (empty && !blank)
                {
                    paragraph++;
                    blank = true;
                }

                continue;
            }

            blank = false;
            foreach (var part in parts)
            {
                tokens.Add(new RawToken(lineNo, part, paragraph, page));
            }
        }

        return tokens;
    }

    /// <summary>
    /// Whether the raw reader would read a text at all (<see cref="RawReader.MaxChars"/> characters and
    /// <see cref="RawReader.MaxTokens"/> tokens at most), read from <paramref name="reader"/> one block at a
    /// time and stopping as soon as either is passed: what <see cref="Read"/> and the reader's bounds make of
    /// the whole text, without holding it (a streaming <c>jixiao parse</c> asks before reading a file whole).
    /// <paramref name="tick"/> is called after each block (the caller may pace garbage collection: the
    /// check allocates each line's tokens, about 12 bytes per byte read).
    /// </summary>
    public static bool WithinBounds(TextReader reader, Action? tick = null)
    {
        var buffer = new char[1 << 16];
        var line = new System.Text.StringBuilder();
        long chars = 0;
        var lineLength = 0;
        var tokens = 0;
        int n;
        while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            tick?.Invoke();
            chars += n;
            if (chars > RawReader.MaxChars)
            {
                return false;
            }

            for (var i = 0; i < n; i++)
            {
                if (buffer[i] == '\n')
                {
                    tokens += Count(line, lineLength);
                    line.Clear();
                    lineLength = 0;
                    if (tokens > RawReader.MaxTokens)
                    {
                        return false;
                    }
                }
                else
                {
                    // Only the part of a long line that Read keeps (and its last character, for a trailing \r) matters.
                    if (line.Length <= MaxLineLength)
                    {
                        line.Append(buffer[i]);
                    }

                    lineLength++;
                }
            }
        }

        return tokens + Count(line, lineLength) <= RawReader.MaxTokens;

        static int Count(System.Text.StringBuilder line, int length)
        {
            // A line longer than MaxLineLength + 1 is cut whatever it ends with; a shorter one is whole.
            var text = line.ToString();
            if (length > MaxLineLength + 1)
            {
                text = text[..MaxLineLength];
            }

            return LineTokens(text, out _)?.Length ?? 0;
        }
    }

    /// <summary>A line holding only a number (<c>3</c>): a page number, or a cell's whole number (a weight <c>10</c>, a total <c>100</c>).</summary>
    private static readonly System.Text.RegularExpressions.Regex BareNumber = new(@"^\d{1,4}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// The lines (0-based) that are a bare page number: a line holding only the number of its page, the first
    /// or last line of text of that page (<see cref="LayoutTextCells.PageEdges"/>). Any other bare number is
    /// a cell's value: LibreOffice and Chromium print a whole weight, score or total (<c>100</c>) on its own line.
    /// </summary>
    private static HashSet<int> PageNumberLines(string[] lines) =>
        LayoutTextCells.PageEdges(lines).Where(e => IsPageNumber(lines[e.Line], e.Page)).Select(e => e.Line).ToHashSet();

    private static bool IsPageNumber(string line, int page)
    {
        var t = line.Replace('\f', ' ').Trim();
        return BareNumber.IsMatch(t) && int.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n == page;
    }

    /// <summary>A line's tokens, or null for a blank line (<paramref name="empty"/>) or page furniture (a bare number is kept: <see cref="PageNumberLines"/>).</summary>
    private static string[]? LineTokens(string raw, out bool empty)
    {
        var line = raw.TrimEnd('\r').Replace('\f', ' ').Replace('\t', ' ');
        if (line.Length > MaxLineLength)
        {
            line = line[..MaxLineLength];
        }

        var s = TextNormaliser.Normalize(line).Trim();
        empty = s.Length == 0;
        if (empty || LayoutTextCells.PageFurniture.IsMatch(s) && !BareNumber.IsMatch(s))
        {
            return null;
        }

        // A word processor sets digits apart from CJK text, and pdftotext prints the gap as a space
        // (word-chromium-official: （2024 年度）, 2024 年 1 月 1 日, …中心）2024 年度项目绩效目标汇总表): a year
        // mark, a date or a 汇总表 heading is one token again. Only these: a goal that opens with 2024 年度… is
        // text whose tokens the reader places (joining them lost word-gen137-016-calc its forms).
        if (s.Contains('年'))
        {
            s = DigitSpace().Replace(s, m => m.Value.Replace(" ", "", StringComparison.Ordinal));
        }

        // A label's colon printed apart (项目性质 ：) is punctuation, not a value.
        return s.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(p => p is not ("：" or ":")).ToArray();
    }

    /// <summary>
    /// Whether the text's cells come as paragraphs (LibreOffice): at least one blank line for every
    /// <see cref="ParagraphRatio"/> lines of text.
    /// </summary>
    public static bool Paragraphed(string text)
    {
        int lines = 0, blanks = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (line.Trim().IsEmpty)
            {
                blanks++;
            }
            else
            {
                lines++;
            }
        }

        return lines > 0 && blanks * ParagraphRatio >= lines;
    }

    /// <summary>Lines of text per blank line at most for a paragraphed text (LibreOffice: about 1.5; Chromium: none).</summary>
    public const int ParagraphRatio = 4;

    /// <summary>A year mark, a date or a 汇总表 heading with the spaces a word processor puts around its digits.</summary>
    [GeneratedRegex(@"[(（]\d{4} 年度?[)）]|\d{4} 年度\S*汇总表$|\b\d{4} ?年 ?\d{1,2} ?月 ?\d{1,2} ?日")]
    private static partial Regex DigitSpace();
}
