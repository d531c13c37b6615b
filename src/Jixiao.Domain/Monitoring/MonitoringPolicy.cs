using Jixiao.Domain.Scoring;

namespace Jixiao.Domain.Monitoring;

/// <summary>
/// The settings of the monitoring lights (monitoring.md, "Lights"). Every threshold is named here and
/// nowhere else; build variants with <c>with</c>.
/// </summary>
public sealed record MonitoringPolicy
{
    public required string Name { get; init; }

    public string Description { get; init; } = "";

    /// <summary>Months of the budget year: T = through / MonthsInYear × 100.</summary>
    public int MonthsInYear { get; init; } = 12;

    /// <summary>How the time progress T is cut to two decimals (7 → 58.33).</summary>
    public Rounding TimeProgressRounding { get; init; } = Rounding.Truncate;

    /// <summary>How the execution rate R is cut to two decimals (30.10 / 83 → 36.26).</summary>
    public Rounding RateRounding { get; init; } = Rounding.Truncate;

    /// <summary>True: the rate's base is 调整后预算数 (<c>full</c>) when given, else 年初预算数; false: always 年初预算数.</summary>
    public bool PreferFullBudget { get; init; } = true;

    /// <summary>How far (percentage points) a printed rate may differ from R before <c>monitoring.rate-mismatch</c>.</summary>
    public decimal RateTolerance { get; init; }

    /// <summary>Red when the lag T − R is above this many percentage points.</summary>
    public decimal RedLag { get; init; } = 25m;

    /// <summary>Yellow when the lag T − R is above this many percentage points.</summary>
    public decimal YellowLag { get; init; } = 10m;

    /// <summary>Red when the year's forecast is below this share of the base.</summary>
    public decimal RedForecastShare { get; init; } = 0.60m;

    /// <summary>Yellow when the year's forecast is below this share of the base.</summary>
    public decimal YellowForecastShare { get; init; } = 0.90m;

    /// <summary>财预〔2019〕136号 as monitoring.md states it: 1–N月 over 12 months, lag 10 / 25 points, forecast 90 % / 60 %.</summary>
    public static readonly MonitoringPolicy Monitoring2025 = new()
    {
        Name = "monitoring-2025",
        Description = "绩效运行监控 2025：时间进度 = 月份/12，执行率截尾；落后 >10 个百分点或预计执行 <90% 为黄，落后 >25 个百分点或预计执行 <60% 为红",
    };

    public static readonly IReadOnlyList<MonitoringPolicy> BuiltIn = [Monitoring2025];

    public static MonitoringPolicy Default => Monitoring2025;

    /// <summary>A built-in policy by name (case-insensitive), or null.</summary>
    public static MonitoringPolicy? Find(string? name) =>
        BuiltIn.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
