using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
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

    /// <summary>
    /// The files in order, each read (or settled) by the time it is handed out. A thread of its own reads the
    /// batches into a queue one batch deep, so the next batch is read while this one is written; when the
    /// caller stops early the reading stops with it.
    /// </summary>
    public IEnumerable<ImportItem> Items()
    {
        using var stop = new CancellationTokenSource();
        using var batches = new BlockingCollection<ImportItem[]>(boundedCapacity: 1);
        ExceptionDispatchInfo? failure = null;
        var reader = new Thread(() =>
        {
            try
            {
                foreach (var chunk in paths.Chunk(ReadAhead))
                {
                    batches.Add(Prepare(chunk), stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                batches.CompleteAdding();
            }
        })
        { IsBackground = true, Name = "jixiao-read-ahead" };
        reader.Start();
        try
        {
            foreach (var batch in batches.GetConsumingEnumerable())
            {
                foreach (var item in batch)
                {
                    _current = item;
                    yield return item;
                }
            }
        }
        finally
        {
            stop.Cancel();
            reader.Join();
        }

        failure?.Throw();
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
