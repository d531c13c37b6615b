using System.Text.Json;
using Jixiao.Domain.Model;
using Jixiao.Domain.Monitoring;
using Jixiao.Formats.Json;

namespace Jixiao.Tests.Monitoring;

public class MonitoringJsonTests
{
    private static MonitoringDocument Sample() => Assert.Single(MonitoringJson.Read(File.ReadAllText(MonitoringSample.Path), "sample-monitoring.json"));

    [Fact]
    public void The_sample_is_read_field_by_field()
    {
        var form = Assert.Single(Sample().Forms);
        Assert.Equal((2023, 7, 1, "组织人事专项", "上海市医疗保障局", "158"), (form.Year, form.Through, form.Line, form.Name, form.Unit, form.DepartmentCode));
        Assert.Equal(new MonitoringBasis("组织人事专项", 2023), form.BasedOn);
        Assert.Equal(new MonitoringBudgetRow(30.06m, null, 10.90m, 36.26m, 28.00m, "培训集中在下半年，9月起按计划支付。"), form.Budget.Total);
        Assert.Equal(new MonitoringBudgetRow(0m, null, 0m, null, 0m), form.Budget.Other);
        Assert.StartsWith("完成新进人员培训1次", form.GoalProgress);
        Assert.Equal(7, form.Indicators.Count);
        var last = form.Indicators[6];
        Assert.Equal(("满意度指标", "服务对象满意度指标", "培训人员满意度", "≥85.00(%)", "80(%)", "80(%)"), (last.Level1, last.Level2, last.Name, last.Target, last.Actual, last.Forecast));
        Assert.Equal([DeviationCause.Staffing, DeviationCause.Hardware], last.Causes);
        Assert.Equal(Likelihood.Impossible, last.Likelihood);
        Assert.Equal(85m, last.TargetValue.Number);
        Assert.Equal("单位填错", form.Indicators[3].Note);
    }

    [Fact]
    public void Writing_and_reading_back_keeps_every_field()
    {
        var first = Sample();
        var json = MonitoringJson.ToJson(first);
        var second = Assert.Single(MonitoringJson.Read(json, "x.json"));
        Assert.Equal(json, MonitoringJson.ToJson(second));
        var (a, b) = (first.Forms[0], second.Forms[0]);
        Assert.Equal((a.Year, a.Through, a.Line, a.Name, a.Department, a.Unit, a.DepartmentCode, a.BasedOn, a.Goal, a.GoalProgress),
            (b.Year, b.Through, b.Line, b.Name, b.Department, b.Unit, b.DepartmentCode, b.BasedOn, b.Goal, b.GoalProgress));
        Assert.Equal(a.Budget, b.Budget);
        for (var k = 0; k < a.Indicators.Count; k++)
        {
            var (x, y) = (a.Indicators[k], b.Indicators[k]);
            Assert.Equal((x.Level1, x.Level2, x.Name, x.Target, x.TargetValue, x.Actual, x.Forecast, x.CauseText, x.Likelihood, x.Note, x.Line),
                (y.Level1, y.Level2, y.Name, y.Target, y.TargetValue, y.Actual, y.Forecast, y.CauseText, y.Likelihood, y.Note, y.Line));
            Assert.Equal(x.Causes, y.Causes);
        }

        using var doc = JsonDocument.Parse(json);
        var form = doc.RootElement.GetProperty("forms")[0];
        Assert.Equal("monitoring", form.GetProperty("kind").GetString());
        Assert.Equal("30.06", form.GetProperty("budget").GetProperty("total").GetProperty("initial").GetRawText());
        Assert.Equal("≥", form.GetProperty("indicators")[1].GetProperty("targetValue").GetProperty("op").GetString());
        Assert.False(form.TryGetProperty("monitoring", out _));
    }

    [Fact]
    public void Other_forms_of_the_document_are_kept_in_place()
    {
        var json = """
            { "schema": "jixiao.disclosure/1", "source": "m.json", "forms": [
              { "kind": "target", "year": 2025, "name": "甲", "indicators": [] },
              { "kind": "monitoring", "year": 2025, "through": 6, "name": "乙", "budget": { "total": { "initial": 10, "executed": 5 } } },
              { "kind": "selfEvaluation", "year": 2024, "name": "丙", "indicators": [] } ] }
            """;
        var doc = Assert.Single(MonitoringJson.Read(json, "m.json"));
        Assert.Equal("乙", Assert.Single(doc.Forms).Name);
        using var written = JsonDocument.Parse(MonitoringJson.ToJson(doc));
        Assert.Equal(["target", "monitoring", "selfEvaluation"], written.RootElement.GetProperty("forms").EnumerateArray().Select(f => f.GetProperty("kind").GetString()));

        // The disclosure reader leaves the monitoring form out rather than reading it as a target.
        var disclosure = Assert.Single(DisclosureJson.Read(json, "m.json"));
        Assert.Equal(["甲", "丙"], disclosure.Forms.Select(f => f.Name));
        Assert.Contains(disclosure.Diagnostics, d => d.Code == "monitoring-forms" && d.Severity == Severity.Info);
    }

