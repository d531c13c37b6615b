using System.Diagnostics;
using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;
using Jixiao.Storage.Queries;

namespace Jixiao.Bench;

/// <summary>
/// <c>form-page --db "Data Source=…" [--forms 2000]</c>: one request's own work for a form page, without HTTP
/// and rendering, on one thread over random forms in force: reading the form (<see cref="JixiaoStore.FormPage"/>),
/// its import history, and recomputing a self-evaluation's scores as the page shows them.
/// </summary>
internal static class FormPageBenchmark
{
    public static int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var store = JixiaoStore.Open(BenchSupport.OptionText(args, "--db"));
        var count = BenchSupport.Option(args, "--forms", 2000);
        long min, max;
        using (var c = store.Database.CreateContext())
        {
            min = c.CurrentForms.Min(f => f.Id);
            max = c.CurrentForms.Max(f => f.Id);
        }

        var random = new Random(42);
        var ids = Enumerable.Range(0, count).Select(_ => random.NextInt64(min, max + 1)).ToList();
        foreach (var id in ids.Take(50))
        {
            Score((await store.FormPageAsync(id))!.Form); // warm up
            await store.ImportHistoryOfFormAsync(id);
        }

        double read = 0, history = 0, score = 0;
        var scored = 0;
        foreach (var id in ids)
        {
            var watch = Stopwatch.StartNew();
            var page = (await store.FormPageAsync(id))!;
            read += watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            await store.ImportHistoryOfFormAsync(id);
            history += watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            if (Score(page.Form))
            {
                scored++;
            }

            score += watch.Elapsed.TotalMilliseconds;
        }

        Console.WriteLine($"{count:N0} random forms of {max - min + 1:N0}: read {read / count:F3} ms, import history {history / count:F3} ms, scores {score / count:F3} ms a form ({scored} self-evaluations)");
        return 0;
    }

    private static bool Score(PerformanceForm form)
    {
        if (form.Kind != FormKind.SelfEvaluation)
        {
            return false;
        }

        Scorer.Score(form, PolicyDetector.Detect(form).Policy);
        return true;
    }
}
