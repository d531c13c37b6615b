using System.Diagnostics;
using Jixiao.Domain.Checks;
using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;
using Jixiao.Domain.Values;

namespace Jixiao.Bench;

/// <summary>
/// Scoring and checking throughput on one core: <c>score [--copies 200] [--seconds 2] [--seeds DIR]</c>.
/// Indicators are the seeds' self-evaluation indicators, as published (mostly met targets) and altered so
/// that every one misses its target (the division and rounding paths). Checks run per form (a form being
/// edited) and over a synthetic disclosure set of the seeds repeated under distinct unit names.
/// </summary>
internal static class ScoreBenchmark
{
    public static int Run(string[] args)
    {
        var copies = BenchSupport.Option(args, "--copies", 200);
        var seconds = BenchSupport.Option(args, "--seconds", 2);
        var documents = BenchSupport.ReadSeeds(args);
        var forms = documents.SelectMany(d => d.Forms).ToList();
        var selfEvaluations = forms.Where(f => f.Kind == FormKind.SelfEvaluation).ToList();
        var policy = ScoringPolicy.Shanghai2023;

        var published = selfEvaluations.SelectMany(f => f.Indicators).ToArray();
        var missed = published.Select(Missed).ToArray();
        Console.WriteLine($"seeds: {forms.Count} forms, {selfEvaluations.Count} self-evaluations with {published.Length} indicators");

        Report("score indicators (as published)", "indicators", Rate(published.Length, seconds, () => ScoreAll(published, policy)));
        Report("score indicators (all targets missed)", "indicators", Rate(missed.Length, seconds, () => ScoreAll(missed, policy)));
        Report("score whole self-evaluations", "forms", Rate(selfEvaluations.Count, seconds, () => selfEvaluations.Sum(f => Scorer.Score(f, policy).Indicators.Count)));
        Report("check one form (form rules)", "forms", Rate(forms.Count, seconds, () => forms.Sum(f => Checker.Check(f).Count)));

        var set = Enumerable.Range(0, copies)
            .SelectMany(k => documents.SelectMany(d => d.Forms.Select(f => new SourcedForm($"{d.Source}#{k}", f with { Unit = $"{f.Unit}#{k}" }))))
            .ToList();
        var sw = Stopwatch.StartNew();
        var findings = Checker.Check(set).Count;
        var elapsed = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"check a set of {set.Count:N0} forms (all rules): {elapsed:F2} s, {set.Count / elapsed:N0} forms/s, {findings:N0} findings");
        return 0;
    }

    /// <summary>The same indicator with an actual that misses its target (a 正向 target by 27 %, a 反向 one by 37 %).</summary>
    private static Indicator Missed(Indicator i)
    {
        var t = i.TargetValue;
        var actual = t switch
        {
            { Number: > 0 and var n, Op: Comparison.AtMost or Comparison.Below } => t with { Op = null, Number = decimal.Round(n * 1.37m, 2) },
            { Number: > 0 and var n } => t with { Op = null, Number = decimal.Round(n * 0.73m, 2) },
            { IsQuantity: true } => t with { Op = null, Number = 1 },
            _ => new IndicatorValue(null, null, null, "部分达成指标并具有一定效果"),
        };
        return i with { ActualValue = actual };
    }

    private static long ScoreAll(Indicator[] indicators, ScoringPolicy policy)
    {
        long methods = 0;
        foreach (var indicator in indicators)
        {
            methods += (long)Scorer.Score(indicator, policy).Method;
        }

        return methods;
    }

    private readonly record struct Measure(long Count, double Seconds, long Bytes);

    /// <summary>Repeats <paramref name="round"/> (one pass over <paramref name="perRound"/> items) for the given time, after a warm-up.</summary>
    private static Measure Rate(int perRound, int seconds, Func<long> round)
    {
        long sink = 0;
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed.TotalSeconds < 0.5)
        {
            sink += round();
        }

        long rounds = 0;
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed.TotalSeconds < seconds)
        {
            sink += round();
            rounds++;
        }

        var elapsed = sw.Elapsed.TotalSeconds;
        GC.KeepAlive(sink);
        return new Measure(rounds * perRound, elapsed, GC.GetAllocatedBytesForCurrentThread() - bytes);
    }

    private static void Report(string what, string unit, Measure m) =>
        Console.WriteLine($"{what}: {m.Count / m.Seconds:N0} {unit}/s ({1e9 * m.Seconds / m.Count:F1} ns each, {(double)m.Bytes / m.Count:F1} B allocated each)");
}
