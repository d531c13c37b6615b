namespace Jixiao.Domain.Monitoring;

/// <summary>Something wrong with a monitoring form's input, named by its field (e.g. <c>budget.total.executed</c>).</summary>
public sealed record InputProblem(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>
/// What a monitoring form must satisfy before its lights mean anything: a month 1–12, a 年度资金总额 row
/// with a budget above 0 and an executed amount, and no negative amount. A form that fails is not
/// assessed; spending above the budget is allowed (a warning finding, <c>monitoring.over-executed</c>).
/// </summary>
public static class MonitoringValidation
{
    public static IReadOnlyList<InputProblem> Problems(MonitoringForm form, MonitoringPolicy? policy = null)
    {
        policy ??= MonitoringPolicy.Default;
        var problems = new List<InputProblem>();
        if (form.Through < 1 || form.Through > policy.MonthsInYear)
        {
            problems.Add(new("through", $"截至月份须为 1 到 {policy.MonthsInYear} 的整数，实为 {form.Through}"));
        }

        Row(problems, "total", form.Budget.Total);
        Row(problems, "currentYear", form.Budget.CurrentYear);
        Row(problems, "other", form.Budget.Other);
        if (form.Budget.Total is not { } total)
        {
            problems.Add(new("budget.total", "缺少年度资金总额一行"));
        }
        else
        {
            if (total.Initial is null && total.Full is null)
            {
                problems.Add(new("budget.total.initial", "缺少年初预算数"));
            }
            else if (total.Base(policy) is 0m)
            {
                problems.Add(new(policy.PreferFullBudget && total.Full is not null ? "budget.total.full" : "budget.total.initial", "预算数为 0，无法计算执行率"));
            }

            if (total.Executed is null)
            {
                problems.Add(new("budget.total.executed", "缺少执行数"));
            }
        }

        return problems;
    }

    private static void Row(List<InputProblem> problems, string name, MonitoringBudgetRow? row)
    {
        if (row is null)
        {
            return;
        }

        Amount(problems, name, "initial", "年初预算数", row.Initial);
        Amount(problems, name, "full", "调整后预算数", row.Full);
        Amount(problems, name, "executed", "执行数", row.Executed);
        Amount(problems, name, "rate", "执行率", row.Rate);
        Amount(problems, name, "forecast", "全年预计执行数", row.Forecast);
    }

    private static void Amount(List<InputProblem> problems, string row, string field, string label, decimal? value)
    {
        if (value < 0)
        {
            problems.Add(new($"budget.{row}.{field}", $"{label}不能为负数，实为 {value}"));
        }
    }
}
