using System.Collections.Frozen;
using System.Text;
using Jixiao.Domain.Values;

namespace Jixiao.Formats.Layout;

/// <summary>
/// A rectangle on the reading plane, y growing downwards. For a PDF the unit is the point and pages are
/// stacked (page n starts at <c>n × <see cref="Geometry.PageStride"/></c>); for <c>pdftotext -layout</c>
/// text x is the display column (a CJK character is two wide) and y the line index.
/// </summary>
public readonly record struct Box(double Left, double Top, double Right, double Bottom)
{
    public double Width => Right - Left;

    public double Height => Bottom - Top;

    public double CenterX => (Left + Right) / 2;

    public double CenterY => (Top + Bottom) / 2;

    public double OverlapX(Box other) => Math.Max(0, Math.Min(Right, other.Right) - Math.Max(Left, other.Left));

    public double OverlapY(Box other) => Math.Max(0, Math.Min(Bottom, other.Bottom) - Math.Max(Top, other.Top));

    public Box Union(Box other) => new(Math.Min(Left, other.Left), Math.Min(Top, other.Top), Math.Max(Right, other.Right), Math.Max(Bottom, other.Bottom));

    public override string ToString() => FormattableString.Invariant($"({Left:0.#},{Top:0.#})–({Right:0.#},{Bottom:0.#})");
}

/// <summary>
/// One piece of text the layout stage found: a whole table cell (when the borders were drawn, <see cref="Whole"/>)
/// or a run of text on one line that may be only part of a wrapped cell.
/// </summary>
/// <param name="Page">1-based page (1 for text without page breaks).</param>
/// <param name="Box">Where it stands, in the reading plane of its source.</param>
/// <param name="Text">Its text, normalised (<see cref="TextNormaliser"/>); lines of a wrapped cell joined.</param>
/// <param name="Line">1-based source line (text inputs) or page (PDF) for diagnostics.</param>
/// <param name="Whole">True when borders bound it: nothing else belongs to it.</param>
/// <param name="Unit">The height of one text line in <see cref="Box"/> units (font size for PDFs, 1 for text).</param>
/// <param name="Cut">A drawn cell that a page break cut: it has no rule on that side (its side rules end there).</param>
public sealed record Cell(int Page, Box Box, string Text, int Line, bool Whole, double Unit, PageCut Cut = PageCut.None)
{
    private string? _compact;

    /// <summary>In a table drawn with horizontal rules only: the rules above and below this piece.</summary>
    public (double Top, double Bottom)? Band { get; init; }

    /// <summary>How the geometry stage repaired this cell (a letter placed by its ink, an overflow joined), for a diagnostic; else null.</summary>
    public string? Repair { get; init; }

    /// <summary>The letters of a page-cut cell that stood below its cut and were joined to it, else null.</summary>
    public string? Overflow { get; init; }

    /// <summary>The part on the next page of a page-cut cell joined with it (its box there), else null.</summary>
    public Box? Rest { get; init; }

    /// <summary>The text without any white space, as labels are compared.</summary>
    public string Compact => _compact ??= TextNormaliser.Compact(Text);

    /// <summary>This piece and another (below it or beside it) as one cell with the given text.</summary>
    public Cell Joined(Cell other, string text) => new(Page, Box.Union(other.Box), text, Line, Whole, Unit, Cut);

    /// <summary>Where it is, in words, for diagnostics.</summary>
    public string Place => Unit == 1 ? $"第{Line}行" : FormattableString.Invariant($"第{Page}页 {Box}");

    public override string ToString() => $"{Place} {Text}";
}

/// <summary>Which sides of a drawn cell a page break cut off.</summary>
[Flags]
public enum PageCut
{
    None = 0,
    Above = 1,
    Below = 2,
}

/// <summary>Constants of the reading plane.</summary>
public static class Geometry
{
    /// <summary>The vertical distance between the tops of two stacked PDF pages (larger than any page).</summary>
    public const double PageStride = 100_000;
}

/// <summary>
/// Normalises text once, where it enters the reader: NFKC (full-width digits and Latin letters, Kangxi
/// radicals), the CJK Radicals Supplement mapped to ideographs, the comparison operators to one spelling,
/// and full-width brackets in values to ASCII.
/// </summary>
public static class TextNormaliser
{
    private static readonly FrozenDictionary<char, char> Radicals = BuildRadicals();

    private static FrozenDictionary<char, char> BuildRadicals()
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i + 1 < RadicalTable.Pairs.Length; i += 2)
        {
            map[RadicalTable.Pairs[i]] = RadicalTable.Pairs[i + 1];
        }

        for (var i = 0; i + 1 < RadicalTable.Simplified.Length; i += 2)
        {
            map[RadicalTable.Simplified[i]] = RadicalTable.Simplified[i + 1];
        }

        return map.ToFrozenDictionary();
    }

    /// <summary>One character as the reader sees it (radicals to ideographs, operators unified).</summary>
    public static char Char(char c) => c switch
    {
        >= '\u2E80' and <= '\u2FDF' => Radicals.TryGetValue(c, out var ideograph) ? ideograph : c,
        '\u00A0' or '\u3000' => ' ',
        _ => ComparisonOperators.Canonical(c),
    };

    /// <summary>Normalises a piece of text: per-character mapping, then NFKC for what remains composed.</summary>
    public static string Normalize(string s)
    {
        var needs = false;
        foreach (var c in s)
        {
            if (c >= '\u2000' && Char(c) != c || c >= '\uFF01' && c <= '\uFF5E' && c is not ('（' or '）' or '：' or '，' or '；'))
            {
                needs = true;
                break;
            }
        }

        if (!needs)
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            var m = Char(c);
            // Full-width ASCII (digits, letters, ％, ＋ …) to ASCII; Chinese punctuation that the forms print
            // as such (（）：，；) stays, so labels and goals keep their printed form.
            if (m is >= '\uFF01' and <= '\uFF5E' and not ('（' or '）' or '：' or '，' or '；'))
            {
                m = (char)(m - 0xFEE0);
            }

            sb.Append(m);
        }

        return sb.ToString();
    }

    /// <summary>The text without white space (labels and values are compared so).</summary>
    public static string Compact(string s)
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

    /// <summary>
    /// A value cell as the interchange JSON keeps it: compact, brackets ASCII (<c>≥8.00（人次）</c> is
    /// <c>≥8.00(人次)</c>); operators as printed (<c>&gt;=95%</c> stays, its parsed value says ≥).
    /// </summary>
    public static string Value(string s) => Compact(s).Replace('（', '(').Replace('）', ')');

    /// <summary>Whether a cell holds only a mark that says "nothing here": <c>-</c>, <c>/</c>, <c>—</c>, <c>无</c>.</summary>
    public static bool IsEmptyMark(string compact) => compact is "" or "-" or "/" or "—" or "——" or "－" or "--" or "\\" or "／" or "–";
}
