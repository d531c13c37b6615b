using Jixiao.Domain.Model;
using Jixiao.Domain.Monitoring;
using static Jixiao.Tests.Monitoring.MonitoringSample;

namespace Jixiao.Tests.Monitoring;

public class MonitoringBudgetTests
{
    private static readonly MonitoringPolicy Policy = MonitoringPolicy.Monitoring2025;

    [Theory]
    [InlineData(1, "8.33")]
    [InlineData(2, "16.66")]
    [InlineData(3, "25.00")]
    [InlineData(4, "33.33")]
    [InlineData(5, "41.66")]
    [InlineData(6, "50.00")]
    [InlineData(7, "58.33")]
    [InlineData(8, "66.66")]
    [InlineData(9, "75.00")]
    [InlineData(10, "83.33")]
    [InlineData(11, "91.66")]
    [InlineData(12, "100.00")]
    public void Time_progress_is_months_over_twelve_truncated(int through, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), MonitoringAssessor.TimeProgress(through, Policy));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), MonitoringAssessor.Assess(Form(through: through), Policy).Budget.TimeProgress);
    }

    [Fact]
    public void The_rate_is_truncated_and_based_on_full_when_given_else_initial()
    {
        Assert.Equal(36.26m, MonitoringAssessor.Rate(new MonitoringBudgetRow(83m, null, 30.10m, null, null), Policy)); // 36.2650…
        Assert.Equal(33.33m, MonitoringAssessor.Rate(new MonitoringBudgetRow(50m, 90m, 30m, null, null), Policy)); // full 90, not initial 50
        Assert.Equal(60m, MonitoringAssessor.Rate(new MonitoringBudgetRow(50m, 90m, 30m, null, null), Policy with { PreferFullBudget = false }));
        var a = MonitoringAssessor.Assess(Form(initial: 50m, full: 90m, executed: 30m), Policy).Budget;
        Assert.Equal(90m, a.Base);
        Assert.Equal("调整后预算数", a.BaseLabel);
        Assert.Equal("年初预算数", MonitoringAssessor.Assess(Form(initial: 50m, executed: 30m), Policy).Budget.BaseLabel);
    }

    [Theory]
    [InlineData("40.00", Light.Green)] // lag exactly 10: not above 10
    [InlineData("39.99", Light.Yellow)] // lag 10.01
    [InlineData("25.00", Light.Yellow)] // lag exactly 25: not above 25
    [InlineData("24.99", Light.Red)] // lag 25.01
    [InlineData("80.00", Light.Green)] // ahead
    public void Lag_thresholds_are_strictly_above_10_and_25(string executed, Light expected)
    {
        var form = Form(through: 6, executed: decimal.Parse(executed, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, MonitoringAssessor.Assess(form, Policy).Budget.Light);
    }

    [Theory]
    [InlineData("60.00", Light.Yellow)] // exactly 60 %: not red, but below 90 %
    [InlineData("59.99", Light.Red)]
    [InlineData("90.00", Light.Green)] // exactly 90 %: green
    [InlineData("89.99", Light.Yellow)]
    public void Forecast_thresholds_are_strictly_below_60_and_90_percent_of_base(string forecast, Light expected)
    {
        var form = Form(through: 6, executed: 50m, forecast: decimal.Parse(forecast, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, MonitoringAssessor.Assess(form, Policy).Budget.Light);
    }

    [Fact]
    public void The_forecast_is_compared_with_the_full_budget_when_given()
    {
        // 85 is 94 % of the initial 90 but 85 % of the adjusted 100: yellow.
        Assert.Equal(Light.Yellow, MonitoringAssessor.Assess(Form(through: 6, initial: 90m, full: 100m, executed: 50m, forecast: 85m), Policy).Budget.Light);
        Assert.Equal(Light.Green, MonitoringAssessor.Assess(Form(through: 6, initial: 90m, executed: 50m, forecast: 85m), Policy).Budget.Light);
    }

    [Fact]
    public void A_missing_forecast_counts_as_meeting_it()
    {
        Assert.Equal(Light.Green, MonitoringAssessor.Assess(Form(through: 6, executed: 50m, forecast: null), Policy).Budget.Light);
    }

    [Fact]
    public void Thresholds_are_settings_of_the_policy()
    {
        var strict = Policy with { YellowLag = 5m, RedLag = 8m };
        Assert.Equal(Light.Red, MonitoringAssessor.Assess(Form(through: 6, executed: 41m), strict).Budget.Light);
        Assert.Equal(Light.Green, MonitoringAssessor.Assess(Form(through: 6, executed: 41m), Policy).Budget.Light);
    }

    [Fact]
    public void Reasons_say_the_figures_in_words()
    {
        var lagging = MonitoringAssessor.Assess(Form(through: 7, initial: 83m, executed: 30.10m), Policy).Budget;
        Assert.Equal("执行率 36.26% 落后时间进度 58.33% 22.07 个百分点 → 黄", lagging.Reason);

        var level = MonitoringAssessor.Assess(Form(through: 6, executed: 50m), Policy).Budget;
        Assert.Equal("执行率 50.00% 与时间进度 50.00% 持平 → 绿", level.Reason);

        var ahead = MonitoringAssessor.Assess(Form(through: 6, executed: 62.5m), Policy).Budget;
        Assert.Equal("执行率 62.50% 超前时间进度 50.00% 12.50 个百分点 → 绿", ahead.Reason);

        var forecast = MonitoringAssessor.Assess(Form(through: 6, initial: 90m, full: 100m, executed: 50m, forecast: 55m), Policy).Budget;
        Assert.Equal("执行率 50.00% 与时间进度 50.00% 持平；全年预计执行数 55.00 万元为调整后预算数 100.00 万元的 55.00%，低于 60% → 红", forecast.Reason);

        var yellow = MonitoringAssessor.Assess(Form(through: 6, executed: 50m, forecast: 80m), Policy).Budget;
        Assert.Equal("执行率 50.00% 与时间进度 50.00% 持平；全年预计执行数 80.00 万元为年初预算数 100.00 万元的 80.00%，低于 90% → 黄", yellow.Reason);
    }

    [Fact]
    public void A_printed_rate_that_differs_is_a_rate_mismatch()
    {
        Assert.DoesNotContain(MonitoringAssessor.Assess(Form(initial: 83m, executed: 30.10m, rate: 36.26m), Policy).Findings, f => f.Code == MonitoringAssessor.RateMismatch);
        var f = Assert.Single(MonitoringAssessor.Assess(Form(initial: 83m, executed: 30.10m, rate: 36.27m), Policy, "m.json").Findings, f => f.Code == MonitoringAssessor.RateMismatch);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal(("36.26", "36.27", "m.json", 3), (f.Expected, f.Actual, f.Source, f.Line));
        Assert.Equal("1–7月执行率填报 36.27%，按执行数 30.10 ÷ 年初预算数 83.00 × 100（truncate）应为 36.26%", f.Message);
    }

    [Fact]
    public void A_budget_light_that_is_not_green_needs_a_cause_text()
    {
        var missing = MonitoringAssessor.Assess(Form(through: 7, initial: 83m, executed: 30.10m, causeText: " "), Policy).Findings;
        var f = Assert.Single(missing, f => f.Code == MonitoringAssessor.BudgetCauseMissing);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Equal("预算执行为黄灯（执行率 36.26% 落后时间进度 58.33% 22.07 个百分点），未说明执行偏差原因及改进措施（budget.total.causeText）", f.Message);
        Assert.DoesNotContain(MonitoringAssessor.Assess(Form(through: 7, initial: 83m, executed: 30.10m), Policy).Findings, f => f.Code == MonitoringAssessor.BudgetCauseMissing);
        Assert.DoesNotContain(MonitoringAssessor.Assess(Form(through: 6, executed: 50m, causeText: null), Policy).Findings, f => f.Code == MonitoringAssessor.BudgetCauseMissing);
    }

    [Fact]
    public void Executed_above_the_budget_is_a_warning_not_a_block()
    {
        var a = MonitoringAssessor.Assess(Form(through: 12, executed: 101m), Policy);
        var f = Assert.Single(a.Findings, f => f.Code == MonitoringAssessor.OverExecuted);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Equal(101m, a.Budget.Rate);
        Assert.Equal(Light.Green, a.Budget.Light);
        Assert.DoesNotContain(MonitoringAssessor.Assess(Form(through: 12, executed: 100m), Policy).Findings, f => f.Code == MonitoringAssessor.OverExecuted);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    [InlineData(-1)]
    public void A_month_outside_1_to_12_is_refused(int through)
    {
        var p = Assert.Single(MonitoringValidation.Problems(Form(through: through)));
        Assert.Equal("through", p.Field);
        Assert.Equal($"截至月份须为 1 到 12 的整数，实为 {through}", p.Message);
        Assert.Throws<ArgumentException>(() => MonitoringAssessor.Assess(Form(through: through)));
    }

    [Fact]
    public void Negative_amounts_a_zero_budget_and_a_missing_executed_are_refused()
    {
        Assert.Equal(["budget.total.executed"], MonitoringValidation.Problems(Form(executed: -1m)).Select(p => p.Field));
        Assert.Equal(["budget.total.forecast"], MonitoringValidation.Problems(Form(forecast: -5m)).Select(p => p.Field));
        Assert.Equal(["budget.total.initial"], MonitoringValidation.Problems(Form(initial: 0m)).Select(p => p.Field));
        Assert.Equal(["budget.total.full"], MonitoringValidation.Problems(Form(full: 0m)).Select(p => p.Field));
        var noExecuted = Form() with { Budget = new MonitoringBudget(new MonitoringBudgetRow(100m, null, null, null, null)) };
        Assert.Equal(["budget.total.executed"], MonitoringValidation.Problems(noExecuted).Select(p => p.Field));
        Assert.Equal(["budget.total"], MonitoringValidation.Problems(Form() with { Budget = new MonitoringBudget(null) }).Select(p => p.Field));
    }
}
