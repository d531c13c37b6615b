using Jixiao.Domain.Values;

namespace Jixiao.Domain.Model;

/// <summary>Which of the two published forms a <see cref="PerformanceForm"/> is.</summary>
public enum FormKind
{
    /// <summary>财政项目支出绩效目标申报表: targets declared before the year.</summary>
    Target,

    /// <summary>财政项目支出绩效自评表: the self-evaluation after the year.</summary>
    SelfEvaluation,
}

/// <summary>项目资金 of a target declaration, in 元.</summary>
public sealed record Funds(decimal? AnnualTotal, decimal? CurrentYear, decimal? CarryOver, decimal? Other);

/// <summary>One printed row of a self-evaluation's money block, in 万元.</summary>
/// <param name="Initial">年初预算数</param>
/// <param name="Full">全年预算数 (the adjusted budget the rate is computed on)</param>
/// <param name="Executed">全年执行数</param>
/// <param name="Rate">执行率(%) as printed</param>
/// <param name="Weight">分数 (only on the 年度资金总额 row)</param>
/// <param name="Score">得分 (only on the 年度资金总额 row)</param>
public sealed record BudgetRow(decimal? Initial, decimal? Full, decimal? Executed, decimal? Rate, decimal? Weight = null, decimal? Score = null);

/// <summary>The money block of a self-evaluation: 年度资金总额 and its three parts.</summary>
public sealed record Budget(BudgetRow? Total, BudgetRow? CurrentYear, BudgetRow? CarryOver, BudgetRow? Other);

/// <summary>One 三级指标 row with its 一级/二级 labels.</summary>
public sealed record Indicator(
    string Level1,
    string Level2,
    string Name,
    string Target,
    IndicatorValue TargetValue,
    string? Actual = null,
    IndicatorValue? ActualValue = null,
    decimal? Weight = null,
    decimal? Score = null,
    string? Deviation = null,
    int Line = 0);

/// <summary>
/// A published performance form: a target declaration or a self-evaluation. Immutable; the readers
/// build it, the scoring and checking code reads it.
/// </summary>
public sealed record PerformanceForm
{
    public required FormKind Kind { get; init; }
    public int? Year { get; init; }
    public string? Group { get; init; }
    public int Line { get; init; }
    public required string Name { get; init; }
    public string? Nature { get; init; }
    public string? Category { get; init; }
    public string Department { get; init; } = "";
    public string Unit { get; init; } = "";
    public DateOnly? StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public Funds? Funds { get; init; }
    public Budget? Budget { get; init; }
    public string Goal { get; init; } = "";
    public string? Outcome { get; init; }
    public IReadOnlyList<Indicator> Indicators { get; init; } = [];
    public decimal? TotalWeight { get; init; }
    public decimal? TotalScore { get; init; }
    public string? Grade { get; init; }
}

/// <summary>How bad a <see cref="Diagnostic"/> is.</summary>
public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>A repair, inference or anomaly found while reading a source, with its 1-based line.</summary>
public sealed record Diagnostic(Severity Severity, int Line, string Code, string Message);

/// <summary>One disclosure file: the forms read from it and what was noticed on the way.</summary>
public sealed record DisclosureDocument(string Source, IReadOnlyList<PerformanceForm> Forms, IReadOnlyList<Diagnostic> Diagnostics);
