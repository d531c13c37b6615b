using Jixiao.Domain.Projects;
using Xunit;

namespace Jixiao.Tests.Projects;

public sealed class ProjectMatcherTests
{
    [Theory]
    [InlineData("医疗保险社会服务管理费", "医疗保险社会服务管理经费", 0.857)] // 医保中心 2023 → 2024
    [InlineData("医药机构及医疗费用审核管理费", "医药机构及医疗费用审核管理经费", 0.889)]
    [InlineData("医疗保险执行情况监督检查费", "医疗保险稽核检查经费", 0.381)] // different projects of one unit
    [InlineData("宣传与推广", "医保宣传与推广", 0.8)]
    [InlineData("课题经费", "课题经费", 1)]
    public void Similarity_is_the_dice_coefficient_of_bigrams(string a, string b, double expected)
    {
        Assert.Equal(expected, ProjectNames.Similarity(a, b), 3);
        Assert.Equal(expected, ProjectNames.Similarity(b, a), 3);
    }

    [Fact]
    public void The_key_ignores_white_space_and_full_width_forms()
    {
        Assert.Equal("上海市医药集中招标采购事务管理所(上海医药采购中心)", ProjectNames.Key(" 上海市医药集中招标采购事务管理所（上海医药采购中心） "));
        Assert.Equal(ProjectNames.Key("信息化 运维项目"), ProjectNames.Key("信息化运维项目"));
    }

    [Fact]
    public void The_same_name_wins_over_any_similar_one_even_when_that_project_is_filled()
    {
        var known = new[] { Project(1, open: true, "工作服装费"), Project(2, open: false, "工作服置装费") };

        Assert.Equal(new ProjectMatch<int>(MatchKind.SameName, 2, 1), ProjectMatcher.Match("工作服置装费", known));
    }

    [Fact]
    public void A_rename_goes_to_the_most_similar_open_project_above_the_threshold()
    {
        var known = new[] { Project(1, open: true, "医疗保险社会服务管理费"), Project(2, open: true, "医疗保险稽核检查经费"), Project(3, open: false, "医疗保险社会服务管理经费x") };

        var match = ProjectMatcher.Match("医疗保险社会服务管理经费", known);

        Assert.Equal((MatchKind.Similar, 1), (match.Kind, match.Id));
        Assert.Equal(0.857, match.Similarity, 3);
    }

    [Fact]
    public void Below_the_threshold_or_tied_there_is_no_match()
    {
        Assert.Equal(MatchKind.New, ProjectMatcher.Match("医疗保险执行情况监督检查费", [Project(1, open: true, "医疗保险稽核检查经费")]).Kind);
        Assert.Equal(MatchKind.New, ProjectMatcher.Match("宣传与推广", [Project(1, open: true, "区宣传与推广"), Project(2, open: true, "市宣传与推广")]).Kind);
        Assert.Equal(MatchKind.New, ProjectMatcher.Match("宣传与推广", [Project(1, open: false, "医保宣传与推广")]).Kind);
    }

    private static KnownProject<int> Project(int id, bool open, params string[] names) => new(id, names, open);
}
