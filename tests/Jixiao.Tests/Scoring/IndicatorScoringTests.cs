using Jixiao.Domain.Scoring;
using Jixiao.Domain.Values;

namespace Jixiao.Tests.Scoring;

/// <summary>Each row of scoring.md's tables, at and around its boundaries.</summary>
public class IndicatorScoringTests
{
    private static readonly ScoringPolicy Policy = ScoringPolicy.Shanghai2023;

    private static IndicatorScore Score(decimal weight, string target, string actual) =>
        Scorer.Score(weight, ValueGrammar.Parse(target), ValueGrammar.Parse(actual), Policy);

    [Theory]
    // ≥ (正向): full marks at and above the target, W × A / T below it
    [InlineData("≥200(份)", "200(份)", 3, 3, ScoreMethod.FullMarks)]
    [InlineData("≥200(份)", "250(份)", 3, 3, ScoreMethod.FullMarks)]
    [InlineData("≥200(份)", "199(份)", 3, 2.99, ScoreMethod.Proportional)] // 002:694, 2.985 → 2.99
    [InlineData("≥10000(份)", "3135(份)", 2, 0.63, ScoreMethod.Proportional)] // 002:675
    [InlineData("≥120000(件)", "35801(件)", 2, 0.60, ScoreMethod.Proportional)] // 002:1024
    // > : A = T is not above, but W × A / T = W
    [InlineData(">99(%)", "100(%)", 13, 13, ScoreMethod.FullMarks)]
    [InlineData(">99(%)", "99(%)", 13, 13, ScoreMethod.Proportional)]
    [InlineData(">99(%)", "98.01(%)", 13, 12.87, ScoreMethod.Proportional)] // 13 × 98.01 / 99 = 12.87
    // = : full at or above, W × A / T below
    [InlineData("=4.00(期)", "2.00(期)", 2, 1.00, ScoreMethod.Proportional)] // 002:1042
    [InlineData("=4.00(期)", "4.00(期)", 2, 2, ScoreMethod.FullMarks)]
    [InlineData("=4.00(期)", "5.00(期)", 2, 2, ScoreMethod.FullMarks)]
    [InlineData("=4.00(期)", "3.99(期)", 2, 2.00, ScoreMethod.Proportional)] // 1.995 → 2.00
    // ≤ (反向): full at and below, W × (1 − (A − T)/T) up to 2T, 0 from 2T
    [InlineData("≤5(%)", "5(%)", 10, 10, ScoreMethod.FullMarks)]
    [InlineData("≤5(%)", "0(%)", 10, 10, ScoreMethod.FullMarks)]
    [InlineData("≤5(%)", "5.01(%)", 10, 9.98, ScoreMethod.Reverse)]
    [InlineData("≤5(%)", "6(%)", 10, 8, ScoreMethod.Reverse)]
    [InlineData("≤5(%)", "9.99(%)", 10, 0.02, ScoreMethod.Reverse)]
    [InlineData("≤5(%)", "10(%)", 10, 0, ScoreMethod.ReverseFloor)]
    [InlineData("≤5(%)", "12(%)", 10, 0, ScoreMethod.ReverseFloor)]
    // < : A = T is not below, but the formula gives W
    [InlineData("<5.00(件)", "4(件)", 2, 2, ScoreMethod.FullMarks)]
    [InlineData("<5.00(件)", "5(件)", 2, 2, ScoreMethod.Reverse)]
    [InlineData("<5.00(件)", "7(件)", 2, 1.2, ScoreMethod.Reverse)]
    // zero targets
    [InlineData("=0(起)", "0(起)", 5, 5, ScoreMethod.ZeroTarget)]
    [InlineData("=0(起)", "1(起)", 5, 0, ScoreMethod.ZeroTarget)]
    [InlineData("≤0(起)", "0(起)", 5, 5, ScoreMethod.ZeroTarget)]
    [InlineData("≤0(起)", "0.01(起)", 5, 0, ScoreMethod.ZeroTarget)]
    [InlineData("≥0.00(%)", "0.28(%)", 8, 8, ScoreMethod.ZeroTarget)] // 003:84 成本控制率
    [InlineData("≥0.00(%)", "0(%)", 8, 8, ScoreMethod.ZeroTarget)]
    [InlineData("≥0.00(%)", "-1(%)", 8, 0, ScoreMethod.ZeroTarget)]
    public void Quantitative(string target, string actual, decimal weight, decimal expected, ScoreMethod method)
    {
        var s = Score(weight, target, actual);
        Assert.Equal(method, s.Method);
        Assert.Equal(expected, s.Score);
        Assert.InRange(s.Score, 0, weight);
    }

