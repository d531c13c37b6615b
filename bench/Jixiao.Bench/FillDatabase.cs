using System.Diagnostics;
using Jixiao.Domain.Model;
using Jixiao.Storage.Import;
using Jixiao.Storage.Queries;

namespace Jixiao.Bench;

/// <summary>
/// <c>fill-db --forms 100000 --db "Data Source=…"</c>: fills a database with synthetic forms for the web
/// latency benchmark — the seed forms again and again under new project names spread over 200 units, in
/// files of 1,000 forms, through the real importer (findings included).
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

        var seeds = BenchSupport.ReadSeeds(args).SelectMany(d => d.Forms).ToList();
        var importer = store.Importer(RuleFindings.Provider());
        var watch = Stopwatch.StartNew();
        var batch = 0;
        for (var made = have; made < wanted; batch++)
        {
            var forms = new List<PerformanceForm>(1000);
            for (var k = 0; k < 1000 && made < wanted; k++, made++)
            {
                var seed = seeds[made % seeds.Count];
                forms.Add(seed with { Name = $"{seed.Name}（{made / seeds.Count + 1:D5}）", Unit = $"{seed.Unit}·{made % 200:D3}" });
            }

            var name = $"synthetic-{have}-{batch:D5}.json";
            var result = importer.Import(ImportSource.FromDocuments(name, $"synthetic-{have}-{batch}", forms.Count * 2000L, [new DisclosureDocument(name, forms, [])]));
            if (result.Outcome == ImportOutcome.Failed)
            {
                Console.Error.WriteLine($"{name}: {result.Message}");
                return 1;
            }

            if (batch % 10 == 0)
            {
                Console.WriteLine($"{made:N0} / {wanted:N0} forms, {made / watch.Elapsed.TotalSeconds:N0} forms/s");
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
