using Jixiao.Domain.Reports;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Exchange;

public class DepartmentSummaryTests
{
    private static readonly List<Jixiao.Domain.Model.PerformanceForm> AllForms = Seeds.All.SelectMany(f => Seeds.Read(f).Forms).ToList();

    [Fact]
    public void Medical_security_bureau_2024_has_7_declared_projects_of_药事所_and_15_evaluated_of_医保中心_all_优()
    {
        var summary = DepartmentSummary.Build(AllForms, "上海市医疗保障局", 2024);

        Assert.Equal(7, summary.TargetProjects);
        Assert.Equal(17_075_165.00m, summary.TargetFunds);
        Assert.Equal(15, summary.EvaluatedProjects);
        var totals = Seeds.Read(Seeds.File003).Forms.Select(f => f.TotalScore!.Value).ToList();
        Assert.Equal(1488.86m, totals.Sum());
        Assert.Equal(1488.86m / 15, summary.AverageScore);
        Assert.Equal(new Dictionary<string, int> { ["优"] = 15, ["良"] = 0, ["中"] = 0, ["差"] = 0 }, summary.Grades);
        Assert.Equal(
            [
                new UnitShare("上海市医药集中招标采购事务管理所（上海医药采购中心）", 7, 17_075_165.00m, 0, null),
                new UnitShare("上海市医疗保险事业管理中心", 0, 0m, 15, 1488.86m / 15),
            ],
            summary.Units);
        Assert.Null(summary.Findings);
    }

    [Fact]
    public void The_paragraph_reads_like_a_部门决算()
    {
        var summary = DepartmentSummary.Build(AllForms, "上海市医疗保障局", 2024, findings: 3);

        Assert.Equal(
            "2024年度，上海市医疗保障局共有7个项目申报绩效目标，涉及资金17,075,165.00元，均由上海市医药集中招标采购事务管理所（上海医药采购中心）申报；"
            + "15个项目开展绩效自评，均由上海市医疗保险事业管理中心实施，全年预算数10,323.02万元，全年执行数9,934.82万元，平均得分99.26分，"
            + "其中评价等级为“优”的15个、“良”的0个、“中”的0个、“差”的0个。审核发现问题3条。",
            summary.Paragraph);
    }

    [Fact]
    public void A_form_printed_twice_counts_once_and_every_department_and_year_is_summarised()
    {
        var all = DepartmentSummary.BuildAll(AllForms);

        Assert.Equal(
            [("上海市医疗保障局", 2023), ("上海市医疗保障局", 2024), ("上海市松江区医疗保障局", 2024), ("上海市药品监督管理局", 2023)],
            all.Select(s => (s.Department, s.Year)));
        var songjiang = all[2];
        Assert.Equal(13, songjiang.TargetProjects); // 15 forms, 业务培训 and 网络信息系统运行与维护 printed twice
        Assert.Equal(1_713_200.00m - 61_200.00m - 147_600.00m, songjiang.TargetFunds);
        Assert.Equal("2024年度，上海市松江区医疗保障局共有13个项目申报绩效目标，涉及资金1,504,400.00元，均由上海市松江区医疗保障局（本级）申报；未开展项目绩效自评。", songjiang.Paragraph);
        Assert.Equal(97.71m, Math.Round(all[3].AverageScore!.Value, 2));
    }

    [Fact]
    public void A_department_without_forms_that_year_is_all_zeros()
    {
        var summary = DepartmentSummary.Build(AllForms, "上海市医疗保障局", 2022);

        Assert.Equal((0, 0m, 0, (decimal?)null), (summary.TargetProjects, summary.TargetFunds, summary.EvaluatedProjects, summary.AverageScore));
        Assert.Equal("2022年度，上海市医疗保障局未申报项目绩效目标；未开展项目绩效自评。", summary.Paragraph);
    }
}
