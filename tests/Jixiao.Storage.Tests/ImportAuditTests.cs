using System.Text;
using System.Text.Json;
using Jixiao.Application;
using Jixiao.Formats.Json;
using Jixiao.Storage.Import;
using Jixiao.Storage.Queries;
using Jixiao.Storage.Tests.Support;
using Jixiao.Tests.Support;
using Xunit;

namespace Jixiao.Storage.Tests;

public sealed class ImportAuditTests
{
    private const string User = "finance@财政局";

    /// <summary>Every provider with every seed: its file, forms and indicators as Jixiao.Tests' SeedCountTests pins them.</summary>
    public static TheoryData<string, string, int, int> SeedCases
    {
        get
        {
            var data = new TheoryData<string, string, int, int>();
            foreach (var provider in TestDatabase.ProviderNames)
            {
                data.Add(provider, Seeds.File000, 7, 108);
                data.Add(provider, Seeds.File001, 34, 356);
                data.Add(provider, Seeds.File002, 9, 139);
                data.Add(provider, Seeds.File003, 15, 209);
                data.Add(provider, Seeds.File004, 15, 240);
            }

            return data;
        }
    }

    private static async Task<IReadOnlyList<ImportAuditView>> Lines(TestDatabase db) => await db.Store.ImportAuditAsync(take: 1000);

