using Jixiao.Domain.Model;

namespace Jixiao.Domain.Reports;

/// <summary>One line of a unit's 汇总表: a form with its money, indicator counts and score.</summary>
/// <param name="Index">序号, 1-based.</param>
/// <param name="AnnualTotal">年度资金申请总额 of a target form, in 元.</param>
/// <param name="BudgetFull">全年预算数 of a self-evaluation, in 万元.</param>
/// <param name="BudgetExecuted">全年执行数 of a self-evaluation, in 万元.</param>
/// <param name="ExecutionRate">执行率(%) as printed.</param>
/// <param name="IndicatorsByLevel1">Indicators per 一级指标, keyed by every label of <see cref="IndicatorLevels.Level1"/>.</param>
public sealed record UnitSummaryRow(
    int Index,
    string Name,
    FormKind Kind,
    decimal? AnnualTotal,
    decimal? BudgetFull,
    decimal? BudgetExecuted,
    decimal? ExecutionRate,
    IReadOnlyDictionary<string, int> IndicatorsByLevel1,
    int Indicators,
    decimal? TotalScore,
    string? Grade);

/// <summary>The 汇总表 of one 实施单位 and year: its forms in print order.</summary>
public sealed record UnitSummary(string Unit, int? Year, IReadOnlyList<UnitSummaryRow> Rows)
{
    /// <summary>The 汇总表 heading, as the units print it: “上海市医疗保险事业管理中心2024年度项目绩效汇总表”.</summary>
    public string Title => $"{Unit}{(Year is { } y ? $"{y}年度" : "")}项目绩效汇总表";

    /// <summary>合计 of 年度资金申请总额 (元); null when no line has one.</summary>
    public decimal? AnnualTotal => SumOf(r => r.AnnualTotal);

    /// <summary>合计 of 全年预算数 (万元); null when no line has one.</summary>
    public decimal? BudgetFull => SumOf(r => r.BudgetFull);

    /// <summary>合计 of 全年执行数 (万元); null when no line has one.</summary>
    public decimal? BudgetExecuted => SumOf(r => r.BudgetExecuted);

    public int Indicators => Rows.Sum(r => r.Indicators);

    public int IndicatorsOf(string level1) => Rows.Sum(r => r.IndicatorsByLevel1[level1]);

    /// <summary>One summary per 实施单位 and year, in the order the units first appear.</summary>
    public static IReadOnlyList<UnitSummary> Of(IEnumerable<PerformanceForm> forms) =>
        forms.GroupBy(f => (f.Unit, f.Year))
            .Select(g => new UnitSummary(g.Key.Unit, g.Key.Year, g.Select(Row).ToList()))
            .ToList();

    private decimal? SumOf(Func<UnitSummaryRow, decimal?> value) =>
        Rows.Any(r => value(r) is not null) ? Rows.Sum(r => value(r) ?? 0m) : null;

    private static UnitSummaryRow Row(PerformanceForm f, int index) => new(
        index + 1,
        f.Name,
        f.Kind,
        f.Funds?.AnnualTotal,
        f.Budget?.Total?.Full,
        f.Budget?.Total?.Executed,
        f.Budget?.Total?.Rate,
        IndicatorLevels.Level1.ToDictionary(l => l, l => f.Indicators.Count(i => i.Level1 == l)),
        f.Indicators.Count,
        f.TotalScore,
        f.Grade);
}
