using Jixiao.Domain.Model;

namespace Jixiao.Web.Data;

/// <summary>One indicator row as printed, with the rowspans of its merged 一级 and 二级 cells.</summary>
public sealed record IndicatorCell(Indicator Indicator, int Level1Span, int Level2Span, RecomputedScore? Recomputed, IReadOnlyList<FindingRow> Findings);

/// <summary>A score the system computed, with how it was computed.</summary>
public sealed record RecomputedScore(decimal? Score, string Explanation, bool Matches);

/// <summary>
/// A form laid out like the official print: indicator rows grouped so that equal consecutive 一级 and
/// 二级 labels become one merged cell (rowspan on the first row of the group, 0 on the others).
/// </summary>
public sealed record FormView(StoredFormView Stored, IReadOnlyList<IndicatorCell> Rows, IReadOnlyList<FindingRow> FormFindings, RecomputedScore? RecomputedTotal, RecomputedScore? RecomputedBudget, string? Policy)
{
    public PerformanceForm Form => Stored.Form;

    public static FormView Create(StoredFormView stored, IReadOnlyList<FindingRow> findings, Func<PerformanceForm, FormScores?>? score = null)
    {
        var indicators = stored.Form.Indicators;
        var scores = score?.Invoke(stored.Form);
        var rows = new List<IndicatorCell>(indicators.Count);
        for (var i = 0; i < indicators.Count; i++)
        {
            var ind = indicators[i];
            var l1 = i > 0 && indicators[i - 1].Level1 == ind.Level1 ? 0 : Run(indicators, i, x => x.Level1);
            var l2 = i > 0 && l1 == 0 && indicators[i - 1].Level2 == ind.Level2 ? 0 : Run(indicators, i, x => x.Level1 + "\u0001" + x.Level2);
            var own = findings.Where(f => f.Line == ind.Line && f.Indicator is not null).ToList();
            rows.Add(new IndicatorCell(ind, l1, l2, scores?.Indicators.ElementAtOrDefault(i), own));
        }

        var formFindings = findings.Where(f => !rows.Any(r => r.Findings.Contains(f))).ToList();
        return new FormView(stored, rows, formFindings, scores?.Total, scores?.Budget, scores?.Policy);
    }

    private static int Run(IReadOnlyList<Indicator> rows, int start, Func<Indicator, string> key)
    {
        var k = key(rows[start]);
        var end = start + 1;
        while (end < rows.Count && key(rows[end]) == k)
        {
            end++;
        }

        return end - start;
    }
}

/// <summary>Recomputed scores of a self-evaluation, in indicator order.</summary>
public sealed record FormScores(string Policy, RecomputedScore? Budget, IReadOnlyList<RecomputedScore?> Indicators, RecomputedScore? Total);
