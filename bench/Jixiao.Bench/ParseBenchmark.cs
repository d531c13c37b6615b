using System.Diagnostics;
using System.Text;
using Jixiao.Formats.Disclosure;

namespace Jixiao.Bench;

/// <summary>
/// Parse throughput on a corpus made by repeating the seeds: <c>parse [--mb 100] [--seeds DIR]</c>.
/// Writes the corpus to a temporary file and reads it back streaming, so peak memory shows whether the
/// reader holds the input or not; also times the in-memory reader on one copy of the seeds.
/// </summary>
internal static class ParseBenchmark
{
    public static int Run(string[] args)
    {
        var megabytes = BenchSupport.Option(args, "--mb", 100);
        var seeds = BenchSupport.SeedDirectory(args);
        var files = Directory.GetFiles(seeds, "*.txt").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        var texts = files.Select(File.ReadAllText).ToArray();
        var seedBytes = texts.Sum(t => Encoding.UTF8.GetByteCount(t));

        // Warm up (two seconds, so that tiered compilation has finished and is not timed), then measure the
        // in-memory reader.
        var forms = 0;
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(2))
        {
            forms = texts.Select((t, k) => DisclosureReader.Read(t, files[k]).Forms.Count).Sum();
        }

        var sw = Stopwatch.StartNew();
        var rounds = 0;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = BenchSupport.ThreadCpuTime();
        while (sw.Elapsed < TimeSpan.FromSeconds(3))
        {
            foreach (var (t, k) in texts.Select((t, k) => (t, k)))
            {
                DisclosureReader.Read(t, files[k]);
            }

            rounds++;
        }

        var inMemory = seedBytes * (double)rounds / sw.Elapsed.TotalSeconds / 1e6;
        var inMemoryCpu = seedBytes * (double)rounds / (BenchSupport.ThreadCpuTime() - cpuBefore).TotalSeconds / 1e6;
        var inMemoryAllocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (seedBytes * (double)rounds / 1e6);
        Console.WriteLine($"in-memory: {rounds} rounds of {seedBytes / 1024.0:F0} KiB ({forms} forms) — {inMemory:F1} MB/s ({inMemoryCpu:F1} MB per CPU-second), {inMemoryAllocated / 1e6:F1} MB allocated per MB read");

        var corpus = Path.Combine(Path.GetTempPath(), $"jixiao-corpus-{Environment.ProcessId}.txt");
        try
        {
            long written = 0;
            using (var w = new StreamWriter(corpus, false, new UTF8Encoding(false)))
            {
                while (written < megabytes * 1_000_000L)
                {
                    foreach (var t in texts)
                    {
                        w.Write(t);
                        w.Write('\n');
                        written += Encoding.UTF8.GetByteCount(t) + 1;
                    }
                }
            }

            GC.Collect();
            var before = Process.GetCurrentProcess().PeakWorkingSet64;
            var gcs = GC.CollectionCount(0);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var cpu = BenchSupport.ThreadCpuTime();
            var paused = GC.GetTotalPauseDuration();
            sw.Restart();
            long corpusForms = 0, indicators = 0, diagnostics = 0;
            foreach (var result in DisclosureReader.ReadFile(corpus))
            {
                diagnostics += result.Diagnostics.Count;
                if (result.Form is { } f)
                {
                    corpusForms++;
                    indicators += f.Indicators.Count;
                }
            }

            var seconds = sw.Elapsed.TotalSeconds;
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            var cpuSeconds = (BenchSupport.ThreadCpuTime() - cpu).TotalSeconds;
            paused = GC.GetTotalPauseDuration() - paused;
            gcs = GC.CollectionCount(0) - gcs;
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;
            if (args.Contains("--phases"))
            {
                Phases(corpus, written);
            }

            Console.WriteLine($"streaming: {written / 1e6:F1} MB, {corpusForms:N0} forms, {indicators:N0} indicators, {diagnostics:N0} diagnostics in {seconds:F2} s");
            Console.WriteLine($"throughput: {written / seconds / 1e6:F1} MB/s on one thread ({written / cpuSeconds / 1e6:F1} MB per CPU-second of the reading thread); peak working set {peak / 1e6:F0} MB (before the corpus run {before / 1e6:F0} MB)");
            Console.WriteLine($"allocation: {allocated / (double)written:F2} bytes per byte read ({allocated / 1e9:F1} GB in all), {gcs:N0} gen-0 collections pausing {paused.TotalSeconds:F2} s");
        }
        finally
        {
            File.Delete(corpus);
        }

        return 0;
    }

    /// <summary>Where the time goes: reading lines alone, then the whole reader.</summary>
    private static void Phases(string corpus, long bytes)
    {
        var sw = Stopwatch.StartNew();
        long lines = 0;
        using (var reader = new StreamReader(corpus))
        {
            using var source = new LineSource(reader, layoutColumns: false);
            while (source.Next() is not null)
            {
                lines++;
            }
        }

        Console.WriteLine($"  phase lines: {lines:N0} lines in {sw.Elapsed.TotalSeconds:F2} s ({bytes / sw.Elapsed.TotalSeconds / 1e6:F0} MB/s)");
        sw.Restart();
        var blocks = 0;
        foreach (var r in DisclosureReader.ReadForms(() => new StreamReader(corpus), "corpus").Take(1))
        {
            blocks++;
        }

        Console.WriteLine($"  phase survey (+1 form): {sw.Elapsed.TotalSeconds:F2} s");
    }
}
