using Jixiao.Domain.Model;

namespace Jixiao.Web.Data;

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
    IReadOnlyList<(string Unit, int Forms, decimal Funds, decimal? AverageScore)> ByUnit)
{
    private static readonly string[] GradeOrder = ["优", "良", "中", "差"];

    private static readonly (string Label, decimal Below)[] RateBands =
        [("<60%", 60m), ("60–80%", 80m), ("80–90%", 90m), ("90–95%", 95m), ("95–100%", 100m), ("100%", decimal.MaxValue)];

    public static Dashboard Of(IReadOnlyList<StoredForm> forms, IReadOnlyList<FindingRow> findings)
    {
        var targets = forms.Where(f => f.Form.Kind == FormKind.Target).ToList();
        var selfs = forms.Where(f => f.Form.Kind == FormKind.SelfEvaluation).ToList();
        var scores = selfs.Select(f => f.Form.TotalScore).OfType<decimal>().ToList();
        var rates = selfs.Select(f => f.Form.Budget?.Total?.Rate).OfType<decimal>().ToList();
        return new Dashboard(
            forms.Select(f => f.ProjectId).Distinct().Count(),
            targets.Count,
            selfs.Count,
            targets.Sum(f => f.Form.Funds?.AnnualTotal ?? 0m),
            scores.Count == 0 ? null : Math.Round(scores.Average(), 2, MidpointRounding.AwayFromZero),
            GradeOrder.Select(g => (g, selfs.Count(f => f.Form.Grade == g))).ToList(),
            RateBands.Select((band, k) => (band.Label, rates.Count(r => r < band.Below && (k == 0 || r >= RateBands[k - 1].Below)))).ToList(),
            findings.GroupBy(f => f.Code).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToList(),
            forms.GroupBy(f => f.Form.Unit).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            {
                var s = g.Where(f => f.Form.Kind == FormKind.SelfEvaluation).Select(f => f.Form.TotalScore).OfType<decimal>().ToList();
                return (g.Key, g.Count(), g.Sum(f => f.Form.Funds?.AnnualTotal ?? 0m), s.Count == 0 ? (decimal?)null : Math.Round(s.Average(), 2, MidpointRounding.AwayFromZero));
            }).ToList());
    }
}
