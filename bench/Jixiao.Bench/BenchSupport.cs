using System.Diagnostics;
using System.Runtime.InteropServices;
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

    /// <summary>
    /// CPU time of the calling thread (on Linux; elsewhere of the process): on a shared, loaded machine it
    /// tells more than the wall clock. Garbage collections the thread triggers run on it and are counted.
    /// </summary>
    public static TimeSpan ThreadCpuTime()
    {
        if (!OperatingSystem.IsLinux())
        {
            return Process.GetCurrentProcess().TotalProcessorTime;
        }

        var usage = new long[18]; // struct rusage: ru_utime, ru_stime (timeval each), then 14 counters
        return getrusage(RusageThread, usage) == 0
            ? TimeSpan.FromSeconds(usage[0] + usage[2] + (usage[1] + usage[3]) / 1e6)
            : Process.GetCurrentProcess().TotalProcessorTime;
    }

    private const int RusageThread = 1;

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, long[] usage);

    /// <summary>Every seed file, read.</summary>
    public static List<DisclosureDocument> ReadSeeds(string[] args) =>
        Directory.GetFiles(SeedDirectory(args), "*.txt").Order(StringComparer.Ordinal)
            .Select(f => DisclosureReader.Read(File.ReadAllText(f), Path.GetFileName(f))).ToList();
}
