using Jixiao.Application;
using Jixiao.Domain.Model;
using Jixiao.Storage.Tests.Support;
using Jixiao.Tests.Support;
using Xunit;

namespace Jixiao.Storage.Tests;

public sealed class ProjectIdentityTests
{
    private const string Centre = "上海市医疗保险事业管理中心";
    private const string Procurement = "上海市医药集中招标采购事务管理所（上海医药采购中心）";

    /// <summary>
    /// The projects published in both years, worked out from the seeds by hand: 2023 targets of seed 001
    /// against 2024 self-evaluations of seed 003 (医保中心, two of them renamed) and 2024 targets of seed 000
    /// (药事所). Not pairs: 政府聘用辅助人员经费 (2024, 医保中心; 2023 only under 药事所), 医疗保险执行情况监督检查费
    /// (2024, 医保中心; 2023 under 监督检查所), 信息化运维项目 of 药事所 (2024 only; 2023 under 医保中心).
    /// </summary>
    private static readonly (string Unit, string Name2023, string Name2024)[] Pairs =
    [
        (Centre, "医疗保险档案管理经费", "医疗保险档案管理经费"),
        (Centre, "参保人员就医凭证制作费", "参保人员就医凭证制作费"),
        (Centre, "医疗保险个人账户管理经费", "医疗保险个人账户管理经费"),
        (Centre, "医疗保险稽核检查经费", "医疗保险稽核检查经费"),
        (Centre, "信息化建设项目", "信息化建设项目"),
        (Centre, "信息化运维项目", "信息化运维项目"),
        (Centre, "热线服务保障经费", "热线服务保障经费"),
        (Centre, "医药机构及医疗费用审核管理费", "医药机构及医疗费用审核管理经费"),
        (Centre, "医疗保险信息化管理运行经费", "医疗保险信息化管理运行经费"),
        (Centre, "工作服置装费", "工作服置装费"),
        (Centre, "医疗保险社会服务管理费", "医疗保险社会服务管理经费"),
        (Centre, "医疗保险经办业务专项经费", "医疗保险经办业务专项经费"),
        (Centre, "医疗保险基金管理经费", "医疗保险基金管理经费"),
        (Procurement, "课题经费", "课题经费"),
        (Procurement, "政府聘用辅助人员经费", "政府聘用辅助人员经费"),
        (Procurement, "财务专项审计和资产评估鉴定费", "财务专项审计和资产评估鉴定费"),
        (Procurement, "医疗机构及生产经营企业采购药品基础信息管理", "医疗机构及生产经营企业采购药品基础信息管理"),
        (Procurement, "工作服置装费", "工作服置装费"),
        (Procurement, "医药集中招标采购工作经费", "医药集中招标采购工作经费"),
    ];

