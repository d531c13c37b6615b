using Jixiao.Domain.Model;

namespace Jixiao.Domain.Scoring;

/// <summary>
/// The weights (分值) proposed for a new self-evaluation: the national default split 产出 50 / 效益 30 /
/// 满意度 10 / 预算执行 10 (scoring.md), each 一级's share divided evenly among its indicators to the cent,
/// the odd cents going to the first rows so that the proposal always totals exactly 100.
/// </summary>
/// <remarks>
/// 成本指标 shares 产出's 50 (in 2023 it was a 二级 under 产出指标, and the national split has no share of its
/// own for it). The share of a 一级 without indicators goes to 产出 (or, without 产出 either, to the first
/// 一级 that has indicators), so nothing is lost. The filler edits the proposal freely; it must still total 100.
/// </remarks>
public static class WeightProposal
{
    public const decimal Budget = 10m;

    /// <summary>The national split of the 90 indicator points by 一级.</summary>
    public static readonly IReadOnlyList<(string Level1, decimal Share)> Split =
    [
        (IndicatorLevels.Output, 50m),
        (IndicatorLevels.Benefit, 30m),
        (IndicatorLevels.Satisfaction, 10m),
    ];

    /// <summary>One weight per indicator, in order; with the budget row's <see cref="Budget"/> they total 100.</summary>
    public static decimal[] Propose(IReadOnlyList<Indicator> indicators)
    {
        var weights = new decimal[indicators.Count];
        if (indicators.Count == 0)
        {
            return weights;
        }

        var groups = new Dictionary<string, List<int>>();
        for (var i = 0; i < indicators.Count; i++)
        {
            var level1 = Group(indicators[i].Level1);
            (groups.TryGetValue(level1, out var rows) ? rows : groups[level1] = []).Add(i);
        }

        var shares = new Dictionary<string, decimal>();
        foreach (var (level1, share) in Split)
        {
            var to = groups.ContainsKey(level1) ? level1
                : groups.ContainsKey(IndicatorLevels.Output) ? IndicatorLevels.Output
                : Group(indicators[0].Level1);
            shares[to] = shares.GetValueOrDefault(to) + share;
        }

        foreach (var (level1, rows) in groups)
        {
            Spread(shares.GetValueOrDefault(level1), rows, weights);
        }

        return weights;
    }

    /// <summary>The 一级 a row counts under for the split: 成本指标 with 产出, anything unknown with 产出 too.</summary>
    private static string Group(string level1) =>
        IndicatorLevels.CanonicalLevel1(level1) is var l && (l == IndicatorLevels.Benefit || l == IndicatorLevels.Satisfaction) ? l : IndicatorLevels.Output;

    /// <summary>Divides <paramref name="share"/> into equal parts in cents; the first rows take the odd cents.</summary>
    private static void Spread(decimal share, List<int> rows, decimal[] weights)
    {
        var cents = (long)(share * 100);
        var each = cents / rows.Count;
        var odd = cents % rows.Count;
        for (var k = 0; k < rows.Count; k++)
        {
            weights[rows[k]] = (each + (k < odd ? 1 : 0)) / 100m;
        }
    }
}
