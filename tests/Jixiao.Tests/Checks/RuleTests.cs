using System.Text.Json;
using Jixiao.Domain.Checks;
using Jixiao.Domain.Checks.Rules;
using Jixiao.Domain.Model;
using Jixiao.Domain.Values;
using Jixiao.Formats.Json;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Checks;

/// <summary>Rules and their vocabulary on small made-up forms; options; the findings JSON.</summary>
public class RuleTests
{
    private static Indicator Ind(string level1, string name, string target, int line = 10) =>
        new(level1, "", name, target, ValueGrammar.Parse(target), Line: line);

    private static PerformanceForm Target(params Indicator[] indicators) => new()
    {
        Kind = FormKind.Target,
        Name = "测试项目",
        Year = 2024,
        Line = 1,
        Indicators = indicators,
        Funds = new Funds(1000m, 1000m, 0m, 0m),
    };

    private static IReadOnlyList<Finding> Run(FormRule rule, PerformanceForm form)
    {
        var only = new CheckOptions { Disabled = RuleCatalogue.All.Where(r => r.Code != rule.Code).Select(r => r.Code).ToHashSet() };
        return Checker.Check(form, "t.txt", only);
    }

    [Fact]
    public void The_catalogue_has_exactly_the_codes_of_checks_md()
    {
        string[] codes =
        [
            "budget.rate-mismatch", "budget.score-mismatch", "score.indicator-mismatch", "score.total-mismatch", "weights.sum",
            "grade.mismatch", "deviation.missing", "actual.unit-mismatch", "actual.far-above-target",
            "indicators.missing-level1", "indicators.no-quantitative", "indicators.misplaced", "target.missing-value",
            "target.unit-suspicious", "target.vague", "text.placeholder", "form.duplicate", "form.same-content",
            "funds.sum", "funds.parent-children", "cost.unit-times-quantity", "target.lowered", "project.renamed",
        ];
        Assert.Equal(codes.Order(), RuleCatalogue.All.Select(r => r.Code).Order());
    }

    [Theory]
    [InlineData("提升", true)]
    [InlineData("逐步提高", true)]
    [InlineData("有所提升", true)]
    [InlineData("同比有所提升", true)]
    [InlineData("稳中有升", true)]
    [InlineData("趋于完善", true)]
    [InlineData("更加健全", true)]
    [InlineData("保持", true)]
    [InlineData("完善", false)]
    [InlineData("建立健全", false)]
    [InlineData("及时", false)]
    [InlineData("有效", false)]
    [InlineData("影响力扩大", false)]
    [InlineData("提高企业信用意识，督促企业落实主体责任", false)]
    public void Vague_targets(string target, bool vague) => Assert.Equal(vague, Vocabulary.IsVague(target));

    [Theory]
    [InlineData("把审计监督成效转化成治理效能。（描述一下主要产出目标情况）。3、鼓励", "（描述一下主要产出目标情况）")]
    [InlineData("请填写项目概况", "请填写项目概况")]
    [InlineData("通过购买第三方专业服务对医保定点医疗机构开展辅助检查。", null)]
    public void Placeholders(string text, string? found) => Assert.Equal(found, Vocabulary.FindPlaceholder(text));

    [Fact]
    public void A_satisfaction_indicator_outside_满意度()
    {
        var f = Assert.Single(Run(new Misplaced(), Target(Ind(IndicatorLevels.Benefit, "参保人员满意度", "≥90%"))));
        Assert.Equal("indicators.misplaced", f.Code);
        Assert.Empty(Run(new Misplaced(), Target(Ind(IndicatorLevels.Satisfaction, "参保人员满意度", "≥90%"))));
    }

    [Fact]
    public void Missing_level1_depends_on_the_policy_year()
    {
        var noCost = Target(Ind(IndicatorLevels.Output, "数量", "≥1(次)"), Ind(IndicatorLevels.Benefit, "效益", "≥1(次)"), Ind(IndicatorLevels.Satisfaction, "满意度", "≥90%"));
        var f = Assert.Single(Run(new MissingLevel1(), noCost));
        Assert.Contains("成本指标", f.Message);
        Assert.Empty(Run(new MissingLevel1(), noCost with { Year = 2023 }));
    }

    [Fact]
    public void All_qualitative()
    {
        Assert.Single(Run(new NoQuantitative(), Target(Ind(IndicatorLevels.Output, "质量", "规范"), Ind(IndicatorLevels.Benefit, "效益", "提升"))));
        Assert.Empty(Run(new NoQuantitative(), Target(Ind(IndicatorLevels.Output, "质量", "规范"), Ind(IndicatorLevels.Satisfaction, "满意度", "≥90%"))));
    }

