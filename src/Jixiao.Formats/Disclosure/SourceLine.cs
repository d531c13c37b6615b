using System.Buffers;
using System.Text;

namespace Jixiao.Formats.Disclosure;

/// <summary>
/// One line of a source, trimmed, with its 1-based number and its tab-separated cells. The streaming
/// reader recycles the lines of a form once the form is read (<see cref="Reset(int, ReadOnlyMemory{char})"/>):
/// hold on to what a line says, not to the line. A line read by <see cref="DisclosureReader"/> holds its
/// characters in the <see cref="LineArena"/> of the form being read, not in a string of its own: most lines
/// are only looked at (a title? blank? which tokens?), and a string per line was a fifth of what reading
/// allocated. <see cref="Text"/> and <see cref="Raw"/> build a string when one is asked for.
/// </summary>
internal sealed class SourceLine
{
    /// <summary>Lines longer than this are not read (a 10 MB line is junk, not a form).</summary>
    public const int MaxLength = 20_000;

    private ReadOnlyMemory<char> _memory;
    private int _textStart;
    private int _textLength;
    private string? _raw;
    private string? _text;
    private string[]? _cells;
    private string? _compact;
    private string[]? _tokens;

    public SourceLine(int number, string text) => Reset(number, text);

    public SourceLine(int number, ReadOnlyMemory<char> text) => Reset(number, text);

    public int Number { get; private set; }

    /// <summary>The line as it stands in the source, tabs included.</summary>
    public string Raw => _raw ??= _memory.Length == 0 ? "" : new string(_memory.Span);

    /// <summary>The line without surrounding white space.</summary>
    public string Text => _text ??= _textLength == _memory.Length ? Raw : new string(Span);

    /// <summary><see cref="Raw"/> without building a string: valid while the line is.</summary>
    public ReadOnlySpan<char> RawSpan => _memory.Span;

    /// <summary><see cref="Text"/> without building a string: valid while the line is.</summary>
    public ReadOnlySpan<char> Span => _memory.Span.Slice(_textStart, _textLength);

    /// <summary>Makes this object another line (for the reader that recycles lines).</summary>
    public void Reset(int number, string text)
    {
        Reset(number, text.AsMemory());
        _raw = text;
    }

    /// <summary>Makes this object another line whose characters are held elsewhere (the reader's <see cref="LineArena"/>).</summary>
    public void Reset(int number, ReadOnlyMemory<char> text)
    {
        Number = number;
        _memory = text;
        var span = text.Span;
        var trimmed = span.TrimStart();
        _textStart = span.Length - trimmed.Length;
        _textLength = trimmed.TrimEnd().Length;
        _raw = null;
        _text = null;
        _cells = null;
        _compact = null;
        _tokens = null;
    }

    /// <summary>
    /// Gives the line a string of its own, so that it outlives the arena it was read into (the title line
    /// that ends one form and starts the next, when the arena is cleared between them).
    /// </summary>
    public void Detach()
    {
        var raw = Raw;
        _memory = raw.AsMemory();
    }

    public bool IsBlank => _textLength == 0;

    public bool HasTabs => RawSpan.Contains('\t');

    /// <summary>The text with every white-space character removed.</summary>
    public string Compact => _compact ??= TextTools.IndexOfWhitespace(Span) is var first and >= 0 ? TextTools.RemoveWhitespace(Span, first) : Text;

    /// <summary>
    /// <c>Compact.Contains(value)</c>, without building <see cref="Compact"/>: the searches for a form's
    /// fields pass over many lines that hold the value's first character (年, 三) but not the value.
    /// </summary>
    public bool CompactContains(string value) =>
        _compact is { } compact ? compact.Contains(value, StringComparison.Ordinal) : TextTools.CompactContains(Span, value);

    /// <summary><c>Compact.StartsWith(value)</c>, without building <see cref="Compact"/>.</summary>
    public bool CompactStartsWith(string value) =>
        _textLength > 0 && Span[0] == value[0] && TextTools.CompactStartsWith(Span, value);

    /// <summary>The tab-separated cells of the raw line, each trimmed (empty cells kept so positions hold).</summary>
    public string[] Cells => _cells ??= SplitCells(RawSpan);

    /// <summary>What <c>raw.Split('\t')</c> with each cell trimmed gives, without a string for the whole line.</summary>
    private static string[] SplitCells(ReadOnlySpan<char> raw)
    {
        var cells = new string[raw.Count('\t') + 1];
        var k = 0;
        foreach (var range in raw.Split('\t'))
        {
            var cell = raw[range].Trim();
            cells[k++] = cell.IsEmpty ? "" : cell.ToString();
        }

        return cells;
    }

    /// <summary>Space-separated tokens of the text.</summary>
    public string[] Tokens => _tokens ??= SplitTokens(Span);

    /// <summary>
    /// What <c>text.Split(' ', RemoveEmptyEntries | TrimEntries)</c> gives, without a string for the whole
    /// line: the tokens are found once (kept on the stack) and the array made at its final size.
    /// </summary>
    private static string[] SplitTokens(ReadOnlySpan<char> text)
    {
        const int Kept = 64;
        Span<Range> ranges = stackalloc Range[Kept];
        var count = 0;
        foreach (var range in text.Split(' '))
        {
            var (offset, length) = range.GetOffsetAndLength(text.Length);
            var token = text.Slice(offset, length);
            var trimmed = token.TrimStart();
            if (trimmed.IsEmpty)
            {
                continue;
            }

            if (count == Kept)
            {
                return SplitTokensSlowly(text);
            }

            var start = offset + (token.Length - trimmed.Length);
            ranges[count++] = new Range(start, start + trimmed.TrimEnd().Length);
        }

        if (count == 0)
        {
            return [];
        }

        var tokens = new string[count];
        for (var k = 0; k < count; k++)
        {
            tokens[k] = text[ranges[k]].ToString();
        }

        return tokens;
    }

