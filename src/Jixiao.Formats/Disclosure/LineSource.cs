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

    /// <summary>Characters <see cref="SourceLine.Normalize"/> rewrites: controls other than tab, DEL and C1 controls, odd spaces, U+FFFD.</summary>
    private static readonly SearchValues<char> Unusual = SearchValues.Create(UnusualCharacters());

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

    public SourceLine? Next()
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
                        return null;
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
            return new SourceLine(_number, "");
        }

        string? joined = null;
        if (!direct)
        {
            joined = _line.Length == 0 ? "" : _line.ToString();
            piece = joined;
        }

        if (SampledCharacters < 8192)
        {
            Sample(piece);
        }

        var text = NeedsNormalizing(piece) ? SourceLine.Normalize(piece, layoutColumns, _scratch)
            : joined ?? (piece.Length == 0 ? "" : new string(piece));
        return new SourceLine(_number, text);
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

    private static string UnusualCharacters()
    {
        var sb = new StringBuilder();
        for (var c = '\0'; c <= '\x9f'; c++)
        {
            if (c < ' ' && c != '\t' || c >= '\x7f')
            {
                sb.Append(c);
            }
        }

        return sb.Append("\u3000\u00a0\uFFFD").ToString();
    }

    private bool NeedsNormalizing(ReadOnlySpan<char> raw) =>
        raw.ContainsAny(Unusual) || layoutColumns && raw.Contains("   ", StringComparison.Ordinal);
}
