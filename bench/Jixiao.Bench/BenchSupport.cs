using Jixiao.Domain.Model;
using Jixiao.Formats.Disclosure;

namespace Jixiao.Bench;

/// <summary>Command-line options and the seed corpus, for benchmarks.</summary>
internal static class BenchSupport
{
    public static int Option(string[] args, string name, int fallback) =>
        OptionText(args, name) is { } s && int.TryParse(s, out var v) ? v : fallback;

    public static string? OptionText(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>shared/seeds beside or above the current directory, or <c>--seeds DIR</c>.</summary>
    public static string SeedDirectory(string[] args)
    {
        if (OptionText(args, "--seeds") is { } given)
        {
            return given;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "seeds"), Path.Combine(dir.FullName, "..", "shared", "seeds") })
            {
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("shared/seeds not found; pass --seeds DIR");
    }

    /// <summary>Every seed file, read.</summary>
    public static List<DisclosureDocument> ReadSeeds(string[] args) =>
        Directory.GetFiles(SeedDirectory(args), "*.txt").Order(StringComparer.Ordinal)
            .Select(f => DisclosureReader.Read(File.ReadAllText(f), Path.GetFileName(f))).ToList();
}
