using Jixiao.Storage.Import;

namespace Jixiao.Application;

/// <summary>The storage <see cref="Importer"/> fed from files: read here (Formats), stored there.</summary>
public static class ImporterFiles
{
    /// <summary>Reads and imports files in order, each in its own transaction; <paramref name="done"/> hears of each as it is finished.</summary>
    public static IReadOnlyList<ImportResult> ImportFiles(this Importer importer, IReadOnlyList<string> paths, Action<ImportResult>? done = null)
    {
        var files = new ReadAheadFiles(paths, importer.KnownContent());
        return importer.Import(files.Items(), result =>
        {
            files.Finished(result);
            done?.Invoke(result);
        });
    }

    /// <summary>Reads and imports one file.</summary>
    public static ImportResult ImportFile(this Importer importer, string path) => importer.ImportFiles([path]).Single();
}
