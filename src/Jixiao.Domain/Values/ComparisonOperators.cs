namespace Jixiao.Domain.Values;

/// <summary>
/// The one table of how the forms spell a comparison: every spelling seen in disclosures, workbooks and
/// PDFs (<c>≥ ≧ ⩾ &gt;=</c>, full-width <c>＞＝</c>, …) and the one canonical symbol of each
/// (<see cref="ComparisonSymbols.Symbol"/>). The value grammar, the line and tab readers, the XLSX sheet
/// reader and the layout reader all ask this table, so they accept the same spellings.
/// </summary>
public static class ComparisonOperators
{
    /// <summary>A spelling and the comparison it states.</summary>
    public readonly record struct Spelling(string Text, Comparison Comparison);

    /// <summary>Every spelling, two-character ones first (so <c>&gt;=</c> is read before <c>&gt;</c>).</summary>
    public static readonly IReadOnlyList<Spelling> Spellings =
    [
        new(">=", Comparison.AtLeast), new("＞＝", Comparison.AtLeast), new(">＝", Comparison.AtLeast), new("＞=", Comparison.AtLeast),
        new("<=", Comparison.AtMost), new("＜＝", Comparison.AtMost), new("<＝", Comparison.AtMost), new("＜=", Comparison.AtMost),
        new("≥", Comparison.AtLeast), new("≧", Comparison.AtLeast), new("⩾", Comparison.AtLeast),
        new("≤", Comparison.AtMost), new("≦", Comparison.AtMost), new("⩽", Comparison.AtMost),
        new(">", Comparison.Above), new("＞", Comparison.Above),
        new("<", Comparison.Below), new("＜", Comparison.Below),
        new("=", Comparison.Equal), new("＝", Comparison.Equal),
    ];

    /// <summary>The LaTeX commands extraction leaves in a cell (<c>$\geq 90\%$</c>), longest first, with the symbol each stands for.</summary>
    public static readonly IReadOnlyList<(string Command, string Symbol)> LaTeX =
        [("\\geq", "≥"), ("\\ge", "≥"), ("\\leq", "≤"), ("\\le", "≤")];

    /// <summary>The characters a comparison can start with.</summary>
    public const string StartChars = "≥≧⩾≤≦⩽>＞<＜=＝";

    /// <summary>Whether <paramref name="c"/> can start a comparison.</summary>
    public static bool IsStart(char c) => c is '≥' or '≧' or '⩾' or '≤' or '≦' or '⩽' or '>' or '＞' or '<' or '＜' or '=' or '＝';

    /// <summary>
    /// Reads the comparison at the start of <paramref name="s"/>: the comparison and how many characters it
    /// took; false (and 0) when <paramref name="s"/> does not start with one.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<char> s, out Comparison comparison, out int length)
    {
        if (s.Length > 0 && IsStart(s[0]))
        {
            foreach (var spelling in Spellings)
            {
                if (s.StartsWith(spelling.Text, StringComparison.Ordinal))
                {
                    comparison = spelling.Comparison;
                    length = spelling.Text.Length;
                    return true;
                }
            }
        }

        comparison = default;
        length = 0;
        return false;
    }

    /// <summary>
    /// Whether a piece of text starts with a comparison, as printed: an operator in any spelling, or the LaTeX
    /// <c>\geq</c> / <c>\leq</c> after an optional <c>$</c>.
    /// </summary>
    public static bool StartsWithOperator(string text)
    {
        var t = text.AsSpan().TrimStart('$');
        if (t.Length == 0)
        {
            return false;
        }

        if (IsStart(t[0]))
        {
            return true;
        }

        foreach (var (command, _) in LaTeX)
        {
            if (t.StartsWith(command, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// One operator character in its canonical form (<c>⩾ ≧</c> → <c>≥</c>, <c>＞</c> → <c>&gt;</c>, …);
    /// any other character unchanged. For readers that normalise text character by character.
    /// </summary>
    public static char Canonical(char c) => c switch
    {
        '⩾' or '≧' => '≥',
        '⩽' or '≦' => '≤',
        '＞' => '>',
        '＜' => '<',
        '＝' => '=',
        _ => c,
    };
}
