using Jixiao.Formats.Sources;
using Jixiao.Storage.Import;

namespace Jixiao.Application;

/// <summary>Reads a file's content into what the importer stores: its hash and its documents (text, PDF, JSON, XLSX).</summary>
public static class SourceReader
{
    /// <summary>Parses content already in memory (an upload); <paramref name="path"/> is only needed for PDFs on disk.</summary>
    /// <exception cref="UnreadableSourceException">The content is no document Formats can read.</exception>
    public static ImportSource Read(string fileName, byte[] content, string? path = null) =>
        ImportSource.FromDocuments(fileName, ImportSource.Hash(content), content.LongLength, DocumentLoader.LoadBytes(content, fileName, path));
}
