using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Scoring;

/// <summary>Every published figure of the 24 seed self-evaluations is reproduced under the detected policy.</summary>
public class SeedScoringTests
{
    public static TheoryData<string, string> SelfEvaluations()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in new[] { Seeds.File002, Seeds.File003 })
        {
            foreach (var form in Seeds.Read(file).Forms)
            {
                data.Add(file, form.Name);
            }
        }

        return data;
    }

    private static (PerformanceForm Form, PolicyDetection Detection) Detected(string file, string name)
    {
        var forms = Seeds.Read(file).Forms;
        var i = forms.ToList().FindIndex(f => f.Name == name);
        return (forms[i], PolicyDetector.DetectAll(forms)[i]);
    }

    [Fact]
    public void There_are_24_self_evaluations() => Assert.Equal(24, SelfEvaluations().Count);

    [Theory]
    [MemberData(nameof(SelfEvaluations))]
    public void Every_published_figure_is_reproduced(string file, string name)
    {
        var (form, detection) = Detected(file, name);
        var score = Scorer.Score(form, detection.Policy);

        var row = form.Budget!.Total!;
        Assert.True(score.Budget!.IsScored);
        Assert.Equal(row.Rate, score.Budget.Rate);
        Assert.Equal(row.Score, score.Budget.Score);
        for (var i = 0; i < form.Indicators.Count; i++)
        {
            Assert.True(score.Indicators[i].IsScored, $"{form.Indicators[i].Name}: {score.Indicators[i].Explanation}");
            Assert.True(form.Indicators[i].Score == score.Indicators[i].Score,
                $"{form.Indicators[i].Name} (line {form.Indicators[i].Line}): printed {form.Indicators[i].Score}, computed {score.Indicators[i].Explanation}");
        }

        Assert.Equal(form.TotalScore, score.Total);
        Assert.Equal(form.Grade, score.Grade);
    }

    [Theory]
    [InlineData(Seeds.File002, "shanghai-2023")]
    [InlineData(Seeds.File003, "shanghai-2024")]
    public void The_detector_names_each_publishers_policy(string file, string policy)
    {
        var detections = PolicyDetector.DetectAll(Seeds.Read(file).Forms);
        Assert.All(detections, d => Assert.Equal(policy, d.Policy.Name));
        Assert.Contains(detections, d => d.Evidence == PolicyEvidence.BudgetScore);
    }

    [Fact]
    public void A_form_alone_decides_only_when_its_budget_score_tells_the_roundings_apart()
    {
        // 002:219 局系统培训经费: 9.178 → 9.17 only by truncation. 003:858 热线服务保障经费: rate 100, both give 10.00.
        Assert.Equal(PolicyEvidence.BudgetScore, PolicyDetector.Detect(Seeds.Form(Seeds.File002, "局系统培训经费")).Evidence);
        Assert.Equal("shanghai-2023", PolicyDetector.Detect(Seeds.Form(Seeds.File002, "局系统培训经费")).Policy.Name);
        Assert.Equal("shanghai-2024", PolicyDetector.Detect(Seeds.Form(Seeds.File003, "医疗保险个人账户管理经费")).Policy.Name);

        var hotline = Seeds.Form(Seeds.File003, "热线服务保障经费");
        Assert.Equal(PolicyEvidence.Year, PolicyDetector.Detect(hotline).Evidence);
        var (_, inDocument) = Detected(Seeds.File003, "热线服务保障经费");
        Assert.Equal(PolicyEvidence.Publisher, inDocument.Evidence);
        Assert.Equal("shanghai-2024", inDocument.Policy.Name);
    }

    [Fact]
    public void A_forced_policy_is_not_second_guessed() =>
        Assert.Equal(PolicyEvidence.Forced, PolicyDetector.Detect(Seeds.Form(Seeds.File002, "局系统培训经费"), ScoringPolicy.Shanghai2024).Evidence);

    [Theory]
    [InlineData("药械化稽查综合检查", "进博会药械化服务宣传资料", "0.63", "2.00 × 3135 / 10000 = 0.627 → 0.63 (half-up)")]
    [InlineData("药械化稽查综合检查", "化妆品生产企业信用评估报告数量", "2.99", "3.00 × 199 / 200 = 2.985 → 2.99 (half-up)")]
    [InlineData("综合管理类专项经费", "药品注册数据分析报告", "1.00", "2.00 × 2 / 4 = 1 → 1.00 (half-up)")]
    [InlineData("综合管理类专项经费", "采购的硬软件产品", "1.20", "部分达成指标并具有一定效果：2.00 × 60% = 1.2 → 1.20 (half-up)")]
    public void Seed_002_examples(string form, string indicator, string score, string explanation)
    {
        var s = Scorer.Score(Seeds.Form(Seeds.File002, form).Indicators.First(i => i.Name == indicator), ScoringPolicy.Shanghai2023);
        Assert.Equal(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture), s.Score);
        Assert.Equal(explanation, s.Explanation);
    }

    [Fact]
    public void Seed_budget_examples()
    {
        var training = Scorer.ScoreBudget(Seeds.Form(Seeds.File002, "局系统培训经费").Budget!.Total, ScoringPolicy.Shanghai2023);
        Assert.Equal((91.78m, 9.17m), (training.Rate, training.Score));
        var account = Scorer.ScoreBudget(Seeds.Form(Seeds.File003, "医疗保险个人账户管理经费").Budget!.Total, ScoringPolicy.Shanghai2024);
        Assert.Equal((83.57m, 8.36m), (account.Rate, account.Score));
    }
}
