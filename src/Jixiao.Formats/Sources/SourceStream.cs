using System.Text;
using Jixiao.Domain.Model;
using Jixiao.Formats.Disclosure;

namespace Jixiao.Formats.Sources;

/// <summary>
/// A file opened for reading as a stream of forms. A text file is read form by form while the caller
/// enumerates <see cref="Forms"/> (memory does not grow with the file); anything else — a PDF, interchange
/// JSON, an XLSX workbook, all small — is loaded whole by <see cref="DocumentLoader.Load"/> into
/// <see cref="Documents"/>. Exactly one of the two is set.
/// </summary>
public sealed class SourceStream
{
    /// <summary>How many leading bytes decide whether a file is text (see <see cref="Open"/>).</summary>
    private const int SniffLength = 64 * 1024;

    /// <summary>U+FEFF in GB18030.</summary>
    private static readonly byte[] Gb18030Bom = [0x84, 0x31, 0x95, 0x33];

    private SourceStream(string source, IEnumerable<FormReadResult>? forms, IReadOnlyList<DisclosureDocument>? documents)
    {
        Source = source;
        Forms = forms;
        Documents = documents;
    }

    /// <summary>The file name, as <see cref="DisclosureDocument.Source"/> gives it.</summary>
    public string Source { get; }

    /// <summary>A text file's forms with their diagnostics, read lazily; enumerate once.</summary>
    public IEnumerable<FormReadResult>? Forms { get; }

    /// <summary>The documents of a file that is not plain text.</summary>
    public IReadOnlyList<DisclosureDocument>? Documents { get; }

    /// <summary>
    /// Opens <paramref name="path"/>. It is streamed when <see cref="DocumentLoader.LoadBytes"/> would read it as
    /// text: not a PDF, not an <c>.xlsx</c> zip, not named <c>.json</c> and not starting with <c>{</c> or
    /// <c>[</c>. The text is decoded as <see cref="DocumentLoader.Decode"/> does (UTF-8 with or without BOM;
    /// GB18030 when the bytes are not valid UTF-8, which a first pass over the file checks), so the forms
    /// and diagnostics are those of <c>DocumentLoader.Load</c>. Throws <see cref="UnreadableSourceException"/>.
    /// </summary>
    public static SourceStream Open(string path) => Open(path, lineReaderOnly: false, tick: null);

    /// <summary>
    /// <see cref="Open(string)"/>, calling <paramref name="tick"/> between blocks of the check of whether a
    /// raw text is read whole (<see cref="RawReadable"/>), as the caller paces garbage collection.
    /// </summary>
    public static SourceStream Open(string path, Action tick) => Open(path, lineReaderOnly: false, tick);

