using Jixiao.Domain.Checks;
using Jixiao.Domain.Checks.Rules;
using Jixiao.Domain.Model;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Checks;

/// <summary>What the rules must find in the published seeds, and the near-identical twins they must leave alone.</summary>
public class SeedFindingsTests
{
    private static readonly string[] ArithmeticCodes =
    [
        "budget.rate-mismatch", "budget.score-mismatch", "score.indicator-mismatch", "score.total-mismatch",
        "weights.sum", "grade.mismatch", "deviation.missing", "actual.unit-mismatch", "funds.sum", "funds.parent-children",
    ];

    [Fact]
    public void No_arithmetic_finding_on_any_seed() =>
        Assert.DoesNotContain(SeedChecks.All, f => ArithmeticCodes.Contains(f.Code));

    [Fact]
    public void Every_finding_has_a_catalogue_code_a_line_and_a_chinese_message()
    {
        Assert.All(SeedChecks.All, f =>
        {
            Assert.NotNull(RuleCatalogue.Find(f.Code));
            Assert.True(f.Line > 0);
            Assert.NotNull(f.Form);
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", f.Message);
        });
    }

    [Fact]
    public void Target_missing_value_at_001_898_only() =>
        Assert.Equal([(Seeds.File001, 898)], SeedChecks.Of("target.missing-value").Select(f => (f.Source, f.Line)));

    [Fact]
    public void Misplaced_non_satisfaction_indicator_at_001_229()
    {
        Assert.True(SeedChecks.Has("indicators.misplaced", Seeds.File001, 229));
        Assert.True(SeedChecks.Has("indicators.misplaced", Seeds.File003, 2482)); // 参保人员对异地就医的满意度 under 生态效益
        // Twins: a satisfaction indicator next to it, complaints under 满意度 (002:490, 003:1046), 满足…要求 (003:465).
        Assert.False(SeedChecks.Has("indicators.misplaced", Seeds.File001, 230));
        Assert.False(SeedChecks.Has("indicators.misplaced", Seeds.File002, 490));
        Assert.False(SeedChecks.Has("indicators.misplaced", Seeds.File003, 1046));
        Assert.False(SeedChecks.Has("indicators.misplaced", Seeds.File003, 465));
    }

    [Theory]
    [InlineData(Seeds.File001, 72)] // 投诉率 ≤5.00(次)
    [InlineData(Seeds.File001, 176)] // 覆盖率 ≥100.00(人次)
    [InlineData(Seeds.File004, 1041)] // 有责投诉率 =100%
    public void Suspicious_rate_units(string file, int line) => Assert.True(SeedChecks.Has("target.unit-suspicious", file, line));

    [Theory]
    [InlineData(Seeds.File004, 59)] // 专家监督检查结果有责投诉率 =0%
    [InlineData(Seeds.File004, 541)] // 辅助检查结果有责投诉率 =0%
    [InlineData(Seeds.File001, 97)] // 微信公众号更新频率 ≥2.00(次): a frequency, not a rate
    [InlineData(Seeds.File003, 1046)] // 投诉率 ≤1.00(%)
    [InlineData(Seeds.File004, 221)] // 应奖尽奖率 =100.00(百分比)
    public void Sound_rates_are_left_alone(string file, int line) => Assert.False(SeedChecks.Has("target.unit-suspicious", file, line));

    [Fact]
    public void Placeholder_goals_in_several_004_forms()
    {
        var forms = SeedChecks.Of("text.placeholder").Where(f => f.Source == Seeds.File004).Select(f => f.Form).ToList();
        Assert.Equal(["医保基金专项审计", "医保监管", "第三方专业服务"], forms);
        Assert.All(SeedChecks.Of("text.placeholder"), f => Assert.Equal("（描述一下主要产出目标情况）", f.Actual));
        Assert.DoesNotContain("聘请医保专家劳务费", forms); // its goal is listed in 医保监管's, without the prompt
    }

    [Fact]
    public void Duplicates_in_004_differ_in_one_word_and_are_still_duplicates()
    {
        var duplicates = SeedChecks.Of("form.duplicate").ToList();
        Assert.Equal([(Seeds.File004, 670, "业务培训"), (Seeds.File004, 1416, "网络信息系统运行与维护")], duplicates.Select(f => (f.Source, f.Line, f.Form)));
        Assert.Contains("对街镇社区事务受理中心管理人员开展", duplicates[0].Message);
        Assert.Contains("提高", duplicates[1].Message);
    }

