namespace Jixiao.Application;

/// <summary>The files named on a command line: files as given, folders as the readable files under them, sorted.</summary>
public static class SourceFiles
{
    private static readonly string[] Extensions = [".txt", ".pdf", ".json", ".md"];

    public static IReadOnlyList<string> Expand(IEnumerable<string> paths) =>
        [.. paths.SelectMany<string, string>(p => Directory.Exists(p)
            ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories)
                .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
            : [p])];
}
