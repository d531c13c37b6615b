using Jixiao.Domain.Projects;
using Jixiao.Tests.Support;
using Xunit;

namespace Jixiao.Tests.Projects;

public sealed class ParentDetectorTests
{
    [Fact]
    public void Seed_004_医保监管_sums_up_the_four_projects_its_goal_enumerates()
    {
        var forms = Seeds.Read(Seeds.File004).Forms;
        var projects = forms.Select(f => new ProjectFunds<string>(f.Name, f.Name, f.Goal, f.Funds?.AnnualTotal)).ToList();

        var link = Assert.Single(ParentDetector.Detect(projects));

        Assert.Equal("医保监管", link.Parent);
        Assert.Equal(["举报奖励费", "医保基金专项审计", "第三方专业服务", "聘请医保专家劳务费"], link.Children.Order());
    }

    [Fact]
    public void Equal_sums_without_an_enumerating_goal_are_no_parent()
    {
        ProjectFunds<int>[] projects =
        [
            new(1, "汇总项目", "年度工作目标", 300m),
            new(2, "甲项目", "甲的年度目标，完成甲项工作", 100m),
            new(3, "乙项目", "乙的年度目标，完成乙项工作", 200m),
        ];

        Assert.Empty(ParentDetector.Detect(projects));
        Assert.Single(ParentDetector.Detect([projects[0] with { Goal = "1、甲的年度目标，完成甲项工作。2、乙的年度目标，完成乙项工作。" }, projects[1], projects[2]]));
        Assert.Empty(ParentDetector.Detect([projects[0] with { Goal = "1、甲的年度目标，完成甲项工作。2、乙的年度目标，完成乙项工作。", Funds = 301m }, projects[1], projects[2]]));
    }
}
