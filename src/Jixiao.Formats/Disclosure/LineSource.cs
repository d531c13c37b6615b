using System.Text;

namespace Jixiao.Formats.Disclosure;

/// <summary>
/// Reads lines from a <see cref="TextReader"/> without ever holding more than one line (and never more
/// than <see cref="SourceLine.MaxLength"/> characters of it): a 10 MB line costs a skip, not 20 MB.
/// </summary>
internal sealed class LineSource(TextReader reader, bool layoutColumns)
{
    private readonly char[] _buffer = new char[64 * 1024];
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
        _line.Clear();
        var overlong = false;
        var any = false;
        string? direct = null;
        while (true)
        {
            if (_position >= _length)
            {
                _length = reader.Read(_buffer, 0, _buffer.Length);
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
            var span = _buffer.AsSpan(_position, _length - _position);
            var newline = span.IndexOf('\n');
            var piece = newline >= 0 ? span[..newline] : span;
            _position += piece.Length + (newline >= 0 ? 1 : 0);
            if (newline >= 0 && _line.Length == 0 && !overlong && piece.Length <= SourceLine.MaxLength)
            {
                // The common case: the whole line lies in the buffer.
                direct = piece.Length == 0 ? "" : new string(piece);
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

        var raw = direct ?? (_line.Length == 0 ? "" : _line.ToString());
        if (SampledCharacters < 8192)
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

        var text = NeedsNormalizing(raw) ? SourceLine.Normalize(raw, layoutColumns, _scratch) : raw;
        return new SourceLine(_number, text);
    }

    private bool NeedsNormalizing(string raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c < ' ' && c != '\t' || c is >= '\x7f' and <= '\x9f' || c is '\u3000' or '\u00a0' or '\uFFFD' || layoutColumns && c == ' ' && i + 2 < raw.Length && raw[i + 1] == ' ' && raw[i + 2] == ' ')
            {
                return true;
            }
        }

        return false;
    }
}
