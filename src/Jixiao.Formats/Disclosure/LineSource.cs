using System.Buffers;
using System.Text;

namespace Jixiao.Formats.Disclosure;

/// <summary>
/// Reads lines from a <see cref="TextReader"/> without ever holding more than one line (and never more
/// than <see cref="SourceLine.MaxLength"/> characters of it): a 10 MB line costs a skip, not 20 MB.
/// The read buffer is rented (a file read in memory costs no large-object allocation); dispose to return it.
/// </summary>
internal sealed class LineSource(TextReader reader, bool layoutColumns) : IDisposable
{
    private const int BufferLength = 64 * 1024;

    private char[]? _buffer = ArrayPool<char>.Shared.Rent(BufferLength);
    private readonly StringBuilder _line = new();
    private readonly StringBuilder _scratch = new();
    private int _length;
    private int _position;
    private int _number;

    /// <summary>Characters looked at for <see cref="SuspectCharacters"/> (the first 8 KiB or so).</summary>
    public int SampledCharacters { get; private set; }

    /// <summary>NULs, other control characters and U+FFFD among the sampled characters: a sign of binary input.</summary>
    public int SuspectCharacters { get; private set; }

    /// <summary>Line numbers of lines that were too long to read.</summary>
    public List<int> Overlong { get; } = [];

    /// <summary>The number of the line last read (1-based).</summary>
    public int Number => _number;

    /// <summary>The next line, or null at the end; <paramref name="reuse"/> (a line no longer needed) is filled instead of a new one.</summary>
    public SourceLine? Next(SourceLine? reuse = null)
    {
        if (!Read(out var span))
        {
            return null;
        }

        var text = span.Length == 0 ? "" : new string(span);
        if (reuse is null)
        {
            return new SourceLine(_number, text);
        }

        reuse.Reset(_number, text);
        return reuse;
    }

    /// <summary>
    /// The next line, or null at the end, its characters copied into <paramref name="arena"/> rather than
    /// into a string of its own: the line is valid until the arena is cleared.
    /// </summary>
    public SourceLine? Next(SourceLine? reuse, LineArena arena)
    {
        if (!Read(out var span))
        {
            return null;
        }

        var text = arena.Add(span);
        if (reuse is null)
        {
            return new SourceLine(_number, text);
        }

        reuse.Reset(_number, text);
        return reuse;
    }

    /// <summary>
    /// Reads the next line, normalised, without building a string for it: <paramref name="text"/> is valid
    /// until the next read. False at the end of the source.
    /// </summary>
    public bool Read(out ReadOnlySpan<char> text)
    {
        var buffer = _buffer ?? throw new ObjectDisposedException(nameof(LineSource));
        _line.Clear();
        var overlong = false;
        var any = false;
        var direct = false;
        ReadOnlySpan<char> piece = default;
        while (true)
        {
            if (_position >= _length)
            {
                _length = reader.Read(buffer, 0, buffer.Length);
                _position = 0;
                if (_length <= 0)
                {
                    if (!any)
                    {
                        text = default;
                        return false;
                    }

                    break;
                }
            }

            any = true;
            var span = buffer.AsSpan(_position, _length - _position);
            var newline = span.IndexOf('\n');
            piece = newline >= 0 ? span[..newline] : span;
            _position += piece.Length + (newline >= 0 ? 1 : 0);
            if (newline >= 0 && _line.Length == 0 && !overlong && piece.Length <= SourceLine.MaxLength)
            {
                // The common case: the whole line lies in the buffer.
                direct = true;
                break;
            }

            if (!overlong)
            {
                if (_line.Length + piece.Length > SourceLine.MaxLength)
                {
                    overlong = true;
                    _line.Clear();
                }
                else
                {
                    _line.Append(piece);
                }
            }

            if (newline >= 0)
            {
                break;
            }
        }

        _number++;
        if (overlong)
        {
            Overlong.Add(_number);
            text = default;
            return true;
        }

        if (!direct)
        {
            piece = _line.Length == 0 ? "" : _line.ToString();
        }

        if (SampledCharacters < 8192)
        {
            Sample(piece);
        }

        text = NeedsNormalizing(piece) ? SourceLine.Normalize(piece, layoutColumns, _scratch) : piece;
        return true;
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private void Sample(ReadOnlySpan<char> raw)
    {
        foreach (var c in raw)
        {
            SampledCharacters++;
            if (c is '\0' or '\uFFFD' || c < ' ' && c is not ('\t' or '\r'))
            {
                SuspectCharacters++;
            }
        }
    }

    private bool NeedsNormalizing(ReadOnlySpan<char> raw) =>
        HasUnusual(raw) || layoutColumns && raw.Contains("   ", StringComparison.Ordinal);

    /// <summary>
    /// Whether the line holds a character <see cref="SourceLine.Normalize"/> rewrites: a control other than
    /// tab, DEL or a C1 control, a no-break or ideographic space, U+FFFD. Searched as ranges, which
    /// vectorise far better over CJK text than one search for the scattered set.
    /// </summary>
    private static bool HasUnusual(ReadOnlySpan<char> raw)
    {
        if (raw.IndexOfAnyInRange('\x7f', '\xa0') >= 0 || raw.IndexOfAny('\u3000', '\uFFFD') >= 0)
        {
            return true;
        }

        for (var rest = raw; ;)
        {
            var at = rest.IndexOfAnyInRange('\0', '\x1f');
            if (at < 0)
            {
                return false;
            }

            if (rest[at] != '\t')
            {
                return true;
            }

            rest = rest[(at + 1)..];
        }
    }
}