    /// <summary><see cref="SplitTokens"/> for a line of more tokens than it keeps on the stack.</summary>
    private static string[] SplitTokensSlowly(ReadOnlySpan<char> text)
    {
        var tokens = new List<string>();
        foreach (var range in text.Split(' '))
        {
            var token = text[range].Trim();
            if (!token.IsEmpty)
            {
                tokens.Add(token.ToString());
            }
        }

        return [.. tokens];
    }

    /// <summary>Markdown table rules such as <c>--	-------	----</c> or <c>|---|---|</c>.</summary>
    public bool IsTableRule
    {
        get
        {
            if (_textLength == 0)
            {
                return false;
            }

            var dashes = 0;
            foreach (var c in Span)
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
    /// Normalises one raw line: control characters other than tab become spaces, no-break and ideographic
    /// spaces become spaces, and with <paramref name="layoutColumns"/> runs of 3+ spaces inside the line
    /// (pdftotext -layout) become a tab so that columns read as cells.
    /// </summary>
    public static string Normalize(ReadOnlySpan<char> raw, bool layoutColumns, StringBuilder sb)
    {
        sb.Clear();
        var spaces = 0;
        var leading = true;
        foreach (var c in raw)
        {
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
                if (layoutColumns && !leading && spaces >= 3)
                {
                    sb.Append('\t');
                }
                else
                {
                    sb.Append(' ', spaces);
                }

                spaces = 0;
            }

            sb.Append(c != '\t' && char.IsControl(c) || c == '\uFFFD' ? ' ' : c);
            leading = false;
        }

        return sb.ToString();
    }
}

/// <summary>Small text helpers shared by the readers.</summary>
internal static class TextTools
{
    /// <summary>Every character <see cref="char.IsWhiteSpace(char)"/> accepts, for vectorised search.</summary>
    private static readonly SearchValues<char> WhiteSpace = SearchValues.Create(WhiteSpaceCharacters());

    public static string RemoveWhitespace(string s)
    {
        var first = s.AsSpan().IndexOfAny(WhiteSpace);
        return first < 0 ? s : RemoveWhitespace(s, first);
    }

    /// <summary>Where the first white-space character of <paramref name="s"/> stands, or -1.</summary>
    public static int IndexOfWhitespace(ReadOnlySpan<char> s) => s.IndexOfAny(WhiteSpace);

    /// <summary><paramref name="s"/> without its white space, the first of which stands at <paramref name="first"/>.</summary>
    public static string RemoveWhitespace(ReadOnlySpan<char> s, int first)
    {
        char[]? rented = null;
        var buffer = s.Length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(s.Length));
        s[..first].CopyTo(buffer);
        var n = first;
        foreach (var c in s[(first + 1)..])
        {
            if (!char.IsWhiteSpace(c))
            {
                buffer[n++] = c;
            }
        }

        var result = new string(buffer[..n]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    /// <summary>True when <paramref name="s"/> without its white space is <paramref name="value"/> (no string is built).</summary>
    public static bool CompactEquals(ReadOnlySpan<char> s, ReadOnlySpan<char> value)
    {
        var k = 0;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (k == value.Length || value[k] != c)
            {
                return false;
            }

            k++;
        }

        return k == value.Length;
    }

    /// <summary>
    /// True when <paramref name="s"/> without its white space contains <paramref name="value"/> (no string is
    /// built): the value starts at some character of <paramref name="s"/> equal to its first, and the text
    /// from there, white space skipped, starts with it. <paramref name="value"/> holds no white space.
    /// </summary>
    public static bool CompactContains(ReadOnlySpan<char> s, ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return true;
        }

        if (s.IndexOfAny(WhiteSpace) < 0)
        {
            return s.Contains(value, StringComparison.Ordinal);
        }

        for (var rest = s; ;)
        {
            var at = rest.IndexOf(value[0]);
            if (at < 0)
            {
                return false;
            }

            if (CompactStartsWith(rest[at..], value))
            {
                return true;
            }

            rest = rest[(at + 1)..];
        }
    }

    /// <summary>True when <paramref name="s"/> without its white space starts with <paramref name="value"/> (no string is built).</summary>
    public static bool CompactStartsWith(ReadOnlySpan<char> s, ReadOnlySpan<char> value)
    {
        var k = 0;
        foreach (var c in s)
        {
            if (k == value.Length)
            {
                return true;
            }

            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (value[k] != c)
            {
                return false;
            }

            k++;
        }

        return k == value.Length;
    }

    private static string WhiteSpaceCharacters()
    {
        var sb = new StringBuilder();
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsWhiteSpace((char)c))
            {
                sb.Append((char)c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Removes extraction markup (<c>&lt;p&gt;</c>, <c>$</c>, LaTeX commands) from free text.</summary>
    public static string StripMarkup(string s) => !s.Contains('<') ? s :
        s.Replace("<p>", "", StringComparison.Ordinal).Replace("</p>", "", StringComparison.Ordinal)
         .Replace("<br>", "", StringComparison.Ordinal).Replace("<br/>", "", StringComparison.Ordinal);

    /// <summary>
    /// Printed width in CJK cells: a CJK or full-width character is 1, an ASCII character or space ½.
    /// Used to tell a wrapped cell (its line is full) from a cell that ended.
    /// </summary>
    public static double Width(string s) => Width(s.AsSpan());

    /// <inheritdoc cref="Width(string)"/>
    public static double Width(ReadOnlySpan<char> s)
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
