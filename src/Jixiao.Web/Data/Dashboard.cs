using Jixiao.Domain.Model;

namespace Jixiao.Web.Data;

/// <summary>One unit's line on the dashboard.</summary>
public sealed record UnitFigures(long UnitId, string Unit, int Forms, decimal Funds, decimal? AverageScore);

/// <summary>The numbers of the dashboard for a scope: counts, money, scores and their distributions.</summary>
public sealed record Dashboard(
    int Projects,
    int TargetForms,
    int SelfEvaluations,
    decimal TargetFunds,
    decimal? AverageScore,
    IReadOnlyList<(string Label, int Count)> Grades,
    IReadOnlyList<(string Label, int Count)> ExecutionRates,
    IReadOnlyList<(string Label, int Count)> FindingsByRule,
    IReadOnlyList<UnitFigures> ByUnit)
{
    public static readonly string[] GradeOrder = ["优", "良", "中", "差"];

    /// <summary>Budget execution rate bands, upper bounds exclusive (the last is exactly 100 % and above).</summary>
    public static readonly (string Label, decimal Below)[] RateBands =
        [("<60%", 60m), ("60–80%", 80m), ("80–90%", 90m), ("90–95%", 95m), ("95–100%", 100m), ("100%", decimal.MaxValue)];

    public static IReadOnlyList<(string Label, int Count)> Bands(IEnumerable<decimal> rates)
    {
        var counts = new int[RateBands.Length];
        foreach (var r in rates)
        {
            var k = 0;
            while (r >= RateBands[k].Below)
            {
                k++;
            }

            counts[k]++;
        }

        return RateBands.Select((b, k) => (b.Label, counts[k])).ToList();
    }

    public static decimal? Mean(decimal sum, int count) => count == 0 ? null : Math.Round(sum / count, 2, MidpointRounding.AwayFromZero);

    /// <summary>The dashboard of forms held in memory.</summary>
    public static Dashboard Of(IReadOnlyList<StoredFormView> forms, IReadOnlyList<FindingRow> findings)
    {
        var selfs = forms.Where(f => f.Form.Kind == FormKind.SelfEvaluation).ToList();
        var scores = selfs.Select(f => f.Form.TotalScore).OfType<decimal>().ToList();
        return new Dashboard(
            forms.Select(f => f.ProjectId).Distinct().Count(),
            forms.Count(f => f.Form.Kind == FormKind.Target),
            selfs.Count,
            forms.Where(f => f.Form.Kind == FormKind.Target).Sum(f => f.Form.Funds?.AnnualTotal ?? 0m),
            Mean(scores.Sum(), scores.Count),
            GradeOrder.Select(g => (g, selfs.Count(f => f.Form.Grade == g))).ToList(),
            Bands(selfs.Select(f => f.Form.Budget?.Total?.Rate).OfType<decimal>()),
            findings.GroupBy(f => f.Code).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToList(),
            forms.GroupBy(f => f.UnitId).Select(g =>
            {
                var s = g.Where(f => f.Form.Kind == FormKind.SelfEvaluation).Select(f => f.Form.TotalScore).OfType<decimal>().ToList();
                return new UnitFigures(g.Key, g.First().Form.Unit, g.Count(), g.Sum(f => f.Form.Funds?.AnnualTotal ?? 0m), Mean(s.Sum(), s.Count));
            }).OrderBy(u => u.Unit, StringComparer.Ordinal).ToList());
    }
}
