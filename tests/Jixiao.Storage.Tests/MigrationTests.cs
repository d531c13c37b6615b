using Jixiao.Application;
using Jixiao.Storage.Migrations;
using Jixiao.Storage.Tests.Support;
using Jixiao.Tests.Support;
using Xunit;

namespace Jixiao.Storage.Tests;

public sealed class MigrationTests
{
    [Fact]
    public void There_are_at_least_two_schema_versions_and_every_token_is_replaced()
    {
        Assert.True(Migrator.All.Count >= 2);
        Assert.Equal(Enumerable.Range(1, Migrator.All.Count), Migrator.All.Select(m => m.Version));
        foreach (var provider in Enum.GetValues<DatabaseProvider>())
        {
            Assert.All(Migrator.All, m => Assert.DoesNotContain("$", Migrator.Dialect(m.Script, provider), StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_version_1_database_with_data_upgrades_to_the_latest_and_keeps_its_data(string provider)
    {
        using var db = TestDatabase.Create(provider, migrate: false);
        db.Database.Migrate(1);
        Assert.Equal(1, db.Database.SchemaVersion());
        var funds = provider == TestDatabase.Sqlite ? "485554100" : "4855541.00"; // 4,855,541.00 元 as each stores it
        db.Execute($"""
            INSERT INTO departments (name, name_key) VALUES ('上海市医疗保障局', '上海市医疗保障局');
            INSERT INTO units (department_id, name, name_key) VALUES (1, '上海医药采购中心', '上海医药采购中心');
            INSERT INTO projects (unit_id, name, name_key) VALUES (1, '信息化运维项目', '信息化运维项目');
            INSERT INTO project_years (project_id, year, name, name_key, match_kind, similarity) VALUES (1, 2024, '信息化运维项目', '信息化运维项目', 'new', 0);
            INSERT INTO source_documents (name) VALUES ('old.txt');
            INSERT INTO document_versions (source_document_id, version, content_hash, file_name, byte_count, imported_at, is_current, form_count, indicator_count, diagnostic_count)
                VALUES (1, 1, 'abc', 'old.txt', 10, '2025-01-01T00:00:00Z', TRUE, 2, 1, 3);
            INSERT INTO forms (document_version_id, project_year_id, ordinal, kind, year, line, name, department, unit, funds_annual_total, goal)
                VALUES (1, 1, 0, 'target', 2024, 10, '信息化运维项目', '上海市医疗保障局', '上海医药采购中心', {funds}, '目标');
            INSERT INTO forms (document_version_id, project_year_id, ordinal, kind, year, line, name, department, unit, goal)
                VALUES (1, 1, 1, 'target', 2024, 50, '信息化运维项目', '上海市医疗保障局', '上海医药采购中心', '目标');
            INSERT INTO indicators (form_id, ordinal, level1, level2, name, target, line) VALUES (1, 0, '产出指标', '数量指标', '系统数', '≥3个', 20);
            INSERT INTO diagnostics (document_version_id, ordinal, severity, line, code, message) VALUES (1, 0, 'info', 5, 'heading', '前言');
            INSERT INTO diagnostics (document_version_id, ordinal, severity, line, code, message) VALUES (1, 1, 'warning', 20, 'wrapped-cell', '第一张表');
            INSERT INTO diagnostics (document_version_id, ordinal, severity, line, code, message) VALUES (1, 2, 'warning', 60, 'wrapped-cell', '第二张表');
            """);

        var applied = db.Database.Migrate();

        Assert.Equal(Migrator.All.Skip(1).Select(m => m.Name), applied.Select(m => m.Name));
        Assert.Equal(JixiaoDatabase.LatestVersion, db.Database.SchemaVersion());
        Assert.Empty(db.Database.Migrate());
        var form = await db.Store.FormAsync(1);
        Assert.Equal(4_855_541.00m, form!.Form.Funds!.AnnualTotal);
        Assert.Equal("系统数", Assert.Single(form.Form.Indicators).Name);
        Assert.Equal(["第一张表"], form.Diagnostics.Select(d => d.Message));
        Assert.Equal(["第二张表"], (await db.Store.FormAsync(2))!.Diagnostics.Select(d => d.Message));
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM diagnostics WHERE form_id IS NULL"));
        foreach (var table in new[] { "\"AspNetUsers\"", "\"AspNetRoles\"", "\"AspNetUserRoles\"", "drafts", "draft_audit", "import_audit" })
        {
            Assert.Equal(0, db.Scalar($"SELECT count(*) FROM {table}")); // accounts (0003), drafts (0004), draft audit (0005), import audit (0006)
        }

        Assert.Equal(0, db.Scalar("SELECT count(*) FROM drafts WHERE based_on_id IS NOT NULL OR review_json IS NOT NULL")); // draft links (0007)
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM findings WHERE expected IS NOT NULL OR actual IS NOT NULL")); // finding values (0008)

        var result = db.Store.Importer(user: "cli:upgrade").ImportFile(Seeds.PathOf(Seeds.File000));
        var stats = await db.Store.StatsAsync();
        Assert.Equal(Import.ImportOutcome.Imported, result.Outcome);
        Assert.Equal((9, 2), (stats.Forms, stats.Units));
        var line = Assert.Single(await db.Store.ImportAuditAsync());
        Assert.Equal(("cli:upgrade", "imported", 7), (line.UserName, line.Action, line.Forms)); // the upgraded schema takes the import audit line
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public void Version_12_gives_each_draft_the_kind_its_json_says_and_one_draft_of_a_kind_per_base(string provider)
    {
        using var db = TestDatabase.Create(provider, migrate: false);
        db.Database.Migrate(11);
        db.Execute("""
            INSERT INTO departments (name, name_key) VALUES ('上海市医疗保障局', '上海市医疗保障局');
            INSERT INTO units (department_id, name, name_key) VALUES (1, '上海医药采购中心', '上海医药采购中心');
            INSERT INTO drafts (unit_id, state, form_json, version, created_by, created_at, updated_at)
                VALUES (1, 'approved', '{"kind":"target","name":"申报"}', 6, 'filler', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
            INSERT INTO drafts (unit_id, state, form_json, version, created_by, created_at, updated_at, based_on_id)
                VALUES (1, 'draft', '{"name":"自评","kind":"selfEvaluation","indicators":[{"kind":"target"}]}', 1, 'filler', '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z', 1);
            """);

        db.Database.Migrate(12);

        Assert.Equal(1, db.Scalar("SELECT count(*) FROM drafts WHERE id = 1 AND kind = 'target'"));
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM drafts WHERE id = 2 AND kind = 'selfEvaluation'")); // the top-level kind, not an indicator's
        Assert.ThrowsAny<System.Data.Common.DbException>(() => db.Execute("""
            INSERT INTO drafts (unit_id, state, form_json, version, created_by, created_at, updated_at, based_on_id, kind)
                VALUES (1, 'draft', '{"kind":"selfEvaluation"}', 1, 'filler', '2026-01-03T00:00:00Z', '2026-01-03T00:00:00Z', 1, 'selfEvaluation');
            """));
        db.Execute("""
            INSERT INTO drafts (unit_id, state, form_json, version, created_by, created_at, updated_at, kind)
                VALUES (1, 'draft', '{"kind":"target"}', 1, 'filler', '2026-01-03T00:00:00Z', '2026-01-03T00:00:00Z', 'target');
            INSERT INTO drafts (unit_id, state, form_json, version, created_by, created_at, updated_at, kind)
                VALUES (1, 'draft', '{"kind":"target"}', 1, 'filler', '2026-01-03T00:00:00Z', '2026-01-03T00:00:00Z', 'target');
            """); // drafts with no base are not limited
        Assert.Equal(4, db.Scalar("SELECT count(*) FROM drafts"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public void A_database_newer_than_the_program_is_refused(string provider)
    {
        using var db = TestDatabase.Create(provider);
        db.Execute("INSERT INTO schema_version (version, name, applied_at) VALUES (99, '0099_future', 'x')");

        Assert.Throws<StoreException>(() => db.Database.Migrate());
        Assert.Throws<StoreException>(db.Database.EnsureCurrentSchema);
    }

    [Fact]
    public void An_empty_database_asks_for_init()
    {
        using var db = TestDatabase.Create(TestDatabase.Sqlite, migrate: false);

        var error = Assert.Throws<StoreException>(db.Database.EnsureCurrentSchema);

        Assert.Contains("jixiao db init", error.Message, StringComparison.Ordinal);
    }
}
