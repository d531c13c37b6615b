using Jixiao.Application;
using Jixiao.Storage.Queries;
using Jixiao.Storage.Tests.Support;
using Jixiao.Tests.Support;
using Xunit;

namespace Jixiao.Storage.Tests;

/// <summary>The indicator library (指标库) over the seeds, on SQLite and PostgreSQL.</summary>
public sealed class LibraryTests
{
    private static TestDatabase Seeded(string provider)
    {
        var db = TestDatabase.Create(provider);
        db.Store.Importer().ImportFiles([.. Seeds.All.Select(Seeds.PathOf)]);
        return db;
    }

    private static string Show(LibraryIndicator i) => $"{i.Name} {i.Forms}: {string.Join(" · ", i.Targets.Select(t => $"{t.Target} ×{t.Count}"))}";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Satisfaction_names_come_most_used_first_with_their_usual_targets(string provider)
    {
        using var db = Seeded(provider);

        var library = await db.Store.LibraryAsync("服务对象满意度指标", "满意度指标", limit: 4);

        // 管理人员满意度: 8 target declarations and 7 self-evaluations; the tie of two at 2 goes to '>' (U+003E) before '≥'.
        // 医保定点机构满意度: 7 rows in 5 forms (seed 001 prints it twice in two forms).
        Assert.Equal(
            [
                "管理人员满意度 15: ≥85.00(%) ×4 · ≥90.00(%) ×3 · >99.00(%) ×2",
                "管理部门满意度 6: ≥85.00(%) ×3 · ≥90(%) ×2 · ≥90% ×1",
                "医保定点机构满意度 5: ≥90% ×7",
                "培训人员满意度 5: ≥85.00(%) ×5",
            ],
            library.Select(Show));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_text_filter_and_the_first_level_narrow_the_library(string provider)
    {
        using var db = Seeded(provider);

        var saving = await db.Store.LibraryAsync("经济成本指标", text: "节约");
        var cost = await db.Store.LibraryAsync("经济成本指标");
        var costAsOutput = await db.Store.LibraryAsync("成本指标", "产出指标");
        var costAsCost = await db.Store.LibraryAsync("成本指标", "成本指标");

        Assert.Equal(["成本节约率 7: ≥0.00(%) ×7"], saving.Select(Show));
        Assert.Equal("成本控制率 13: ≥0.00(%) ×12 · ≥0(%) ×1", Show(cost[0]));
        Assert.Equal(7, costAsOutput.Count); // 成本指标 as a 二级 under 产出指标, the 2023 layout of seed 001
        Assert.Contains("成本控制率 1: =100% ×1", costAsOutput.Select(Show));
        Assert.Empty(costAsCost);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_limit_holds_and_an_alias_of_a_second_level_finds_the_same_names(string provider)
    {
        using var db = Seeded(provider);

        var quantities = await db.Store.LibraryAsync("数量指标", limit: 500);
        var top = await db.Store.LibraryAsync("数量指标", limit: 3);
        var alias = await db.Store.LibraryAsync("服务对象满意度", limit: 500);
        var canonical = await db.Store.LibraryAsync("服务对象满意度指标", limit: 500);

        Assert.Equal(178, quantities.Count);
        Assert.Equal(quantities.Take(3).Select(Show), top.Select(Show));
        Assert.Equal("PC服务器检查次数 2: ≥365.00(次) ×1 · ≥365次 ×1", Show(top[1]));
        Assert.Equal(canonical.Select(Show), alias.Select(Show));
        Assert.Empty(await db.Store.LibraryAsync("不存在的指标"));
    }
}
