using Jixiao.Domain.Model;
using Jixiao.Domain.Monitoring;
using static Jixiao.Tests.Monitoring.MonitoringSample;

namespace Jixiao.Tests.Monitoring;

public class MonitoringIndicatorTests
{
    private static IndicatorAssessment Light(MonitoringIndicator indicator) =>
        MonitoringAssessor.Assess(Form(through: 6, executed: 50m, indicators: indicator)).Indicators[0];

    private static IReadOnlyList<Jixiao.Domain.Checks.Finding> Findings(MonitoringIndicator indicator) =>
        MonitoringAssessor.Assess(Form(through: 6, executed: 50m, indicators: indicator)).Findings;

    [Theory]
    [InlineData("≥95(%)", "95%", Domain.Monitoring.Light.Green)]
    [InlineData("≥95(%)", "94.99%", Domain.Monitoring.Light.Red)]
    [InlineData(">95(%)", "95%", Domain.Monitoring.Light.Red)] // > is strict
    [InlineData(">95(%)", "95.01%", Domain.Monitoring.Light.Green)]
    [InlineData("=3(次)", "3(次)", Domain.Monitoring.Light.Green)]
    [InlineData("=3(次)", "2(次)", Domain.Monitoring.Light.Red)]
    [InlineData("=3(次)", "4(次)", Domain.Monitoring.Light.Green)] // as scoring.md: above an = target is met
    [InlineData("≤5(个工作日)", "5(个工作日)", Domain.Monitoring.Light.Green)]
    [InlineData("≤5(个工作日)", "5.01(个工作日)", Domain.Monitoring.Light.Red)]
    [InlineData("<5(个工作日)", "5(个工作日)", Domain.Monitoring.Light.Red)] // < is strict
    [InlineData("<5(个工作日)", "4.99(个工作日)", Domain.Monitoring.Light.Green)]
    [InlineData("=0(起)", "0(起)", Domain.Monitoring.Light.Green)]
    [InlineData("=0(起)", "1(起)", Domain.Monitoring.Light.Red)]
    public void A_forecast_is_compared_with_the_target_by_its_operator(string target, string forecast, Light expected)
    {
        Assert.Equal(expected, Light(Indicator(target, forecast, likelihood: null)).Light);
    }

    [Theory]
    [InlineData("≥95(%)", "96(％)")] // full-width percent
    [InlineData("≥95%", "96（%）")] // full-width brackets
    [InlineData("≥95(%)", "96百分比")]
    [InlineData("≥95(%)", "96")] // a bare number is read in the target's unit
    public void Units_compare_without_brackets_and_full_width_forms(string target, string forecast)
    {
        Assert.Equal(Domain.Monitoring.Light.Green, Light(Indicator(target, forecast)).Light);
        Assert.Empty(Findings(Indicator(target, forecast)));
    }

    [Fact]
    public void Different_units_are_yellow_and_a_unit_mismatch()
    {
        var indicator = Indicator("=100.00(%)", "100(个)", causes: [DeviationCause.Other], causeText: "填错单位");
        var a = Light(indicator);
        Assert.Equal(Domain.Monitoring.Light.Yellow, a.Light);
        Assert.Equal("全年预计完成值 100(个) 与年度指标值 =100.00(%) 单位不同（个 / %），无法比较 → 黄", a.Reason);
        var f = Assert.Single(Findings(indicator));
        Assert.Equal((MonitoringAssessor.UnitMismatch, Severity.Warning, "%", "个", 9), (f.Code, f.Severity, f.Expected, f.Actual, f.Line));
    }

    [Fact]
    public void Impossible_is_red_possible_or_a_missing_forecast_yellow()
    {
        Assert.Equal("完成目标可能性为“完全不可能” → 红", Light(Indicator("≥95(%)", "96%", Likelihood.Impossible)).Reason);
        Assert.Equal("完成目标可能性为“有可能” → 黄", Light(Indicator("≥95(%)", "96%", Likelihood.Possible)).Reason);
        Assert.Equal("未填全年预计完成值 → 黄", Light(Indicator("≥95(%)", null)).Reason);
        Assert.Equal("未填全年预计完成值 → 黄", Light(Indicator("≥95(%)", " ")).Reason);
        Assert.Equal("全年预计完成值“待定”不是数值，无法与年度指标值 ≥95(%) 比较 → 黄", Light(Indicator("≥95(%)", "待定")).Reason);
        Assert.Equal("完成目标可能性为“完全不可能”；全年预计完成值 90% 未达到年度指标值 ≥95(%) → 红", Light(Indicator("≥95(%)", "90%", Likelihood.Impossible)).Reason);
        Assert.Equal("全年预计完成值 96% 达到年度指标值 ≥95(%)；完成目标可能性为“确定能” → 绿", Light(Indicator("≥95(%)", "96%")).Reason);
        Assert.Equal("全年预计完成值 96% 达到年度指标值 ≥95(%) → 绿", Light(Indicator("≥95(%)", "96%", likelihood: null)).Reason);
    }

