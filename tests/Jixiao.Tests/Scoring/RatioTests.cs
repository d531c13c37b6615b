using Jixiao.Domain.Scoring;
using Jixiao.Domain.Values;

namespace Jixiao.Tests.Scoring;

/// <summary>The scorer's integer shortcut for W × A / T agrees with plain decimal arithmetic everywhere.</summary>
public class RatioTests
{
    private static readonly decimal[] Weights = [0.5m, 1m, 2m, 2.00m, 3m, 3.33m, 5m, 10m, 18m, 100m, 7.777m];

    private static readonly decimal[] Targets = [1m, 3m, 7m, 10m, 99.99m, 200m, 10000m, 120000m, 0.4m, 2.000m, 123456789012m, 5000000000m];

    private static readonly decimal[] Fractions = [0.001m, 0.1m, 0.3333m, 0.5m, 0.73m, 0.995m, 0.99999m, 0.123456789m];

    [Theory]
    [InlineData(Rounding.HalfUp)]
    [InlineData(Rounding.Truncate)]
    public void Agrees_with_decimal_arithmetic(Rounding rounding)
    {
        var policy = ScoringPolicy.Shanghai2023 with { IndicatorRounding = rounding };
        foreach (var w in Weights)
        {
            foreach (var t in Targets)
            {
                foreach (var f in Fractions)
                {
                    var below = decimal.Round(t * f, 4);
                    if (below < t)
                    {
                        Check(w, "≥", t, below, Math.Min(w, rounding.Apply(w * below / t)), policy);
                    }

                    var above = decimal.Round(t * (1 + f), 4);
                    if (above < 2 * t && above > t)
                    {
                        Check(w, "≤", t, above, Math.Min(w, rounding.Apply(w * (2 * t - above) / t)), policy);
                    }
                }
            }
        }
    }

    private static void Check(decimal w, string op, decimal t, decimal a, decimal expected, ScoringPolicy policy)
    {
        var target = new IndicatorValue(ComparisonSymbols.FromSymbol(op), t, "个", null);
        var s = Scorer.Score(w, target, new IndicatorValue(null, a, "个", null), policy);
        Assert.True(expected == s.Score, $"{w} × {a} / {op}{t}: expected {expected}, got {s.Score}");
    }
}