    [Fact]
    public void Unit_cost_needs_an_unambiguous_quantity()
    {
        var form = Target(
            Ind(IndicatorLevels.Cost, "检查成本", "=100(元/家)"),
            Ind(IndicatorLevels.Output, "检查家数", "=9(家)"));
        var f = Assert.Single(Run(new CostUnitTimesQuantity(), form));
        Assert.Equal(("900", "1000"), (f.Expected, f.Actual));
        Assert.Empty(Run(new CostUnitTimesQuantity(), form with { Funds = new Funds(900m, 900m, 0m, 0m) }));
        // Two lone unit costs of one unit: which quantity is whose cannot be told, so nothing is said.
        Assert.Empty(Run(new CostUnitTimesQuantity(), form with { Indicators = [.. form.Indicators, Ind(IndicatorLevels.Cost, "审计成本", "=50(元/家)")] }));
        // A unit cost without any quantity of its unit is not judged either.
        Assert.Empty(Run(new CostUnitTimesQuantity(), Target(Ind(IndicatorLevels.Cost, "备药成本", "=20000(元/季度)"), Ind(IndicatorLevels.Output, "配备次数", "=4(次)"))));
    }

    [Fact]
    public void Options_disable_rules_and_override_severities()
    {
        var form = Seeds.Form(Seeds.File001, "医药集中招标采购工作经费");
        Assert.Contains(Checker.Check(form), f => f.Code == "target.missing-value" && f.Severity == Severity.Error);

        var disabled = Checker.Check(form, options: new CheckOptions { Disabled = new HashSet<string> { "target.missing-value" } });
        Assert.DoesNotContain(disabled, f => f.Code == "target.missing-value");

        var softened = Checker.Check(form, options: new CheckOptions { Severities = new Dictionary<string, Severity> { ["target.missing-value"] = Severity.Warning } });
        Assert.Contains(softened, f => f.Code == "target.missing-value" && f.Severity == Severity.Warning);

        Assert.Equal(["no.such-rule"], Checker.UnknownCodes(new CheckOptions { Disabled = new HashSet<string> { "no.such-rule", "target.vague" } }));
    }

    [Fact]
    public void A_single_form_is_checked_on_its_own()
    {
        var findings = Checker.Check(Seeds.Form(Seeds.File001, "机关服务管理费"), Seeds.File001);
        Assert.Contains(findings, f => f.Code == "indicators.misplaced" && f.Line == 229 && f.Source == Seeds.File001);
        Assert.DoesNotContain(findings, f => RuleCatalogue.Find(f.Code) is FormSetRule);
    }

    [Fact]
    public void Findings_json()
    {
        var json = FindingsJson.ToJson(Checker.Check(Seeds.Form(Seeds.File001, "医药集中招标采购工作经费"), Seeds.File001));
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("jixiao.findings/1", doc.RootElement.GetProperty("schema").GetString());
        var f = doc.RootElement.GetProperty("findings").EnumerateArray().Single(e => e.GetProperty("code").GetString() == "target.missing-value");
        Assert.Equal("error", f.GetProperty("severity").GetString());
        Assert.Equal(Seeds.File001, f.GetProperty("source").GetString());
        Assert.Equal(898, f.GetProperty("line").GetInt32());
        Assert.Equal("医药集中招标采购工作经费", f.GetProperty("form").GetString());
        Assert.Equal("提升本市药品、医用耗材交易市场化水平", f.GetProperty("indicator").GetString());
        Assert.Equal(JsonValueKind.Null, f.GetProperty("expected").ValueKind);
        Assert.Contains("未填写", json); // Chinese is written as is, not \u-escaped
    }

    [Theory]
    [InlineData("医疗保险社会服务管理费", "医疗保险社会服务管理经费", true)]
    [InlineData("医疗保险档案管理经费", "医疗保险基金管理经费", false)]
    public void Renamed_projects_across_years(string before, string after, bool renamed)
    {
        SourcedForm Form(string name, int year) => new("t.txt", Target() with { Name = name, Year = year, Unit = "某单位" });
        var pairs = CrossYearMatcher.Pairs([Form(before, 2023), Form(after, 2024)]).ToList();
        Assert.Equal(renamed, pairs.Count == 1 && pairs[0].Renamed);
    }
}
