using System.Diagnostics;
using Jixiao.Domain.Model;
using Jixiao.Storage.Queries;

namespace Jixiao.Bench;

/// <summary>
/// <c>library --db "Data Source=…" [--runs 5]</c>: the time of the indicator library query for every 二级 label,
/// with and without a text filter, on a database filled by <c>fill-db</c> (100,000 forms for the target).
/// </summary>
internal static class LibraryBenchmark
{
    public static int Run(string[] args)
    {
        var store = JixiaoStore.Open(BenchSupport.OptionText(args, "--db"));
        var runs = BenchSupport.Option(args, "--runs", 5);
        Console.WriteLine($"{store.StatsAsync().GetAwaiter().GetResult().Forms:N0} forms in force");
        foreach (var (level2, text) in IndicatorLevels.Level2.Keys.Select(l => (l, (string?)null)).Append(("数量指标", "次数")))
        {
            store.LibraryAsync(level2, text: text).GetAwaiter().GetResult(); // warm up
            var times = new List<double>();
            var found = 0;
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                found = store.LibraryAsync(level2, text: text).GetAwaiter().GetResult().Count;
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine($"{level2,-12} {text,-4} {found,3} names  median {times[times.Count / 2],7:F1} ms  max {times[^1],7:F1} ms");
        }

        return 0;
    }
}