    [Fact]
    public void The_annotation_carries_the_lights_and_reasons()
    {
        var doc = Sample();
        var assessment = MonitoringAssessor.Assess(doc.Forms[0]);
        using var json = JsonDocument.Parse(MonitoringJson.ToJson(doc, _ => assessment));
        var form = json.RootElement.GetProperty("forms")[0];
        var m = form.GetProperty("monitoring");
        Assert.Equal("monitoring-2025", m.GetProperty("policy").GetString());
        Assert.Equal(58.33m, m.GetProperty("timeProgress").GetDecimal());
        Assert.Equal(36.26m, m.GetProperty("rate").GetDecimal());
        Assert.Equal("yellow", m.GetProperty("budgetLight").GetString());
        Assert.Equal("red", m.GetProperty("light").GetString());
        Assert.Equal("执行率 36.26% 落后时间进度 58.33% 22.07 个百分点 → 黄", m.GetProperty("budgetReason").GetString());
        Assert.Equal(["green", "red", "green", "yellow", "yellow", "green", "red"],
            form.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("light").GetString()));
    }

    [Theory]
    [InlineData("\"through\": 13", "forms[0].through", "截至月份须为 1 到 12 的整数，实为 13")]
    [InlineData("\"through\": 0", "forms[0].through", "截至月份须为 1 到 12 的整数，实为 0")]
    [InlineData("\"through\": 7.5", "forms[0].through", "截至月份须为整数，实为 7.5")]
    [InlineData("\"through\": null", "forms[0].through", "缺少截至月份（1–12）")]
    [InlineData("\"executed\": \"abc\"", "forms[0].budget.total.executed", "金额须为数字，实为 \"abc\"")]
    [InlineData("\"executed\": -1", "forms[0].budget.total.executed", "执行数不能为负数，实为 -1")]
    [InlineData("\"forecast\": true", "forms[0].budget.total.forecast", "金额须为数字，实为 true")]
    [InlineData("\"likelihood\": \"maybe\"", "forms[0].indicators[0].likelihood", "完成目标可能性“maybe”不在 certain、possible、impossible 之中")]
    [InlineData("\"causes\": [\"funding\", \"money\"]", "forms[0].indicators[0].causes[1]", "偏差原因“money”不在 funding、policy、staffing、hardware、other 之中")]
    [InlineData("\"causes\": \"funding\"", "forms[0].indicators[0].causes", "须为数组，取值 funding、policy、staffing、hardware、other")]
    public void Bad_input_names_the_field(string replacement, string field, string message)
    {
        var problem = Assert.Single(Assert.Throws<MonitoringInputException>(() => MonitoringJson.Read(Bad(replacement), "bad.json")).Problems);
        Assert.Equal((field, message), (problem.Field, problem.Message));
    }

    /// <summary>A valid one-form document with one field replaced.</summary>
    internal static string Bad(string replacement)
    {
        var fields = new Dictionary<string, string>
        {
            ["through"] = "\"through\": 7",
            ["executed"] = "\"executed\": 30",
            ["forecast"] = "\"forecast\": 90",
            ["likelihood"] = "\"likelihood\": \"possible\"",
            ["causes"] = "\"causes\": [\"funding\"]",
        };
        var key = replacement[1..replacement.IndexOf('"', 1)];
        fields[key] = replacement;
        return $$"""
            { "schema": "jixiao.disclosure/1", "source": "bad.json", "forms": [ { "kind": "monitoring", "year": 2025, {{fields["through"]}}, "name": "项目",
              "budget": { "total": { "initial": 100, {{fields["executed"]}}, "rate": 30, {{fields["forecast"]}}, "causeText": "x" } },
              "indicators": [ { "name": "满意度", "target": "≥90%", "forecast": "80%", {{fields["likelihood"]}}, {{fields["causes"]}}, "causeText": "y" } ] } ] }
            """;
    }
}
