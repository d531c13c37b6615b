namespace Jixiao.Domain.Scoring;

/// <summary>
/// A named set of scoring conventions (scoring.md, "Policies"). Publishers differ only in these
/// choices; none of them is a hidden constant. Build variants with <c>with</c>.
/// </summary>
public sealed record ScoringPolicy
{
    public required string Name { get; init; }

    /// <summary>Who follows it, in words.</summary>
    public string Description { get; init; } = "";

    /// <summary>How 执行率 is cut to two decimals (both seed publishers truncate).</summary>
    public Rounding RateRounding { get; init; } = Rounding.Truncate;

    /// <summary>How the budget row's 得分 is cut to two decimals.</summary>
    public Rounding BudgetScoreRounding { get; init; } = Rounding.Truncate;

    /// <summary>True: the budget score is computed from the printed (rounded) rate; false: from the exact rate.</summary>
    public bool BudgetScoreFromRoundedRate { get; init; } = true;

    /// <summary>How indicator scores are cut to two decimals (seed 002: 2.985 → 2.99).</summary>
    public Rounding IndicatorRounding { get; init; } = Rounding.HalfUp;

    public QualitativeShares Shares { get; init; } = QualitativeShares.Default;

    public GradeBands Grades { get; init; } = GradeBands.Default;

    /// <summary>Actual ÷ target from which a positive target looks set too low (130 %).</summary>
    public decimal OverAchievementRatio { get; init; } = 1.30m;

    /// <summary>True where 成本指标 is its own 一级 and required (Shanghai from 2024).</summary>
    public bool CostIsLevel1 { get; init; }

    /// <summary>上海市药品监督管理局 2023 (seed 002): truncated rate, truncated budget score.</summary>
    public static readonly ScoringPolicy Shanghai2023 = new()
    {
        Name = "shanghai-2023",
        Description = "上海 2023 年度自评（种子 002）：执行率截尾，预算执行得分截尾，指标得分四舍五入",
        BudgetScoreRounding = Rounding.Truncate,
    };

    /// <summary>上海市医疗保险事业管理中心 2024 (seed 003): truncated rate, budget score half-up from it; 成本 is an 一级.</summary>
    public static readonly ScoringPolicy Shanghai2024 = new()
    {
        Name = "shanghai-2024",
        Description = "上海 2024 年度自评（种子 003）：执行率截尾，预算执行得分由截尾后的执行率四舍五入，成本指标为一级指标",
        BudgetScoreRounding = Rounding.HalfUp,
        CostIsLevel1 = true,
    };

    public static readonly IReadOnlyList<ScoringPolicy> BuiltIn = [Shanghai2023, Shanghai2024];

    /// <summary>A built-in policy by name (case-insensitive), or null.</summary>
    public static ScoringPolicy? Find(string? name) =>
        BuiltIn.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The policy to assume when a form shows no evidence: by year, the latest when unknown.</summary>
    public static ScoringPolicy ForYear(int? year) => year <= 2023 ? Shanghai2023 : Shanghai2024;
}
