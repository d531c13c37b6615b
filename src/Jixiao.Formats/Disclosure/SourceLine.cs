using System.Text;

namespace Jixiao.Formats.Disclosure;

/// <summary>One line of a source, trimmed, with its 1-based number and its tab-separated cells.</summary>
internal sealed class SourceLine
{
    /// <summary>Lines longer than this are not read (a 10 MB line is junk, not a form).</summary>
    public const int MaxLength = 20_000;

    private string[]? _cells;

    public SourceLine(int number, string text)
    {
        Number = number;
        Raw = text;
        Text = text.Trim();
    }

    public int Number { get; }

    /// <summary>The line as it stands in the source, tabs included.</summary>
    public string Raw { get; }

    /// <summary>The line without surrounding white space.</summary>
    public string Text { get; }

    public bool IsBlank => Text.Length == 0;

    public bool HasTabs => Raw.Contains('\t');

    /// <summary>The text with every white-space character removed.</summary>
    public string Compact => TextTools.RemoveWhitespace(Text);

    /// <summary>The tab-separated cells of the raw line, each trimmed (empty cells kept so positions hold).</summary>
    public string[] Cells => _cells ??= Raw.Split('\t').Select(c => c.Trim()).ToArray();

    /// <summary>Space-separated tokens of the text.</summary>
    public string[] Tokens => Text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Markdown table rules such as <c>--	-------	----</c> or <c>|---|---|</c>.</summary>
    public bool IsTableRule
    {
        get
        {
            if (Text.Length == 0)
            {
                return false;
            }

            var dashes = 0;
            foreach (var c in Text)
            {
                if (c == '-')
                {
                    dashes++;
                }
                else if (c is not ('|' or ':' or '\t' or ' ' or '+' or '='))
                {
                    return false;
                }
            }

            return dashes >= 2;
        }
    }

    public override string ToString() => $"{Number}: {Text}";

    /// <summary>
    /// Splits a source into lines. Guards against junk: over-long lines are cut (and reported by the caller),
    /// control characters other than tab become spaces, runs of 3+ spaces inside a line (pdftotext -layout)
    /// become tabs so that columns read as cells.
    /// </summary>
    public static List<SourceLine> Split(string text, bool layoutColumns, out List<int> overlong)
    {
        overlong = [];
        var lines = new List<SourceLine>();
        var number = 0;
        var start = 0;
        var sb = new StringBuilder();
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            number++;
            var length = end - start;
            if (length > MaxLength)
            {
                overlong.Add(number);
                lines.Add(new SourceLine(number, ""));
            }
            else
            {
                sb.Clear();
                var spaces = 0;
                var leading = true;
                for (var i = start; i < end; i++)
                {
                    var c = text[i];
                    if (c == '\r')
                    {
                        continue;
                    }

                    if (c == ' ' || c == '\u3000' || c == '\u00a0')
                    {
                        spaces++;
                        continue;
                    }

                    if (spaces > 0)
                    {
                        sb.Append(layoutColumns && !leading && spaces >= 3 ? '\t' : ' ', layoutColumns && !leading && spaces >= 3 ? 1 : spaces);
                        spaces = 0;
                    }

                    if (c != '\t' && char.IsControl(c) || c == '\uFFFD')
                    {
                        sb.Append(' ');
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    leading = false;
                }

                lines.Add(new SourceLine(number, sb.ToString()));
            }

            start = end + 1;
        }

        return lines;
    }
}

/// <summary>Small text helpers shared by the readers.</summary>
internal static class TextTools
{
    public static string RemoveWhitespace(string s)
    {
        var any = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                any = true;
                break;
            }
        }

        if (!any)
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Removes extraction markup (<c>&lt;p&gt;</c>, <c>$</c>, LaTeX commands) from free text.</summary>
    public static string StripMarkup(string s) =>
        s.Replace("<p>", "", StringComparison.Ordinal).Replace("</p>", "", StringComparison.Ordinal)
         .Replace("<br>", "", StringComparison.Ordinal).Replace("<br/>", "", StringComparison.Ordinal);

    /// <summary>
    /// Printed width in CJK cells: a CJK or full-width character is 1, an ASCII character or space ½.
    /// Used to tell a wrapped cell (its line is full) from a cell that ended.
    /// </summary>
    public static double Width(string s)
    {
        double w = 0;
        foreach (var c in s)
        {
            w += c < 0x2E80 ? 0.5 : 1;
        }

        return w;
    }

    /// <summary>Joins the pieces of a cell the print wrapped over several lines.</summary>
    public static string JoinWrapped(IEnumerable<string> pieces) => string.Concat(pieces.Select(p => p.Trim()));

    private static readonly char[] SentenceEnds = ['。', '；', ';', '！', '？'];

    public static bool EndsSentence(string s) => s.Length > 0 && Array.IndexOf(SentenceEnds, s[^1]) >= 0;
}
