namespace Jixiao.Domain.Scoring;

public enum BudgetStatus
{
    Scored,

    /// <summary>全年预算数 0 and nothing spent: the row is not applicable.</summary>
    NotApplicable,

    /// <summary>The row lacks what the score needs; <see cref="BudgetScore.Reason"/> says what.</summary>
    NotScorable,
}

/// <summary>The budget-execution row (预算执行率) recomputed under a policy.</summary>
public sealed record BudgetScore(
    BudgetStatus Status,
    ScoringPolicy Policy,
    decimal Full = 0,
    decimal Executed = 0,
    decimal RawRate = 0,
    decimal Rate = 0,
    decimal Weight = 0,
    decimal Raw = 0,
    decimal Score = 0,
    string Reason = "")
{
    public bool IsScored => Status == BudgetStatus.Scored;

    /// <summary>e.g. <c>68.56 / 74.70 × 100 = 91.780455… → 91.78 (truncate)；10.00 × 91.78 / 100 = 9.178 → 9.17 (truncate)</c>.</summary>
    public string Explanation => ScoreExplanations.Explain(this);
}
