using System.Collections.Concurrent;
using Jixiao.Formats.Sources;
using Jixiao.Storage.Import;

namespace Jixiao.Application;

/// <summary>
/// Files read for the importer ahead of the database: a batch is read, hashed and parsed in parallel while the
/// previous one is written. Content the store already holds (by its hash) is not parsed at all; content stored
/// during the run is added to what is known (<see cref="Finished"/>), so a later copy is not parsed either.
/// </summary>
internal sealed class ReadAheadFiles(IReadOnlyList<string> paths, ConcurrentDictionary<string, StoredContent> known)
{
    /// <summary>Files read ahead of the database, in parallel, while the previous batch is written.</summary>
    private static readonly int ReadAhead = Math.Max(4, Environment.ProcessorCount * 2);

    private ImportItem? _current;

    /// <summary>The files in order, each read (or settled) by the time it is handed out.</summary>
    public IEnumerable<ImportItem> Items()
    {
        var chunks = paths.Chunk(ReadAhead).ToList();
        var next = chunks.Count > 0 ? Task.Run(() => Prepare(chunks[0])) : null;
        for (var c = 0; c < chunks.Count; c++)
        {
            var prepared = next!.GetAwaiter().GetResult();
            var following = c + 1 < chunks.Count ? chunks[c + 1] : null;
            next = following is null ? null : Task.Run(() => Prepare(following));
            foreach (var item in prepared)
            {
                _current = item;
                yield return item;
            }
        }
    }

    /// <summary>Hears the result of the item handed out last (the importer takes them one by one).</summary>
    public void Finished(ImportResult result)
    {
        if (result.Outcome is ImportOutcome.Imported or ImportOutcome.NewVersion && _current?.Source is { } source)
        {
            known[source.ContentHash] = new StoredContent(result.Source!, result.Version);
        }
    }

    private ImportItem[] Prepare(string[] chunk)
    {
        var prepared = new ImportItem[chunk.Length];
        Parallel.For(0, chunk.Length, i =>
        {
            var path = chunk[i];
            var file = Path.GetFileName(path);
            string? hash = null;
            try
            {
                var content = File.ReadAllBytes(path);
                hash = ImportSource.Hash(content);
                prepared[i] = known.TryGetValue(hash, out var stored)
                    ? ImportItem.Known(file, hash, stored)
                    : ImportItem.Read(ImportSource.FromDocuments(file, hash, content.LongLength, DocumentLoader.LoadBytes(content, file, path)));
            }
            catch (Exception ex) when (ex is UnreadableSourceException or IOException or UnauthorizedAccessException)
            {
                prepared[i] = ImportItem.Unreadable(file, ex.Message, hash);
            }
        });
        return prepared;
    }
}
