using System.Security.Cryptography;
using Jixiao.Domain.Model;
using Jixiao.Formats.Sources;

namespace Jixiao.Storage.Import;

/// <summary>
/// One file to import: its content hash and what was read from it. The file is one source, named by
/// the <c>source</c> of its single document (for text and PDF that is the file name; for interchange
/// JSON the name it was parsed from), or by the file name when it holds several documents.
/// </summary>
public sealed record ImportSource(string Name, string FileName, string ContentHash, long ByteCount, IReadOnlyList<DisclosureDocument> Documents)
{
    public int FormCount => Documents.Sum(d => d.Forms.Count);

    public int IndicatorCount => Documents.Sum(d => d.Forms.Sum(f => f.Indicators.Count));

    public int DiagnosticCount => Documents.Sum(d => d.Diagnostics.Count);

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public static string Hash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Reads and parses a file; throws <see cref="UnreadableSourceException"/> when it cannot be read.</summary>
    public static ImportSource Read(string path)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UnreadableSourceException($"无法读取文件 {path}：{ex.Message}", ex);
        }

        return FromContent(Path.GetFileName(path), content, path);
    }

    /// <summary>Parses content already in memory (an upload); <paramref name="path"/> is only needed for PDFs on disk.</summary>
    public static ImportSource FromContent(string fileName, byte[] content, string? path = null) =>
        FromDocuments(fileName, Hash(content), content.LongLength, DocumentLoader.LoadBytes(content, fileName, path));

    public static ImportSource FromDocuments(string fileName, string contentHash, long byteCount, IReadOnlyList<DisclosureDocument> documents)
    {
        var name = documents is [{ Source.Length: > 0 } single] ? single.Source : fileName;
        return new ImportSource(name, fileName, contentHash, byteCount, documents);
    }
}