    [Fact]
    public void Percent_and_百分比_are_one_unit() =>
        Assert.Equal(ScoreMethod.FullMarks, Score(5, "=100.00(百分比)", "100.00(%)").Method);

    [Fact]
    public void A_bare_number_takes_the_other_sides_unit() =>
        Assert.Equal(ScoreMethod.FullMarks, Score(5, "≥95", "97(%)").Method);

    [Fact]
    public void A_unit_mismatch_is_not_scored_and_says_why()
    {
        var s = Score(5, "≤5.00(次)", "3.00(%)");
        Assert.False(s.IsScored);
        Assert.Equal(NotScoredReason.UnitMismatch, s.Reason);
        Assert.Null(s.Value);
        Assert.Contains("“%”", s.Explanation);
        Assert.Contains("“次”", s.Explanation);
    }

    [Theory]
    [InlineData("达成指标", 2, 2)]
    [InlineData("达成年度指标", 2, 2)]
    [InlineData("部分达成指标并具有一定效果", 2, 1.20)] // 002:1108
    [InlineData("部分达成指标并具有一定效果", 3.33, 2.00)] // 1.998 → 2.00
    [InlineData("未达成指标且效果较差", 2, 0)]
    public void Qualitative_shares(string result, decimal weight, decimal expected)
    {
        var s = Score(weight, "按照合同约定条款", result);
        Assert.Equal(ScoreMethod.Qualitative, s.Method);
        Assert.Equal(expected, s.Score);
    }

    [Fact]
    public void Qualitative_shares_are_a_policy()
    {
        var generous = ScoringPolicy.Shanghai2023 with { Shares = new QualitativeShares(1m, 0.8m, 0.3m) };
        Assert.Equal(1.60m, Scorer.Score(2m, ValueGrammar.Parse("及时"), ValueGrammar.Parse("部分达成指标并具有一定效果"), generous).Score);
        Assert.Equal(0.60m, Scorer.Score(2m, ValueGrammar.Parse("及时"), ValueGrammar.Parse("未达成指标且效果较差"), generous).Score);
        Assert.Throws<ArgumentOutOfRangeException>(() => new QualitativeShares(1m, 0.5m, 0m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QualitativeShares(1m, 0.6m, 0.7m));
    }

    [Theory]
    [InlineData("及时", "按期完成", NotScoredReason.UnknownResult)]
    [InlineData("及时", "100(%)", NotScoredReason.NotComparable)]
    [InlineData("≥10(个)", "", NotScoredReason.NoActual)]
    [InlineData("≥-1(个)", "3(个)", NotScoredReason.NegativeTarget)]
    public void Not_scored(string target, string actual, NotScoredReason reason)
    {
        var s = Score(2, target, actual);
        Assert.Equal(reason, s.Reason);
        Assert.NotEmpty(s.Explanation);
    }

    [Fact]
    public void Without_weight_nothing_is_scored() =>
        Assert.Equal(NotScoredReason.NoWeight, Scorer.Score(null, ValueGrammar.Parse("≥1(次)"), ValueGrammar.Parse("1(次)"), Policy).Reason);

    [Fact]
    public void Indicator_rounding_is_the_policys()
    {
        var truncating = Policy with { IndicatorRounding = Rounding.Truncate };
        Assert.Equal(2.98m, Scorer.Score(3m, ValueGrammar.Parse("≥200(份)"), ValueGrammar.Parse("199(份)"), truncating).Score);
    }

    [Theory]
    [InlineData("≥10000(份)", "3135(份)", 2, "2.00 × 3135 / 10000 = 0.627 → 0.63 (half-up)")]
    [InlineData("≥200.00(份)", "199.00(份)", 3, "3.00 × 199 / 200 = 2.985 → 2.99 (half-up)")]
    [InlineData("≥120000(件)", "35801(件)", 2, "2.00 × 35801 / 120000 = 0.596683… → 0.60 (half-up)")]
    [InlineData("≤5(%)", "6(%)", 10, "10.00 × (1 − (6 − 5) / 5) = 8 → 8.00 (half-up)")]
    [InlineData("≤5(%)", "11(%)", 10, "实际 11 ≥ 2 × 目标 5 → 0.00")]
    [InlineData("≥2410(人次)", "2500.00(人次)", 18, "实际 2500 达到目标 ≥2410 → 满分 18.00")]
    [InlineData("及时", "部分达成指标并具有一定效果", 2, "部分达成指标并具有一定效果：2.00 × 60% = 1.2 → 1.20 (half-up)")]
    public void Explanations(string target, string actual, decimal weight, string expected) =>
        Assert.Equal(expected, Score(weight, target, actual).Explanation);
}