    [Fact]
    public void The_duplicate_decision_is_bounded()
    {
        var first = Seeds.Form(Seeds.File004, "业务培训", 0);
        var second = Seeds.Form(Seeds.File004, "业务培训", 1);
        Assert.NotNull(FormDuplicate.Describe(first, second));
        Assert.Contains("完全相同", FormDuplicate.Describe(first, first));

        // Other money, a second differing indicator, or a changed number make it another project.
        Assert.Null(FormDuplicate.Describe(first, second with { Funds = second.Funds! with { AnnualTotal = 61300m } }));
        Assert.Null(FormDuplicate.Describe(first, second.WithIndicator("宣传覆盖面", i => i with { Name = "宣传覆盖率" })));
        Assert.Null(FormDuplicate.Describe(first, second.WithIndicator("培训合格率", i => i with { TargetValue = i.TargetValue with { Number = 95m } })));
        Assert.Null(FormDuplicate.Describe(first, second.WithIndicator("政策知晓率", i => i with { Target = "同比提高五个百分点" })));
    }

    [Fact]
    public void Same_content_under_other_names()
    {
        var found = SeedChecks.Of("form.same-content").Select(f => (f.Expected, f.Actual)).ToList();
        Assert.Equal([("医保宣传与推广", "宣传与推广"), ("外聘法律顾问", "法律咨询与服务"), ("武警医疗金", "医疗补助")], found);
    }

    [Fact]
    public void The_umbrella_project_医保监管_sums_its_four_children()
    {
        var forms = Seeds.Read(Seeds.File004).Forms;
        var children = FundsParentChildren.Children(forms.Single(f => f.Name == "医保监管"), forms);
        Assert.Equal(["聘请医保专家劳务费", "医保基金专项审计", "举报奖励费", "第三方专业服务"], children.Select(c => c.Name));
        Assert.Empty(SeedChecks.Of("funds.parent-children"));
        Assert.Empty(FundsParentChildren.Children(forms.First(f => f.Name == "业务培训"), forms)); // its copy is no child
    }

    [Fact]
    public void Unit_cost_times_quantity_fires_for_聘请医保专家劳务费_only()
    {
        var finding = Assert.Single(SeedChecks.Of("cost.unit-times-quantity"));
        Assert.Equal((Seeds.File004, "聘请医保专家劳务费", 41), (finding.Source, finding.Form, finding.Line));
        Assert.Equal(("92732", "92764"), (finding.Expected, finding.Actual));
        Assert.Contains("956 × 97（40 + 41 + 16 家）", finding.Message);
        // 第三方专业服务 (2051×16 + 3307.5×36 + 5512.5×4 = 173,936) and 医保基金专项审计 (2520 × 35 = 88,200) hold.
    }

    [Fact]
    public void Far_above_target()
    {
        var finding = SeedChecks.Of("actual.far-above-target").Single(f => f.Indicator == "课题立项数量");
        Assert.Equal((Seeds.File002, 1009), (finding.Source, finding.Line));
        Assert.Contains("430%", finding.Message);
        Assert.False(SeedChecks.Has("actual.far-above-target", Seeds.File002, 1040)); // 135 vs ≥107: 126 %
    }

    [Fact]
    public void Satisfaction_missing_in_two_002_forms_and_cost_present_in_every_2024_form()
    {
        Assert.Equal(["化妆品监督管理业务经费", "药械化质量抽检经费"], SeedChecks.Of("indicators.missing-level1").Select(f => f.Form));
    }

    [Fact]
    public void Target_lowered_year_on_year_at_药事所()
    {
        var lowered = SeedChecks.Of("target.lowered").Single(f => f.Source == Seeds.File000 && f.Line == 177);
        Assert.Equal(("课题经费", "管理部门满意度", "≥90%", "≥85.00(%)"), (lowered.Form, lowered.Indicator, lowered.Expected, lowered.Actual));
        Assert.False(SeedChecks.Has("target.lowered", Seeds.File003, 2413)); // 成本控制率 =100% → ≥0.00(%): redefined, not lowered
    }

    [Fact]
    public void Projects_renamed_across_years()
    {
        var renamed = SeedChecks.Of("project.renamed").Select(f => (f.Expected, f.Actual)).ToList();
        Assert.Equal([("医药机构及医疗费用审核管理费", "医药机构及医疗费用审核管理经费"), ("医疗保险社会服务管理费", "医疗保险社会服务管理经费")], renamed);
    }

    [Fact]
    public void Vague_targets_are_information_only()
    {
        Assert.True(SeedChecks.Has("target.vague", Seeds.File001, 71)); // 逐步提高
        Assert.All(SeedChecks.Of("target.vague"), f => Assert.Equal(Severity.Info, f.Severity));
        Assert.False(SeedChecks.Has("target.vague", Seeds.File001, 78)); // 建立健全 is checkable
    }
}
