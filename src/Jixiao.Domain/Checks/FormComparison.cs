using Jixiao.Domain.Model;

namespace Jixiao.Domain.Checks;

/// <summary>How the set rules compare forms: by unit, year and kind, and by content with white space ignored.</summary>
internal static class FormComparison
{
    /// <summary>Forms of one source, unit, year and kind, in print order (groups of one left out).</summary>
    public static IEnumerable<List<SourcedForm>> Siblings(IReadOnlyList<SourcedForm> forms, Func<SourcedForm, bool>? where = null) =>
        forms.Where(f => where?.Invoke(f) ?? true)
            .GroupBy(f => (f.Source, TextKey.Of(f.Form.Unit), f.Form.Year, f.Form.Kind))
            .Select(g => g.ToList())
            .Where(g => g.Count > 1);

    public static bool SameMoney(PerformanceForm a, PerformanceForm b) => a.Funds == b.Funds && a.Budget == b.Budget;

    public static string IndicatorKey(Indicator i) => $"{i.Level1}|{i.Level2}|{TextKey.Of(i.Name)}|{TextKey.Of(i.Target)}";

    public static bool SameIndicators(PerformanceForm a, PerformanceForm b) =>
        a.Indicators.Count == b.Indicators.Count && a.Indicators.Select(IndicatorKey).SequenceEqual(b.Indicators.Select(IndicatorKey));

    /// <summary>
    /// The indicators, pairwise in print order, whose name or printed target differ; null when the
    /// forms cannot be the same form at all (different counts, 一级/二级 labels or quantitative targets).
    /// </summary>
    public static List<(Indicator A, Indicator B)>? WordingDifferences(PerformanceForm a, PerformanceForm b)
    {
        if (a.Indicators.Count != b.Indicators.Count)
        {
            return null;
        }

        var differences = new List<(Indicator, Indicator)>();
        for (var i = 0; i < a.Indicators.Count; i++)
        {
            var (x, y) = (a.Indicators[i], b.Indicators[i]);
            if (x.Level1 != y.Level1 || x.Level2 != y.Level2 || x.TargetValue.IsQuantity && x.TargetValue != y.TargetValue)
            {
                return null;
            }

            if (IndicatorKey(x) != IndicatorKey(y))
            {
                differences.Add((x, y));
            }
        }

        return differences;
    }
}