    /// <summary>
    /// <see cref="Open(string)"/>; with <paramref name="lineReaderOnly"/>, raw text within the raw reader's bounds
    /// streams through the line reader too (tests of the streaming itself on small files).
    /// </summary>
    internal static SourceStream Open(string path, bool lineReaderOnly, Action? tick = null)
    {
        if (!File.Exists(path))
        {
            throw new UnreadableSourceException($"文件不存在：{path}");
        }

        var name = Path.GetFileName(path);
        bool text;
        Encoding? encoding = null;
        try
        {
            text = LooksLikeText(path, name);
            if (text)
            {
                encoding = IsUtf8(path) ? new UTF8Encoding(encoderShouldEmitUTF8Identifier: true) : Gb18030();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UnreadableSourceException($"无法读取文件 {path}：{ex.Message}", ex);
        }

        if (!text || HasLayoutColumns(path) || !lineReaderOnly && RawReadable(path, encoding!, tick))
        {
            return new SourceStream(name, null, DocumentLoader.Load(path));
        }

        // The encoding's preamble (a UTF-8 BOM) is skipped by StreamReader, as Decode drops it.
        return new SourceStream(name, Read(path, name, encoding!), null);
    }

    private static IEnumerable<FormReadResult> Read(string path, string name, Encoding encoding)
    {
        using var results = DisclosureReader.ReadForms(
            () => new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16), name).GetEnumerator();
        while (true)
        {
            try
            {
                if (!results.MoveNext())
                {
                    yield break;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new UnreadableSourceException($"无法读取文件 {path}：{ex.Message}", ex);
            }

            yield return results.Current;
        }
    }

    /// <summary>What <see cref="DocumentLoader.LoadBytes"/> tells from a file's first bytes, without reading the rest.</summary>
    private static bool LooksLikeText(string path, string name)
    {
        if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var head = new byte[SniffLength];
        int n;
        using (var file = File.OpenRead(path))
        {
            n = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var bytes = head.AsSpan(0, n);
        if (bytes.StartsWith("%PDF-"u8) || (bytes.StartsWith("PK\u0003\u0004"u8) && name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        // Skip what LoadBytes trims before looking for JSON: BOMs (UTF-8, GB18030) and white space.
        var i = 0;
        while (i < bytes.Length)
        {
            if (bytes[i..].StartsWith("\uFEFF"u8))
            {
                i += 3;
            }
            else if (bytes[i..].StartsWith(Gb18030Bom))
            {
                i += 4;
            }
            else if (bytes[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                i++;
            }
            else
            {
                return bytes[i] is not ((byte)'{' or (byte)'[');
            }
        }

        // Empty, or white space as far as we looked: a short file is text; a long one is left to Load.
        return n < SniffLength;
    }

    /// <summary>
    /// Text that keeps the page's columns (pdftotext -layout) is read whole, by geometry as well as line by
    /// line (<see cref="DocumentLoader.ReadText"/>), up to <see cref="LayoutWholeLimit"/>; a larger file streams.
    /// </summary>
    private static bool HasLayoutColumns(string path)
    {
        var info = new FileInfo(path);
        if (info.Length > LayoutWholeLimit)
        {
            return false;
        }

        var head = new byte[SniffLength];
        int n;
        using (var file = File.OpenRead(path))
        {
            n = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        return Layout.LayoutTextCells.LooksLikeLayout(Encoding.UTF8.GetString(head, 0, n));
    }

    /// <summary>
    /// Raw text the raw-text reader would read (<see cref="Raw.RawTokens.WithinBounds"/>: 16 M characters and
    /// 400,000 tokens at most, about 2,500 forms) is read whole, so that <see cref="DocumentLoader.ReadText"/>
    /// keeps the fuller of its reading and the line reader's, as for an upload. The choice is per document
    /// (the two readings' completeness summed over all its forms), so it cannot be made form by form as they
    /// stream; beyond those bounds the raw reader reads nothing and the choice is always the line reader's,
    /// which streams. The check reads the file's start only until a bound is passed.
    /// </summary>
    private static bool RawReadable(string path, Encoding encoding, Action? tick)
    {
        // UTF-8 and GB18030 spend at most 4 bytes on a UTF-16 character: a larger file is past the bound unread.
        if (new FileInfo(path).Length > MaxBytesPerChar * (long)Raw.RawReader.MaxChars)
        {
            return false;
        }

        using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        return Raw.RawTokens.WithinBounds(reader, tick);
    }

    /// <summary>The most bytes UTF-8 or GB18030 spends on one UTF-16 character (a supplementary character: 4 bytes, 2 characters).</summary>
    private const int MaxBytesPerChar = 4;

    /// <summary>The largest -layout text read whole (a printing of thousands of forms; larger files stream).</summary>
    internal const long LayoutWholeLimit = 64L * 1024 * 1024;

    /// <summary>
    /// Whether the whole file is valid UTF-8 (one pass, a buffer at a time): what a throwing UTF-8 decoder
    /// accepts, checked without decoding (<see cref="System.Text.Unicode.Utf8.IsValid"/>, about ten times faster).
    /// A sequence cut by the buffer's end is carried over to the next buffer.
    /// </summary>
    private static bool IsUtf8(string path)
    {
        var buffer = new byte[1 << 16];
        var carried = 0;
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        int n;
        while ((n = file.Read(buffer, carried, buffer.Length - carried)) > 0)
        {
            var filled = carried + n;
            var whole = WholeSequences(buffer.AsSpan(0, filled));
            if (!System.Text.Unicode.Utf8.IsValid(buffer.AsSpan(0, whole)))
            {
                return false;
            }

            carried = filled - whole;
            buffer.AsSpan(whole, carried).CopyTo(buffer);
        }

        return carried == 0 || System.Text.Unicode.Utf8.IsValid(buffer.AsSpan(0, carried));
    }

    /// <summary>
    /// The length of <paramref name="bytes"/> without a multi-byte sequence cut at its end: the last lead
    /// byte among the final three is kept only if all its continuation bytes follow it.
    /// </summary>
    internal static int WholeSequences(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue; // a continuation byte: look further back for its lead
            }

            var need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return need > back ? bytes.Length - back : bytes.Length;
        }

        return bytes.Length;
    }

    private static Encoding Gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }
}
