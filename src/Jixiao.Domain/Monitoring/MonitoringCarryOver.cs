using Jixiao.Domain.Model;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Values;

namespace Jixiao.Domain.Monitoring;

/// <summary>
/// What a self-evaluation takes from the monitoring of the same declaration (issue 13: "a self-evaluation
/// started from a monitored project starts from the monitoring's forecasts and causes"): each indicator's
/// 全年预计完成值 becomes its proposed 实际完成值, and the ticked causes with their explanation its 偏差原因分析;
/// each money row's 全年预计执行数 (年度资金总额, 当年财政拨款, 其他资金; both forms in 万元) becomes its proposed
/// 全年执行数 where the self-evaluation has none. Indicators are matched by name (<see cref="ProjectNames.Key"/>);
/// one the monitoring does not have, or a forecast or cause left empty, stays empty. Nothing else changes.
/// </summary>
public static class MonitoringCarryOver
{
    /// <summary>Between the ticked causes and the explanation in the deviation text: <c>经费保障、人员保障：…</c>.</summary>
    public const string CauseSeparator = "：";

    public static PerformanceForm Apply(PerformanceForm evaluation, MonitoringForm monitoring)
    {
        var byName = monitoring.Indicators.GroupBy(i => ProjectNames.Key(i.Name)).ToDictionary(g => g.Key, g => g.First());
        return evaluation with
        {
            Indicators = [.. evaluation.Indicators.Select(i => byName.TryGetValue(ProjectNames.Key(i.Name), out var m) ? Carried(i, m) : i)],
            Budget = evaluation.Budget is { } budget ? budget with
            {
                Total = Carried(budget.Total, monitoring.Budget.Total),
                CurrentYear = Carried(budget.CurrentYear, monitoring.Budget.CurrentYear),
                Other = Carried(budget.Other, monitoring.Budget.Other),
            } : null,
        };
    }

    /// <summary>A money row with the monitoring's 全年预计执行数 as its 全年执行数, unless it has one or the monitoring has no forecast.</summary>
    private static BudgetRow? Carried(BudgetRow? row, MonitoringBudgetRow? monitored) =>
        row is null || row.Executed is not null || monitored?.Forecast is not { } forecast ? row : row with { Executed = forecast };

    /// <summary>The deviation analysis of a monitored indicator in words: the causes' labels, then the explanation; null when neither is there.</summary>
    public static string? Deviation(MonitoringIndicator indicator)
    {
        var causes = indicator.Causes.Count == 0 ? null : string.Join('、', indicator.Causes.Select(c => c.Label()));
        var text = string.IsNullOrWhiteSpace(indicator.CauseText) ? null : indicator.CauseText.Trim();
        return causes is null ? text : text is null ? causes : causes + CauseSeparator + text;
    }

    private static Indicator Carried(Indicator indicator, MonitoringIndicator monitored)
    {
        var forecast = string.IsNullOrWhiteSpace(monitored.Forecast) ? null : monitored.Forecast.Trim();
        return indicator with
        {
            Actual = forecast ?? indicator.Actual,
            ActualValue = forecast is null ? indicator.ActualValue : ValueGrammar.Parse(forecast),
            Deviation = Deviation(monitored) ?? indicator.Deviation,
        };
    }
}
