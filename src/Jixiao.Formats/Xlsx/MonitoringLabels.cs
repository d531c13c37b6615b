using System.Globalization;
using System.Text.RegularExpressions;

namespace Jixiao.Formats.Xlsx;

/// <summary>
/// The printed labels of the 项目支出绩效目标执行监控表 (monitoring.md) and of its import template, in one
/// place: the writers print them, the reader finds cells by their <see cref="Key"/>, which drops the period
/// (<c>1–7月执行数</c> is <c>执行数</c>) so a sheet for any month reads.
/// </summary>
internal static partial class MonitoringLabels
{
    public const string Title = "项目支出绩效目标执行监控表";

    /// <summary>What a title or a 表类型 value holds when the sheet is a monitoring form.</summary>
    public const string TitleKey = "执行监控表";

    public const string Through = "截至月份";
    public const string DepartmentCode = "主管部门代码";
    public const string BasedOn = "目标申报表";
    public const string BasedOnYear = "目标申报表年度";

    public const string BudgetBlock = "项目资金（万元）";
    public const string Total = "年度资金总额";
    public const string CurrentYear = "其中：财政拨款";
    public const string Other = "其他资金";
    public const string Initial = "年初预算数";
    public const string Full = "调整后预算数";
    public const string Executed = "执行数";
    public const string Rate = "执行率(%)";
    public const string YearForecast = "全年预计执行数";
    public const string BudgetCause = "偏差原因分析及改进措施";

    public const string GoalBlock = "年度总体目标";
    public const string Goal = "全年预期目标";
    public const string Progress = "目标实际完成情况";

    public const string Actual = "实际完成值";
    public const string Forecast = "全年预计完成值";
    public const string Causes = "偏差原因分析";
    public const string CauseText = "原因说明及改进措施";
    public const string Likelihood = "完成目标可能性";
    public const string Note = "备注";

    /// <summary>The money rows in print order, with their JSON names (for error messages).</summary>
    public static readonly (string Label, string Field)[] BudgetRows = [(Total, "total"), (CurrentYear, "currentYear"), (Other, "other")];

    /// <summary>The money columns in print order, with their JSON names.</summary>
    public static readonly (string Label, string Field)[] BudgetColumns =
        [(Initial, "initial"), (Full, "full"), (Executed, "executed"), (Rate, "rate"), (YearForecast, "forecast")];

    /// <summary>A label of the period's months: <c>1–7月执行数</c>.</summary>
    public static string OfPeriod(int through, string label) => $"1–{through.ToString(CultureInfo.InvariantCulture)}月{label}";

    /// <summary>
    /// A label as the reader compares it: <see cref="SheetLabels.Canonical"/> (no white space, ASCII brackets,
    /// no 其中：), then without a leading period such as <c>1–7月</c> or <c>1-7月</c>; 执行率 with or without (%).
    /// </summary>
    public static string Key(string? text)
    {
        var s = SheetLabels.Canonical(text);
        var m = PeriodPrefix().Match(s);
        if (m.Success)
        {
            s = s[m.Length..];
        }

        return s == "执行率" ? Rate : s;
    }

    /// <summary>The last month of a period printed in a label (<c>1–7月执行数</c> → 7), if any.</summary>
    public static int? MonthOf(string? text) =>
        PeriodPrefix().Match(SheetLabels.Canonical(text)) is { Success: true } m && int.TryParse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture, out var month)
            ? month
            : null;

    [GeneratedRegex(@"^1[-–—~～至](\d{1,2})月")]
    private static partial Regex PeriodPrefix();
}