    private static string[] FormNames(string json) =>
        [.. JsonDocument.Parse(json).RootElement.GetProperty("forms").EnumerateArray().Select(f => f.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(SeedCases))]
    public async Task An_import_of_a_seed_writes_one_audit_line_with_its_forms_and_a_reimport_logs_unchanged(string provider, string file, int forms, int indicators)
    {
        using var db = TestDatabase.Create(provider);
        var importer = db.Store.Importer(user: User);

        var first = importer.ImportFile(Seeds.PathOf(file));
        var line = Assert.Single(await Lines(db));

        Assert.Equal(ImportOutcome.Imported, first.Outcome);
        Assert.Equal((User, file, file, "imported", 1), (line.UserName, line.Source, line.File, line.Action, line.Version));
        Assert.Equal((forms, indicators, 0), (line.Forms, line.Indicators, line.Findings));
        Assert.Equal(ImportSource.Hash(File.ReadAllBytes(Seeds.PathOf(file))), line.ContentHash);
        Assert.Null(line.BeforeJson);
        Assert.Equal(Seeds.Read(file).Forms.Select(f => f.Name), FormNames(line.AfterJson!));
        Assert.InRange(line.At, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddSeconds(5));

        var again = importer.ImportFile(Seeds.PathOf(file)); // known content: found before it is parsed
        var uploaded = db.Store.Importer(user: "admin").Import(SourceReader.Read("upload.txt", File.ReadAllBytes(Seeds.PathOf(file)))); // found inside the transaction

        Assert.Equal((ImportOutcome.Unchanged, ImportOutcome.Unchanged), (again.Outcome, uploaded.Outcome));
        var lines = await Lines(db);
        Assert.Equal(["unchanged", "unchanged", "imported"], lines.Select(l => l.Action));
        Assert.Equal(["admin", User, User], lines.Select(l => l.UserName));
        Assert.All(lines.Take(2), l => Assert.Equal((file, 1, 0, 0, (string?)null, (string?)null), (l.Source, l.Version!.Value, l.Forms, l.Indicators, l.BeforeJson, l.AfterJson)));
        Assert.Equal(forms, (await db.Store.StatsAsync()).Forms);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_new_version_logs_the_version_it_replaces_as_before(string provider)
    {
        using var db = TestDatabase.Create(provider);
        using var folder = new TempFolder();
        var path = folder.File(Seeds.File000);
        File.Copy(Seeds.PathOf(Seeds.File000), path);
        db.Store.Importer(user: User).ImportFile(path);
        var seed = Seeds.Read(Seeds.File000);
        File.WriteAllText(path, DisclosureJson.ToJson(seed with { Forms = [.. seed.Forms.Take(5)] }), Encoding.UTF8);

        var v2 = db.Store.Importer(user: "admin").ImportFile(path);

        Assert.Equal(ImportOutcome.NewVersion, v2.Outcome);
        var (newer, older) = (await Lines(db)) is [var a, var b] ? (a, b) : throw new InvalidOperationException("two lines expected");
        Assert.Equal(("newVersion", "admin", 2, 5), (newer.Action, newer.UserName, newer.Version!.Value, newer.Forms));
        Assert.Equal(older.AfterJson, newer.BeforeJson); // before = the summary of version 1 as stored, read back from the database
        Assert.Equal(seed.Forms.Select(f => f.Name), FormNames(newer.BeforeJson!));
        Assert.Equal(seed.Forms.Take(5).Select(f => f.Name), FormNames(newer.AfterJson!));
        using var after = JsonDocument.Parse(newer.AfterJson!);
        Assert.Equal(2, after.RootElement.GetProperty("version").GetInt32());
        var first = after.RootElement.GetProperty("forms")[0];
        Assert.Equal(("target", seed.Forms[0].Unit, seed.Forms[0].Year), (first.GetProperty("kind").GetString(), first.GetProperty("unit").GetString(), (int?)first.GetProperty("year").GetInt32()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_audit_keeps_the_total_score_of_a_self_evaluation(string provider)
    {
        using var db = TestDatabase.Create(provider);

        db.Store.Importer().ImportFile(Seeds.PathOf(Seeds.File003));

        var line = Assert.Single(await Lines(db));
        Assert.Equal(Importer.SystemUser, line.UserName);
        using var after = JsonDocument.Parse(line.AfterJson!);
        var scores = after.RootElement.GetProperty("forms").EnumerateArray().Select(f => f.GetProperty("totalScore").GetDecimal());
        Assert.Equal(Seeds.Read(Seeds.File003).Forms.Select(f => f.TotalScore!.Value), scores);
        Assert.All(after.RootElement.GetProperty("forms").EnumerateArray(), f => Assert.Equal("selfEvaluation", f.GetProperty("kind").GetString()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_import_that_fails_midway_logs_failed_and_stores_nothing_else(string provider)
    {
        using var db = TestDatabase.Create(provider);
        var importer = db.Store.Importer(_ => throw new InvalidOperationException("检查程序出错"), User);

        var error = Assert.Throws<InvalidOperationException>(() => importer.ImportFile(Seeds.PathOf(Seeds.File002)));

        Assert.Equal("检查程序出错", error.Message);
        var line = Assert.Single(await Lines(db));
        Assert.Equal(("failed", User, Seeds.File002, "检查程序出错"), (line.Action, line.UserName, line.Source, line.Message));
        Assert.Equal((0, (int?)null, (string?)null, (string?)null), (line.Forms, line.Version, line.BeforeJson, line.AfterJson));
        foreach (var table in new[] { "source_documents", "document_versions", "forms", "indicators", "budget_rows", "diagnostics", "findings", "projects", "units" })
        {
            Assert.True(db.Scalar($"SELECT count(*) FROM {table}") == 0, $"{table} should be empty after the rollback");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Files_that_cannot_be_read_log_failed_lines(string provider)
    {
        using var db = TestDatabase.Create(provider);
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("a-not-a-form.txt"), "这不是绩效公开文件。\n只有两行。\n");
        File.WriteAllText(folder.File("b-broken.json"), "{ \"schema\": \"jixiao.disclosure/1\", \"forms\": [ ");

        var results = db.Store.Importer(user: "cli:tester").ImportFiles([folder.File("a-not-a-form.txt"), folder.File("b-broken.json")]);

        Assert.All(results, r => Assert.Equal(ImportOutcome.Failed, r.Outcome));
        var lines = (await Lines(db)).Reverse().ToList();
        Assert.Equal(["a-not-a-form.txt", "b-broken.json"], lines.Select(l => l.File));
        Assert.All(lines, l => Assert.Equal(("failed", "cli:tester"), (l.Action, l.UserName)));
        Assert.Equal(results.Select(r => r.Message), lines.Select(l => l.Message));
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM document_versions"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_history_of_a_form_lists_the_lines_of_its_source_and_filters_work(string provider)
    {
        using var db = TestDatabase.Create(provider);
        db.Store.Importer(user: User).ImportFiles([Seeds.PathOf(Seeds.File000), Seeds.PathOf(Seeds.File002)]);
        db.Store.Importer(user: "admin").ImportFile(Seeds.PathOf(Seeds.File002));
        await using var c = db.Database.CreateContext();
        var formOf002 = c.Forms.Where(f => f.DocumentVersion.SourceDocument.Name == Seeds.File002).Select(f => f.Id).First();

        var history = await db.Store.ImportHistoryOfFormAsync(formOf002);

        Assert.Equal([("unchanged", "admin"), ("imported", User)], history.Select(h => (h.Action, h.UserName)));
        Assert.All(history, h => Assert.Equal(Seeds.File002, h.Source));
        Assert.Empty(await db.Store.ImportHistoryOfFormAsync(999_999));
        Assert.Equal(2, (await db.Store.ImportAuditAsync(user: User)).Count);
        Assert.Equal([Seeds.File002], (await db.Store.ImportAuditAsync(outcome: ImportOutcome.Unchanged)).Select(l => l.Source));
        Assert.Equal([Seeds.File000], (await db.Store.ImportAuditAsync(skip: 2, take: 5)).Select(l => l.Source));
        Assert.Equal(["admin", User], await db.Store.ImportAuditUsersAsync());
    }
}