    [Fact]
    public void Certain_with_a_failing_forecast_is_red_and_inconsistent()
    {
        var indicator = Indicator("≥1.00(次)", "0(次)", Likelihood.Certain, [DeviationCause.Funding], "预算调减");
        Assert.Equal("全年预计完成值 0(次) 未达到年度指标值 ≥1.00(次)，却填完成目标可能性为“确定能” → 红", Light(indicator).Reason);
        var f = Assert.Single(Findings(indicator));
        Assert.Equal(MonitoringAssessor.LikelihoodInconsistent, f.Code);
        Assert.Equal("完成目标可能性填“确定能”，但全年预计完成值 0(次) 未达到年度指标值 ≥1.00(次)", f.Message);
        Assert.DoesNotContain(Findings(Indicator("≥1.00(次)", "0(次)", Likelihood.Possible, [DeviationCause.Funding], "x")), x => x.Code == MonitoringAssessor.LikelihoodInconsistent);
    }

    [Theory]
    [InlineData(Likelihood.Impossible, Domain.Monitoring.Light.Red, "定性指标，完成目标可能性为“完全不可能” → 红")]
    [InlineData(Likelihood.Possible, Domain.Monitoring.Light.Yellow, "定性指标，完成目标可能性为“有可能” → 黄")]
    [InlineData(null, Domain.Monitoring.Light.Yellow, "定性指标，未填完成目标可能性 → 黄")]
    [InlineData(Likelihood.Certain, Domain.Monitoring.Light.Green, "定性指标，完成目标可能性为“确定能” → 绿")]
    public void A_qualitative_target_follows_the_likelihood(Likelihood? likelihood, Light expected, string reason)
    {
        var a = Light(Indicator("及时", "及时", likelihood));
        Assert.Equal((expected, reason), (a.Light, a.Reason));
    }

    [Fact]
    public void An_indicator_that_is_not_green_needs_a_cause_and_a_text()
    {
        var none = Assert.Single(Findings(Indicator("及时", null, Likelihood.Possible)));
        Assert.Equal((MonitoringAssessor.CauseMissing, Severity.Error), (none.Code, none.Severity));
        Assert.Equal("指标为黄灯，未勾选偏差原因，未说明原因及改进措施", none.Message);
        Assert.Equal("指标为红灯，未说明原因及改进措施", Assert.Single(Findings(Indicator("及时", null, Likelihood.Impossible, [DeviationCause.Staffing]))).Message);
        Assert.Equal("指标为黄灯，未勾选偏差原因", Assert.Single(Findings(Indicator("及时", null, Likelihood.Possible, causeText: "说明"))).Message);
        Assert.Empty(Findings(Indicator("及时", null, Likelihood.Possible, [DeviationCause.Policy], "说明")));
        Assert.Empty(Findings(Indicator("及时", null, Likelihood.Certain))); // green needs nothing
    }

    [Fact]
    public void The_form_light_is_the_worst_of_the_budget_and_the_indicators()
    {
        var green = Indicator("及时", null, Likelihood.Certain);
        var yellow = Indicator("及时", null, Likelihood.Possible, [DeviationCause.Other], "x");
        var red = Indicator("及时", null, Likelihood.Impossible, [DeviationCause.Other], "x");
        Assert.Equal(Domain.Monitoring.Light.Green, MonitoringAssessor.Assess(Form(through: 6, executed: 50m, indicators: [green, green])).Light);
        Assert.Equal(Domain.Monitoring.Light.Yellow, MonitoringAssessor.Assess(Form(through: 6, executed: 50m, indicators: [green, yellow])).Light);
        Assert.Equal(Domain.Monitoring.Light.Yellow, MonitoringAssessor.Assess(Form(through: 6, executed: 35m, indicators: [green])).Light); // budget yellow
        Assert.Equal(Domain.Monitoring.Light.Red, MonitoringAssessor.Assess(Form(through: 6, executed: 20m, indicators: [green])).Light); // budget red
        var a = MonitoringAssessor.Assess(Form(through: 6, executed: 50m, indicators: [green, yellow, red, red]));
        Assert.Equal(Domain.Monitoring.Light.Red, a.Light);
        Assert.Equal("预算执行 绿；指标 红 2 个、黄 1 个、绿 1 个 → 红", a.Reason);
        Assert.Equal("预算执行 绿；无指标 → 绿", MonitoringAssessor.Assess(Form(through: 6, executed: 50m)).Reason);
    }
}
