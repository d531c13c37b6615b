using Jixiao.Domain.Checks;
using Jixiao.Domain.Model;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Checks;

/// <summary>A seed self-evaluation with one figure altered yields the matching error, with expected and actual values.</summary>
public class PlantedErrorTests
{
    private const string Inspection = "药械化稽查综合检查"; // 002:623
    private const string Training = "局系统培训经费"; // 002:219

    private static Finding Only(IReadOnlyList<Finding> findings, string code) =>
        Assert.Single(findings, f => f.Code == code);

    private static Finding[] Errors(IReadOnlyList<Finding> findings, string form) =>
        findings.Where(f => f.Severity == Severity.Error && f.Form == form).ToArray();

    [Fact]
    public void Indicator_score()
    {
        var findings = SeedChecks.Altered(Seeds.File002, Inspection, f => f
            .WithIndicator("进博会药械化服务宣传资料", i => i with { Score = 0.64m })
            .WithTotal(93.43m));
        var f = Only(findings, "score.indicator-mismatch");
        Assert.Equal((675, "进博会药械化服务宣传资料", "0.63", "0.64"), (f.Line, f.Indicator, f.Expected, f.Actual));
        Assert.Contains("2.00 × 3135 / 10000 = 0.627 → 0.63 (half-up)", f.Message);
        Assert.Single(Errors(findings, Inspection));
    }

    [Fact]
    public void Total()
    {
        var f = Only(SeedChecks.Altered(Seeds.File002, Inspection, f => f.WithTotal(93.52m)), "score.total-mismatch");
        Assert.Equal((623, "93.42", "93.52"), (f.Line, f.Expected, f.Actual));
    }

    [Fact]
    public void Grade()
    {
        var findings = SeedChecks.Altered(Seeds.File002, Inspection, f => f with { Grade = "良" });
        var f = Only(findings, "grade.mismatch");
        Assert.Equal(("优", "良"), (f.Expected, f.Actual));
        Assert.Single(Errors(findings, Inspection));
    }

    [Fact]
    public void Budget_rate()
    {
        var findings = SeedChecks.Altered(Seeds.File002, Training, f => f with { Budget = f.Budget! with { Total = f.Budget.Total! with { Rate = 92.78m } } });
        var f = Only(findings, "budget.rate-mismatch");
        Assert.Equal(("91.78", "92.78"), (f.Expected, f.Actual));
        Assert.Single(Errors(findings, Training)); // the score still follows from the money: no score finding
    }

    [Fact]
    public void Budget_score_that_another_rounding_would_give_is_still_an_error()
    {
        // 9.178 → 9.18 is what half-up would print; the publisher's other forms show it truncates.
        var findings = SeedChecks.Altered(Seeds.File002, Training, f => f
            with { Budget = f.Budget! with { Total = f.Budget.Total! with { Score = 9.18m } }, TotalScore = 99.18m });
        var f = Only(findings, "budget.score-mismatch");
        Assert.Equal(("9.17", "9.18"), (f.Expected, f.Actual));
        Assert.Contains("(truncate)", f.Message);
    }

    [Fact]
    public void Budget_score_of_the_half_up_publisher()
    {
        var findings = SeedChecks.Altered(Seeds.File003, "医疗保险个人账户管理经费", f => f
            with { Budget = f.Budget! with { Total = f.Budget.Total! with { Score = 8.35m } }, TotalScore = 98.35m });
        var f = Only(findings, "budget.score-mismatch");
        Assert.Equal(("8.36", "8.35"), (f.Expected, f.Actual));
    }

    [Fact]
    public void Weights()
    {
        var findings = SeedChecks.Altered(Seeds.File002, Training, f => f.WithIndicator("培训人次", i => i with { Weight = 20m }));
        var f = Only(findings, "weights.sum");
        Assert.Equal(("100.00", "102.00"), (f.Expected, f.Actual));
    }

    [Fact]
    public void Deviation_removed()
    {
        var findings = SeedChecks.Altered(Seeds.File002, Inspection, f => f.WithIndicator("进博会药械化服务宣传资料", i => i with { Deviation = null }));
        var f = Only(findings, "deviation.missing");
        Assert.Equal((675, Severity.Warning), (f.Line, f.Severity));
    }

    [Fact]
    public void Actual_in_another_unit_is_reported_and_not_scored()
    {
        var findings = SeedChecks.Altered(Seeds.File002, Inspection, f => f.WithIndicator("进博会药械化服务宣传资料",
            i => i with { ActualValue = i.ActualValue! with { Unit = "套" } }));
        var f = Only(findings, "actual.unit-mismatch");
        Assert.Equal(("份", "套"), (f.Expected, f.Actual));
        Assert.DoesNotContain(findings, x => x.Code == "score.indicator-mismatch");
    }

    [Fact]
    public void Funds_parts()
    {
        var findings = SeedChecks.Altered(Seeds.File004, "举报奖励费", f => f with { Funds = f.Funds! with { CurrentYear = 9000m } });
        var f = Only(findings, "funds.sum");
        Assert.Equal(("9000", "10000"), (f.Expected, f.Actual));
    }

    [Fact]
    public void A_childs_altered_amount_breaks_the_parents_sum()
    {
        var findings = SeedChecks.Altered(Seeds.File004, "举报奖励费", f => f with { Funds = f.Funds! with { AnnualTotal = 12000m, CurrentYear = 12000m } });
        var f = Only(findings, "funds.parent-children");
        Assert.Equal((267, "医保监管", "366900", "364900"), (f.Line, f.Form, f.Expected, f.Actual));
    }

    [Fact]
    public void Unit_cost_altered_in_a_project_that_held()
    {
        var findings = SeedChecks.Altered(Seeds.File004, "第三方专业服务", f => f.WithIndicator("定点医疗机构辅助检查（结算金额1一亿以下）",
            i => i.TargetValue.Unit == "家" ? i with { TargetValue = i.TargetValue with { Number = 35m } } : i));
        var f = Assert.Single(findings, f => f.Code == "cost.unit-times-quantity" && f.Form == "第三方专业服务");
        Assert.Equal(("170628.5", "173936"), (f.Expected, f.Actual)); // 2051×16 + 3307.5×35 + 5512.5×4
    }
}

internal static class FormEdits
{
    public static PerformanceForm WithTotal(this PerformanceForm form, decimal total) => form with { TotalScore = total };
}
