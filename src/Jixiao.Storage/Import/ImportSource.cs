using System.Security.Cryptography;
using Jixiao.Domain.Model;

namespace Jixiao.Storage.Import;

/// <summary>
/// One file to import: its content hash and what was read from it. The file is one source, named by
/// the <c>source</c> of its single document (for text and PDF that is the file name; for interchange
/// JSON the name it was parsed from), or by the file name when it holds several documents.
/// </summary>
public sealed record ImportSource(string Name, string FileName, string ContentHash, long ByteCount, IReadOnlyList<DisclosureDocument> Documents)
{
    /// <summary>The diagnostic of a form left out for want of a name.</summary>
    public const string UnnamedForm = "form-unnamed";

    public int FormCount => Documents.Sum(d => d.Forms.Count);

    public int IndicatorCount => Documents.Sum(d => d.Forms.Sum(f => f.Indicators.Count));

    public int DiagnosticCount => Documents.Sum(d => d.Diagnostics.Count);

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public static string Hash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>
    /// The documents read from a file's content, named as the file's source. A form the reader gave without
    /// its 项目名称 (to keep the document's later forms in their places) belongs to no project: it is left out
    /// of what is stored, and a diagnostic at its title says so.
    /// </summary>
    public static ImportSource FromDocuments(string fileName, string contentHash, long byteCount, IReadOnlyList<DisclosureDocument> documents)
    {
        var name = documents is [{ Source.Length: > 0 } single] ? single.Source : fileName;
        return new ImportSource(name, fileName, contentHash, byteCount, [.. documents.Select(Named)]);
    }

    private static DisclosureDocument Named(DisclosureDocument document)
    {
        if (document.Forms.All(f => f.Name.Length > 0))
        {
            return document;
        }

        var left = document.Forms.Where(f => f.Name.Length == 0)
            .Select(f => new Diagnostic(Severity.Error, f.Line, UnnamedForm, $"第{f.Line}行的表（{f.Indicators.Count}个指标）没有读到项目名称，未入库。"));
        return document with { Forms = [.. document.Forms.Where(f => f.Name.Length > 0)], Diagnostics = [.. document.Diagnostics, .. left] };
    }
}

/// <summary>
/// One file as <see cref="Importer.Import(IEnumerable{ImportItem}, Action{ImportResult}?)"/> takes it: read (its
/// documents, to store) or settled before the database was asked (content known by its hash, a file that
/// could not be read), when only its result is logged.
/// </summary>
public sealed record ImportItem(ImportSource? Source, ImportResult? Settled, string? ContentHash)
{
    /// <summary>A file read: its documents are stored.</summary>
    public static ImportItem Read(ImportSource source) => new(source, null, source.ContentHash);

    /// <summary>A file whose content is already stored, as <paramref name="stored"/>: not parsed again.</summary>
    public static ImportItem Known(string fileName, string contentHash, StoredContent stored) =>
        new(null, new ImportResult(fileName, ImportOutcome.Unchanged, stored.Source, stored.Version, Message: Importer.AlreadyStored), contentHash);

    /// <summary>A file that could not be read (<paramref name="contentHash"/> is null when not even its bytes were).</summary>
    public static ImportItem Unreadable(string fileName, string message, string? contentHash) =>
        new(null, new ImportResult(fileName, ImportOutcome.Failed, Message: message), contentHash);
}
