using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;

namespace Jixiao.Tests.Scoring;

public class BudgetScoringTests
{
    private static BudgetScore Score(decimal full, decimal executed, ScoringPolicy policy, decimal weight = 10m) =>
        Scorer.ScoreBudget(new BudgetRow(full, full, executed, null, weight), policy);

    [Fact]
    public void Seed_002_truncates_the_rate_and_the_score()
    {
        var b = Score(74.70m, 68.56m, ScoringPolicy.Shanghai2023); // 002:219 局系统培训经费
        Assert.Equal(91.78m, b.Rate);
        Assert.Equal(9.17m, b.Score);
        Assert.Equal("68.56 / 74.70 × 100 = 91.780455… → 91.78 (truncate)；10.00 × 91.78 / 100 = 9.178 → 9.17 (truncate)", b.Explanation);
    }

    [Fact]
    public void Seed_003_rounds_the_score_half_up_from_the_truncated_rate()
    {
        var b = Score(107m, 89.43m, ScoringPolicy.Shanghai2024); // 003:162 医疗保险个人账户管理经费
        Assert.Equal(83.57m, b.Rate);
        Assert.Equal(8.36m, b.Score);
        Assert.Equal(8.35m, Score(107m, 89.43m, ScoringPolicy.Shanghai2023).Score);
    }

    [Fact]
    public void The_rate_is_truncated_not_rounded() =>
        Assert.Equal(75.20m, Score(170.34m, 128.11m, ScoringPolicy.Shanghai2024).Rate); // 75.2084…

    [Fact]
    public void Overspending_earns_no_more_than_the_weight()
    {
        var b = Score(100m, 120m, ScoringPolicy.Shanghai2024);
        Assert.Equal(120m, b.Rate);
        Assert.Equal(10m, b.Score);
        Assert.Contains("min(120, 100)", b.Explanation);
    }

    [Fact]
    public void A_zero_budget_with_nothing_spent_is_not_applicable()
    {
        var b = Score(0m, 0m, ScoringPolicy.Shanghai2024);
        Assert.Equal(BudgetStatus.NotApplicable, b.Status);
        Assert.Contains("不适用", b.Explanation);
        Assert.Equal(BudgetStatus.NotScorable, Score(0m, 5m, ScoringPolicy.Shanghai2024).Status);
        Assert.Null(Scorer.Rate(0m, 0m, ScoringPolicy.Shanghai2024));
    }

    [Fact]
    public void The_exact_rate_can_be_the_basis()
    {
        // Only a weight other than 10 tells the bases apart: 4 × 83.62 / 100 = 3.3448 → 3.34, 4 × 83.6299 / 100 = 3.345196 → 3.35.
        var fromRaw = ScoringPolicy.Shanghai2024 with { BudgetScoreFromRoundedRate = false };
        Assert.Equal(3.34m, Score(100m, 83.6299m, ScoringPolicy.Shanghai2024, 4m).Score);
        Assert.Equal(3.35m, Score(100m, 83.6299m, fromRaw, 4m).Score);
    }

    [Fact]
    public void Grades()
    {
        var bands = GradeBands.Default;
        Assert.Equal("优", bands.Grade(90m));
        Assert.Equal("良", bands.Grade(89.99m));
        Assert.Equal("良", bands.Grade(80m));
        Assert.Equal("中", bands.Grade(79.99m));
        Assert.Equal("中", bands.Grade(60m));
        Assert.Equal("差", bands.Grade(59.99m));
        Assert.Equal("98.95 ≥ 90 → 优", bands.Explain(98.95m));
    }
}
