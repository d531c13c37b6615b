using System.Globalization;
using Jixiao.Domain.Monitoring;
using Jixiao.Storage.Entities;

namespace Jixiao.Web.Monitoring;

/// <summary>
/// What the monitoring editor posts: the month, the 1–N月 figures, forecasts, causes and likelihoods. The
/// project's name, targets and budget come from the declaration and are never posted. Amounts arrive as
/// text, so a non-numeric one is a problem naming its field, not a silently empty value.
/// </summary>
public sealed class MonitoringInput
{
    public int Version { get; set; }

    public string? Through { get; set; }

    public string? GoalProgress { get; set; }

    public AmountsInput Total { get; set; } = new();

    public AmountsInput CurrentYear { get; set; } = new();

    public AmountsInput Other { get; set; } = new();

    /// <summary>Why execution lags and what will be done (the 年度资金总额 row).</summary>
    public string? BudgetCauseText { get; set; }

    public List<MonitoringRowInput> Rows { get; set; } = [];

    /// <summary>The rows of the money block with their field names in the interchange JSON.</summary>
    public IEnumerable<(string Field, string Zh, string En, AmountsInput Row)> BudgetRows() =>
    [
        ("total", "年度资金总额", "Annual total", Total),
        ("currentYear", "其中：财政拨款", "of which: fiscal funds", CurrentYear),
        ("other", "其他资金", "other funds", Other),
    ];

    public static MonitoringInput From(StoredMonitoringForm record) => From(record.Form, record.Version);

    public static MonitoringInput From(MonitoringForm form, int version) => new()
    {
        Version = version,
        Through = form.Through.ToString(CultureInfo.InvariantCulture),
        GoalProgress = form.GoalProgress,
        Total = AmountsInput.From(form.Budget.Total),
        CurrentYear = AmountsInput.From(form.Budget.CurrentYear),
        Other = AmountsInput.From(form.Budget.Other),
        BudgetCauseText = form.Budget.Total?.CauseText,
        Rows = [.. form.Indicators.Select(i => new MonitoringRowInput
        {
            Actual = i.Actual,
            Forecast = i.Forecast,
            Causes = [.. i.Causes.Select(c => c.Code())],
            CauseText = i.CauseText,
            Likelihood = i.Likelihood?.Code(),
            Note = i.Note,
        })],
    };

    /// <summary>
    /// The stored form with this input applied, and the problems of the input by field (<c>through</c>,
    /// <c>budget.total.executed</c>, <c>indicators[2].likelihood</c> …). With problems the form is not to be stored.
    /// The printed rate is the computed one, so it never disagrees.
    /// </summary>
    public (MonitoringForm Form, IReadOnlyList<InputProblem> Problems) ApplyTo(MonitoringForm stored, MonitoringPolicy? policy = null)
    {
        policy ??= MonitoringPolicy.Default;
        var problems = new List<InputProblem>();
        var through = stored.Through;
        var text = Through?.Trim();
        if (string.IsNullOrEmpty(text) || !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out through))
        {
            problems.Add(new("through", $"截至月份须为 1 到 {policy.MonthsInYear} 的整数，实为“{text}”"));
            through = stored.Through;
        }

        MonitoringBudgetRow? Row(string field, AmountsInput input, MonitoringBudgetRow? old, string? causeText)
        {
            var initial = Amount(problems, field, "initial", "年初预算数", input.Initial);
            var full = Amount(problems, field, "full", "调整后预算数", input.Full);
            var executed = Amount(problems, field, "executed", "执行数", input.Executed);
            var forecast = Amount(problems, field, "forecast", "全年预计执行数", input.Forecast);
            if (old is null && initial is null && full is null && executed is null && forecast is null && causeText is null)
            {
                return null;
            }

            var row = new MonitoringBudgetRow(initial, full, executed, null, forecast, causeText);
            return row with { Rate = MonitoringAssessor.Rate(row, policy) };
        }

        var budget = new MonitoringBudget(
            Row("total", Total, stored.Budget.Total ?? new MonitoringBudgetRow(null, null, null, null, null), Blank(BudgetCauseText)),
            Row("currentYear", CurrentYear, stored.Budget.CurrentYear, null),
            Row("other", Other, stored.Budget.Other, null));