    public static TheoryData<string, bool> ProvidersAndOrders
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (var provider in TestDatabase.ProviderNames)
            {
                data.Add(provider, false);
                data.Add(provider, true);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ProvidersAndOrders))]
    public async Task The_13_and_6_cross_year_pairs_are_linked_and_nothing_else(string provider, bool reversed)
    {
        using var db = TestDatabase.Create(provider);
        var files = reversed ? Seeds.All.Reverse() : Seeds.All;
        db.Store.Importer().ImportFiles([.. files.Select(Seeds.PathOf)]);

        var linked = await db.Store.CrossYearProjectsAsync();

        var found = linked.Select(p =>
        {
            Assert.Equal([2023, 2024], p.Years.Select(y => y.Year));
            return (p.Unit, p.Years[0].Name, p.Years[1].Name);
        }).Order().ToList();
        Assert.Equal(Pairs.Order(), found);
        Assert.Equal(13, found.Count(p => p.Unit == Centre));
        Assert.Equal(6, found.Count(p => p.Unit == Procurement));
        Assert.Equal(19, (await db.Store.StatsAsync()).ProjectsAcrossYears);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task History_puts_a_renamed_projects_target_and_actuals_side_by_side(string provider)
    {
        using var db = TestDatabase.Create(provider);
        db.Store.Importer().ImportFiles([.. Seeds.All.Select(Seeds.PathOf)]);

        var history = Assert.Single(await db.Store.HistoryAsync("医疗保险事业管理中心", "社会服务管理"));

        Assert.Equal(Centre, history.Unit);
        Assert.Equal([2023, 2024], history.Years.Select(y => y.Year));
        var (y2023, y2024) = (history.Years[0], history.Years[1]);
        Assert.Equal(("医疗保险社会服务管理费", 2_590_000.00m), (y2023.Name, y2023.Target!.Funds));
        Assert.Null(y2023.SelfEvaluation);
        Assert.Equal(("医疗保险社会服务管理经费", "similar", 0.86m), (y2024.Name, y2024.MatchKind, y2024.Similarity));
        Assert.Equal((222.00m, 97.00m, "优"), (y2024.SelfEvaluation!.Budget!.Value, y2024.SelfEvaluation.TotalScore!.Value, y2024.SelfEvaluation.Grade));
        var complaints = history.Indicators.First(i => i.Name == "信访个案办结率");
        Assert.Equal([(2023, ">=99%", (string?)null), (2024, "≥99.00(%)", "100.00(%)")], complaints.Years.Select(c => (c.Year, c.Target, c.Actual)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_same_name_in_another_unit_is_another_project(string provider)
    {
        using var db = TestDatabase.Create(provider);
        db.Store.Importer().ImportFiles([.. Seeds.All.Select(Seeds.PathOf)]);

        var found = await db.Store.SearchAsync("信息化 运维项目");

        Assert.Equal([(Centre, new[] { 2023, 2024 }), (Procurement, new[] { 2024 })], found.Projects.Select(p => (p.Unit, p.Years.ToArray())).ToList(), new PairComparer());
        var satisfaction = await db.Store.SearchAsync("满意度", limit: 5);
        Assert.Equal(5, satisfaction.Indicators.Count);
        Assert.All(satisfaction.Indicators, i => Assert.Contains("满意度", i.Name + i.Target + i.Actual, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_umbrella_project_医保监管_is_detected_and_links_can_be_added_by_hand(string provider)
    {
        using var db = TestDatabase.Create(provider);
        db.Store.Importer().ImportFiles([.. Seeds.All.Select(Seeds.PathOf)]);

        var links = await db.Store.RelationsAsync();

        Assert.All(links, l => Assert.Equal(("医保监管", "上海市松江区医疗保障局（本级）", "detected"), (l.Parent, l.Unit, l.Origin)));
        Assert.Equal(["举报奖励费", "医保基金专项审计", "第三方专业服务", "聘请医保专家劳务费"], links.Select(l => l.Child).Order());
        var training = (await db.Store.SearchAsync("业务培训")).Projects.Single().ProjectId;
        Assert.True(await db.Store.LinkProjectsAsync(links[0].ParentId, training));
        Assert.False(await db.Store.LinkProjectsAsync(links[0].ParentId, training));
        var history = Assert.Single(await db.Store.HistoryAsync("松江区医疗保障局", "医保监管"));
        Assert.Equal(5, history.Children.Count);
        Assert.Equal("manual", history.Children.Single(c => c.Name == "业务培训").Origin);
        Assert.Equal(4, db.Scalar("SELECT count(*) FROM project_relations WHERE origin = 'detected'"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_form_read_back_by_id_is_the_form_that_was_imported(string provider)
    {
        using var db = TestDatabase.Create(provider);
        db.Store.Importer().ImportFile(Seeds.PathOf(Seeds.File003));

        var detail = await db.Store.FormAsync(1);

        Assert.NotNull(detail);
        var original = Seeds.Read(Seeds.File003).Forms[0];
        Assert.Equal((Seeds.File003, 1, true, FormKind.SelfEvaluation), (detail.Source, detail.Version, detail.IsCurrent, detail.Form.Kind));
        Assert.Equal(original.Indicators, detail.Form.Indicators);
        Assert.Equal(original.Budget, detail.Form.Budget);
        Assert.Null(await db.Store.FormAsync(999));
    }

    private sealed class PairComparer : IEqualityComparer<(string, int[])>
    {
        public bool Equals((string, int[]) x, (string, int[]) y) => x.Item1 == y.Item1 && x.Item2.SequenceEqual(y.Item2);

        public int GetHashCode((string, int[]) obj) => obj.Item1.GetHashCode(StringComparison.Ordinal);
    }
}
