using Jixiao.Formats.Layout;

namespace Jixiao.Formats.Raw;

/// <summary>One run of text of a raw line (stage 1): what stands between spaces, normalised, with its source line.</summary>
/// <param name="Line">1-based source line, for diagnostics.</param>
/// <param name="Text">Normalised text, no white space.</param>
/// <param name="Paragraph">The paragraph (run of lines between blank lines) it belongs to.</param>
public sealed record RawToken(int Line, string Text, int Paragraph);

/// <summary>
/// Stage 1 of the raw-text reader: lines to tokens. Raw <c>pdftotext</c> text keeps no columns; a space on a
/// line separates two cells of one row (<c>成本指标 经济成本指</c>) and a blank line ends a paragraph, which
/// LibreOffice prints for each cell. Page numbers and form feeds are left out.
/// </summary>
public static class RawTokens
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
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.TrimEnd('\r').Replace('\f', ' ').Replace('\t', ' ');
            if (line.Length > MaxLineLength)
            {
                line = line[..MaxLineLength];
            }

            var s = TextNormaliser.Normalize(line).Trim();
            if (s.Length == 0 || LayoutTextCells.PageFurniture.IsMatch(s))
            {
                if (s.Length == 0 && !blank)
                {
                    paragraph++;
                    blank = true;
                }

                continue;
            }

            blank = false;
            foreach (var part in s.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (part is "：" or ":")
                {
                    // A label's colon printed apart (项目性质 ：): punctuation, not a value.
                    continue;
                }

                tokens.Add(new RawToken(lineNo, part, paragraph));
            }
        }

        return tokens;
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
}
