using Jixiao.Domain.Model;
using Jixiao.Domain.Values;

namespace Jixiao.Domain.Monitoring;

/// <summary>A traffic light of monitoring.md: 绿, 黄 or 红.</summary>
public enum Light
{
    Green,
    Yellow,
    Red,
}

/// <summary>完成目标可能性.</summary>
public enum Likelihood
{
    /// <summary>确定能</summary>
    Certain,

    /// <summary>有可能</summary>
    Possible,

    /// <summary>完全不可能</summary>
    Impossible,
}

/// <summary>偏差原因分析, the boxes a unit ticks.</summary>
public enum DeviationCause
{
    /// <summary>经费保障</summary>
    Funding,

    /// <summary>制度保障</summary>
    Policy,

    /// <summary>人员保障</summary>
    Staffing,

    /// <summary>硬件条件保障</summary>
    Hardware,

    /// <summary>其他</summary>
    Other,
}

/// <summary>
/// The words of the monitoring vocabulary: the JSON codes of monitoring.md and the Chinese labels of the
/// printed form. One table per vocabulary, read both ways.
/// </summary>
public static class MonitoringWords
{
    private static readonly (Light Value, string Code, string Label)[] Lights =
        [(Light.Green, "green", "绿"), (Light.Yellow, "yellow", "黄"), (Light.Red, "red", "红")];

    private static readonly (Likelihood Value, string Code, string Label)[] Likelihoods =
        [(Likelihood.Certain, "certain", "确定能"), (Likelihood.Possible, "possible", "有可能"), (Likelihood.Impossible, "impossible", "完全不可能")];

    private static readonly (DeviationCause Value, string Code, string Label)[] Causes =
    [
        (DeviationCause.Funding, "funding", "经费保障"), (DeviationCause.Policy, "policy", "制度保障"),
        (DeviationCause.Staffing, "staffing", "人员保障"), (DeviationCause.Hardware, "hardware", "硬件条件保障"),
        (DeviationCause.Other, "other", "其他"),
    ];

    public static string Code(this Light light) => Lights.First(l => l.Value == light).Code;

    public static string Label(this Light light) => Lights.First(l => l.Value == light).Label;

    public static string Code(this Likelihood likelihood) => Likelihoods.First(l => l.Value == likelihood).Code;

    public static string Label(this Likelihood likelihood) => Likelihoods.First(l => l.Value == likelihood).Label;

    public static string Code(this DeviationCause cause) => Causes.First(c => c.Value == cause).Code;

    public static string Label(this DeviationCause cause) => Causes.First(c => c.Value == cause).Label;

    public static Light? LightFromCode(string? code) => Lights.Where(l => l.Code == code).Select(l => (Light?)l.Value).FirstOrDefault();

    public static Likelihood? LikelihoodFromCode(string? code) =>
        Likelihoods.Where(l => l.Code == code).Select(l => (Likelihood?)l.Value).FirstOrDefault();

    public static DeviationCause? CauseFromCode(string? code) =>
        Causes.Where(c => c.Code == code).Select(c => (DeviationCause?)c.Value).FirstOrDefault();

    public static IReadOnlyList<string> LikelihoodCodes { get; } = [.. Likelihoods.Select(l => l.Code)];

    public static IReadOnlyList<string> CauseCodes { get; } = [.. Causes.Select(c => c.Code)];
}

/// <summary>
/// One row of the monitoring form's money block, in 万元.
/// </summary>
/// <param name="Initial">年初预算数</param>
/// <param name="Full">调整后预算数 (optional; when given it is the base of the rate)</param>
/// <param name="Executed">1–N月执行数</param>
/// <param name="Rate">1–N月执行率(%) as printed</param>
/// <param name="Forecast">全年预计执行数</param>
/// <param name="CauseText">why execution lags and what will be done (the <c>total</c> row)</param>
public sealed record MonitoringBudgetRow(decimal? Initial, decimal? Full, decimal? Executed, decimal? Rate, decimal? Forecast, string? CauseText = null)
{
    /// <summary>The base of the execution rate: 调整后预算数 when given, else 年初预算数 (a policy may always take 年初).</summary>
    public decimal? Base(MonitoringPolicy policy) => policy.PreferFullBudget && Full is not null ? Full : Initial;

    /// <summary>The label of <see cref="Base"/> in words.</summary>
    public string BaseLabel(MonitoringPolicy policy) => policy.PreferFullBudget && Full is not null ? "调整后预算数" : "年初预算数";
}

/// <summary>The money block: 年度资金总额, 其中：财政拨款, 其他资金.</summary>
public sealed record MonitoringBudget(MonitoringBudgetRow? Total, MonitoringBudgetRow? CurrentYear = null, MonitoringBudgetRow? Other = null);

/// <summary>The target declaration a monitoring form follows.</summary>
public sealed record MonitoringBasis(string Name, int? Year);

/// <summary>One indicator of the monitoring form with its 1–N月 progress and the year's forecast.</summary>
public sealed record MonitoringIndicator
{
    public string Level1 { get; init; } = "";
    public string Level2 { get; init; } = "";
    public required string Name { get; init; }

    /// <summary>年度指标值 as printed.</summary>
    public string Target { get; init; } = "";

    public IndicatorValue TargetValue { get; init; } = IndicatorValue.Empty;

    /// <summary>1–N月实际完成值 as printed.</summary>
    public string? Actual { get; init; }

    /// <summary>全年预计完成值 as printed.</summary>
    public string? Forecast { get; init; }

    public IReadOnlyList<DeviationCause> Causes { get; init; } = [];
    public string? CauseText { get; init; }
    public Likelihood? Likelihood { get; init; }
    public string? Note { get; init; }
    public int Line { get; init; }

    public IndicatorValue? ActualValue => Actual is null ? null : ValueGrammar.Parse(Actual);

    public IndicatorValue? ForecastValue => Forecast is null ? null : ValueGrammar.Parse(Forecast);
}

/// <summary>项目支出绩效目标执行监控表 (monitoring.md, <c>kind: "monitoring"</c>).</summary>
public sealed record MonitoringForm
{
    public int? Year { get; init; }

    /// <summary>The last month covered, 1–12 (7 = 1–7月).</summary>
    public required int Through { get; init; }

    public required string Name { get; init; }
    public string Department { get; init; } = "";
    public string Unit { get; init; } = "";
    public string? DepartmentCode { get; init; }
    public MonitoringBasis? BasedOn { get; init; }
    public MonitoringBudget Budget { get; init; } = new(null);

    /// <summary>全年预期目标.</summary>
    public string Goal { get; init; } = "";

    /// <summary>1–N月目标实际完成情况.</summary>
    public string? GoalProgress { get; init; }

    public IReadOnlyList<MonitoringIndicator> Indicators { get; init; } = [];

    /// <summary>1-based line (or position) where the form starts in its source.</summary>
    public int Line { get; init; }

    /// <summary>The period in words: <c>1–7月</c>.</summary>
    public string Period => $"1–{Through}月";
}

/// <summary>A monitoring document: the envelope of disclosure-json.md with its monitoring forms.</summary>
/// <param name="Others">forms of other kinds in the same document, by their position among all forms</param>
public sealed record MonitoringDocument(
    string Source,
    IReadOnlyList<MonitoringForm> Forms,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<(int Position, PerformanceForm Form)>? Others = null);
