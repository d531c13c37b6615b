using System.Diagnostics;
using Jixiao.Storage.Tests.Support;
using Jixiao.Storage.Import;
using Jixiao.Storage.Queries;

namespace Jixiao.Bench;

/// <summary>
/// <c>fill-db --forms 100000 --db "Data Source=…"</c>: fills a database with synthetic forms for the web
/// latency benchmark — the seeds varied as the storage tests vary them (<see cref="SyntheticDocuments"/>),
/// one document a transaction through the real importer, findings included.
/// </summary>
internal static class FillDatabase
{
    public static int Run(string[] args)
    {
        var wanted = BenchSupport.Option(args, "--forms", 100_000);
        var store = JixiaoStore.Open(BenchSupport.OptionText(args, "--db"));
        store.Database.Migrate();
        var have = store.StatsAsync().GetAwaiter().GetResult().Forms;
        if (have >= wanted)
        {
            Console.WriteLine($"database already holds {have:N0} forms");
            return PrintIds(store);
        }

        var seeds = BenchSupport.ReadSeeds(args);
        var importer = store.Importer(RuleFindings.Provider());
        var watch = Stopwatch.StartNew();
        var made = have;
        var copy = have / seeds.Sum(d => d.Forms.Count);
        for (; made < wanted; copy++)
        {
            foreach (var document in seeds.Select(seed => SyntheticDocuments.Vary(seed, copy)))
            {
                var result = importer.Import(ImportSource.FromDocuments(document.Source, document.Source, document.Forms.Count * 2000L, [document]));
                if (result.Outcome == ImportOutcome.Failed)
                {
                    Console.Error.WriteLine($"{document.Source}: {result.Message}");
                    return 1;
                }

                made += document.Forms.Count;
            }

            if (copy % 20 == 0)
            {
                Console.WriteLine($"{made:N0} / {wanted:N0} forms, {(made - have) / watch.Elapsed.TotalSeconds:N0} forms/s");
            }
        }

        Console.WriteLine($"filled to {wanted:N0} forms in {watch.Elapsed.TotalSeconds:F0} s");
        return PrintIds(store);
    }

    /// <summary>The range of form ids, for the load generator to pick from.</summary>
    private static int PrintIds(JixiaoStore store)
    {
        using var c = store.Database.CreateContext();
        Console.WriteLine($"form-ids {c.CurrentForms.Min(f => f.Id)} {c.CurrentForms.Max(f => f.Id)}");
        return 0;
    }
}
