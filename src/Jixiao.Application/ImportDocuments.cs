using Jixiao.Storage;
using Jixiao.Storage.Import;

namespace Jixiao.Application;

/// <summary>
/// The use case "import published files": each file is read (Formats), then stored with its findings, those of
/// each form and those comparing the forms of every unit it touched, in one transaction per file (Storage): a
/// file is stored with its findings or not at all. Once the import is over, the caches it made stale are evicted.
/// The command line's <c>jixiao import</c>, the web app's upload and the seeding of an empty database all come here.
/// </summary>
/// <param name="caches">What to evict after an import (none for the command line).</param>
/// <param name="checks">The findings to store; the rule catalogue's when null.</param>
public sealed class ImportDocuments(JixiaoDatabase database, IImportCaches? caches = null, ImportChecks? checks = null)
{
    private readonly ImportChecks _checks = checks ?? ImportChecks.Catalogue();

    /// <summary>Imports files in order under <paramref name="user"/>; <paramref name="done"/> hears of each as it is finished.</summary>
    /// <remarks>
    /// Files of monitoring forms (<see cref="MonitoringFiles"/>) go to <c>monitoring_forms</c>, each in one transaction,
    /// after the published forms (whose units they need); the results keep the order of <paramref name="paths"/>.
    /// </remarks>
    public IReadOnlyList<ImportResult> Files(IReadOnlyList<string> paths, string user, Action<ImportResult>? done = null)
    {
        var monitoring = paths.Select((path, k) => (path, k)).Where(p => MonitoringFiles.HoldsFile(p.path)).ToList();
        var others = paths.Select((path, k) => (path, k)).Except(monitoring).ToList();
        var results = new ImportResult[paths.Count];
        var stored = false;
        try
        {
            var forms = Importer(user).ImportFiles([.. others.Select(p => p.path)], result =>
            {
                stored |= IsStored(result);
                done?.Invoke(result);
            });
            for (var i = 0; i < others.Count; i++)
            {
                results[others[i].k] = forms[i];
            }
        }
        finally
        {
            caches?.Evict(stored);
        }

        foreach (var (path, k) in monitoring)
        {
            results[k] = MonitoringFiles.Import(database, user, Path.GetFileName(path), File.ReadAllBytes(path));
            done?.Invoke(results[k]);
        }

        return results;
    }

    /// <summary>Imports content already in memory (an upload) named <paramref name="fileName"/>, under <paramref name="user"/>.</summary>
    /// <exception cref="Formats.Sources.UnreadableSourceException">The content is no document that can be read; nothing is logged.</exception>
    public ImportResult Content(byte[] content, string fileName, string user)
    {
        if (MonitoringFiles.Holds(fileName, content))
        {
            return MonitoringFiles.Import(database, user, fileName, content);
        }

        var source = SourceReader.Read(fileName, content);
        ImportResult? result = null;
        try
        {
            result = Importer(user).Import(source);
            return result;
        }
        finally
        {
            caches?.Evict(result is not null && IsStored(result));
        }
    }

    /// <summary>Whether the result stored forms (a new source or a new version of one).</summary>
    public static bool IsStored(ImportResult result) => result.Outcome is ImportOutcome.Imported or ImportOutcome.NewVersion;

    private Importer Importer(string user) => new(database, _checks.Form, user, _checks.Set);
}