        var indicators = new List<MonitoringIndicator>();
        for (var i = 0; i < stored.Indicators.Count; i++)
        {
            var row = i < Rows.Count ? Rows[i] : new MonitoringRowInput();
            var causes = new List<DeviationCause>();
            foreach (var code in row.Causes.Where(c => !string.IsNullOrWhiteSpace(c)))
            {
                if (MonitoringWords.CauseFromCode(code.Trim()) is { } cause)
                {
                    if (!causes.Contains(cause))
                    {
                        causes.Add(cause);
                    }
                }
                else
                {
                    problems.Add(new($"indicators[{i}].causes", $"偏差原因“{code}”不在 {string.Join("、", MonitoringWords.CauseCodes)} 之中"));
                }
            }

            Likelihood? likelihood = null;
            if (Blank(row.Likelihood) is { } l)
            {
                likelihood = MonitoringWords.LikelihoodFromCode(l);
                if (likelihood is null)
                {
                    problems.Add(new($"indicators[{i}].likelihood", $"完成目标可能性“{l}”不在 {string.Join("、", MonitoringWords.LikelihoodCodes)} 之中"));
                }
            }

            indicators.Add(stored.Indicators[i] with
            {
                Actual = Blank(row.Actual),
                Forecast = Blank(row.Forecast),
                Causes = causes,
                CauseText = Blank(row.CauseText),
                Likelihood = likelihood,
                Note = Blank(row.Note),
            });
        }

        var form = stored with { Through = through, GoalProgress = Blank(GoalProgress), Budget = budget, Indicators = indicators };
        return (form, Blocking(form, problems, policy));
    }

    /// <summary>
    /// The problems that keep a form from being stored: those of the input, then those of
    /// <see cref="MonitoringValidation"/> but for a figure not entered yet (a draft is saved half-filled; it is
    /// assessed, and submitted, once the budget and the executed amount are there).
    /// </summary>
    public static IReadOnlyList<InputProblem> Blocking(MonitoringForm form, IEnumerable<InputProblem> input, MonitoringPolicy policy)
    {
        var problems = input.ToList();
        var named = problems.Select(p => p.Field).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(MonitoringValidation.Problems(form, policy).Where(p => !IsMissing(p) && !named.Contains(p.Field)));
        return problems;
    }

    /// <summary>A problem of a figure not yet entered (缺少…), or a budget of 0: stored, but not assessed.</summary>
    public static bool IsMissing(InputProblem p) => p.Message.StartsWith("缺少", StringComparison.Ordinal) || p.Message.StartsWith("预算数为 0", StringComparison.Ordinal);

    private static decimal? Amount(List<InputProblem> problems, string row, string field, string label, string? text)
    {
        var t = Blank(text)?.Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal);
        if (t is null)
        {
            return null;
        }

        if (decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var d))
        {
            return d;
        }

        problems.Add(new($"budget.{row}.{field}", $"{label}须为数字（万元），实为“{text}”"));
        return null;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>One row of the money block as typed, in 万元.</summary>
public sealed class AmountsInput
{
    public string? Initial { get; set; }
    public string? Full { get; set; }
    public string? Executed { get; set; }
    public string? Forecast { get; set; }

    public static AmountsInput From(MonitoringBudgetRow? row) => new()
    {
        Initial = Text(row?.Initial),
        Full = Text(row?.Full),
        Executed = Text(row?.Executed),
        Forecast = Text(row?.Forecast),
    };

    private static string? Text(decimal? d) => d?.ToString("0.00####", CultureInfo.InvariantCulture);
}

/// <summary>One indicator's 1–N月 progress as typed.</summary>
public sealed class MonitoringRowInput
{
    public string? Actual { get; set; }
    public string? Forecast { get; set; }

    /// <summary>The ticked causes by code (funding, policy, staffing, hardware, other).</summary>
    public List<string> Causes { get; set; } = [];

    public string? CauseText { get; set; }

    /// <summary>certain, possible, impossible, or empty.</summary>
    public string? Likelihood { get; set; }

    public string? Note { get; set; }
}
