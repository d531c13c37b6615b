using System.Text;
using Jixiao.Application;
using Jixiao.Domain.Model;
using Jixiao.Formats.Json;
using Jixiao.Storage.Import;
using Jixiao.Storage.Tests.Support;
using Jixiao.Tests.Support;
using Xunit;

namespace Jixiao.Storage.Tests;

public sealed class ImportTests
{
    private static IReadOnlyList<string> SeedPaths => [.. Seeds.All.Select(Seeds.PathOf)];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seeds_imported_twice_give_80_forms_and_1052_indicators(string provider)
    {
        using var db = TestDatabase.Create(provider);
        var first = db.Store.Importer().ImportFiles(SeedPaths);
        var second = db.Store.Importer().ImportFiles(SeedPaths);

        Assert.All(first, r => Assert.Equal(ImportOutcome.Imported, r.Outcome));
        Assert.All(second, r => Assert.Equal(ImportOutcome.Unchanged, r.Outcome));
        var stats = await db.Store.StatsAsync();
        Assert.Equal(80, stats.Forms);
        Assert.Equal(1052, stats.Indicators);
        Assert.Equal(80, stats.FormsInHistory);
        Assert.Equal(5, stats.DocumentVersions);
        Assert.Equal(165, stats.Diagnostics);
        Assert.Equal(96, stats.BudgetRows);
        Assert.Equal(56, stats.TargetForms);
        Assert.Equal(24, stats.SelfEvaluations);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_finding_keeps_what_was_expected_and_what_was_printed_in_their_own_columns(string provider)
    {
        using var db = TestDatabase.Create(provider);
        db.Store.Importer(RuleFindings.Provider()).ImportFile(Seeds.PathOf(Seeds.File002));

        var findings = await db.Store.FindingsAsync(limit: 10_000);

        // 002:355 零售药店家庭废弃药品回收箱制作个数: ≥250(个) declared, 360.00(个) achieved (144 %).
        var far = Assert.Single(findings, f => f.Code == "actual.far-above-target" && f.Project == "药品监督管理业务经费" && f.Actual == "360.00(个)");
        Assert.Equal("≥250(个)", far.Expected);
        Assert.DoesNotContain("应为", far.Message, StringComparison.Ordinal);
        var missing = Assert.Single(findings, f => f.Code == "indicators.missing-level1" && f.Project == "化妆品监督管理业务经费");
        Assert.Equal(("产出指标、效益指标、满意度指标", "产出指标、效益指标"), (missing.Expected, missing.Actual));
    }

    /// <summary>
    /// One file of five varied copies of the seeds: 400 forms and 5,260 indicators, so on PostgreSQL the
    /// indicators go in by COPY (tables of 5,000+ rows) between the batched inserts of the other tables.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_file_of_thousands_of_indicators_is_stored_whole(string provider)
    {
        using var db = TestDatabase.Create(provider);
        var forms = SyntheticDocuments.Generate([.. Seeds.All.Select(Seeds.Read)], 5).SelectMany(d => d.Forms).ToList();
        var source = ImportSource.FromDocuments("big.json", ImportSource.Hash(Encoding.UTF8.GetBytes("big")), 3, [new DisclosureDocument("big", forms, [])]);

        var result = db.Store.Importer().Import(source);

        Assert.Equal((ImportOutcome.Imported, 400, 5260), (result.Outcome, result.Forms, result.Indicators));
        var stats = await db.Store.StatsAsync();
        Assert.Equal((400, 5260, 480), (stats.Forms, stats.Indicators, stats.BudgetRows));
        Assert.Equal(forms.Where(f => f.Kind == FormKind.Target).Sum(f => f.Funds?.AnnualTotal ?? 0), stats.TargetFunds);
        Assert.Equal(5260, db.Scalar("SELECT count(*) FROM indicators i JOIN forms f ON f.id = i.form_id"));
    }

    /// <summary>
    /// The reader gives a form whose 项目名称 it did not find (to keep later forms in their places); it
    /// belongs to no project, so two of them of one unit would collide on the project's name: both are
    /// left out of what is stored, the named form goes in, and each left-out form is an error in the log.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Forms_read_without_a_name_are_reported_not_stored(string provider)
    {
        using var db = TestDatabase.Create(provider);
        var seed = Seeds.Read(Seeds.All[0]).Forms;
        var forms = new[] { seed[0] with { Name = "", Line = 3 }, seed[1] with { Name = "", Line = 40 }, seed[2] };
        var source = ImportSource.FromDocuments("unnamed.txt", ImportSource.Hash(Encoding.UTF8.GetBytes("unnamed")), 8, [new DisclosureDocument("unnamed.txt", forms, [])]);

        var result = db.Store.Importer().Import(source);

        Assert.Equal((ImportOutcome.Imported, 1), (result.Outcome, result.Forms));
        Assert.Equal([3, 40], source.Documents[0].Diagnostics.Where(d => d.Code == ImportSource.UnnamedForm && d.Severity == Severity.Error).Select(d => d.Line));
        Assert.Equal(1, (await db.Store.StatsAsync()).Forms);
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM projects WHERE name_key <> ''"));
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM projects WHERE name_key = ''"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Money_sums_in_the_database_equal_the_sums_of_the_forms(string provider)
    {
        using var db = TestDatabase.Create(provider);
        db.Store.Importer().ImportFiles(SeedPaths);
        var parsed = Seeds.All.SelectMany(f => Seeds.Read(f).Forms).Where(f => f.Kind == FormKind.Target).Sum(f => f.Funds?.AnnualTotal ?? 0);

        var stats = await db.Store.StatsAsync();
        var units = await db.Store.UnitsAsync();

        Assert.Equal(143_422_787.00m, parsed);
        Assert.Equal(parsed, stats.TargetFunds);
        Assert.Equal(parsed, units.Sum(u => u.TargetFunds));
        var songjiang = Assert.Single(units, u => u.Name == "上海市松江区医疗保障局（本级）");
        Assert.Equal(1_713_200.00m, songjiang.TargetFunds); // the 15 target forms of seed 004, the two printed twice included
        var centre = Assert.Single(units, u => u.Name == "上海市医疗保险事业管理中心");
        Assert.Equal([2023, 2024], centre.Years);
        var scores = Seeds.Read(Seeds.File003).Forms.Select(f => f.TotalScore!.Value).ToList();
        Assert.Equal(Math.Round(scores.Average(), 2), centre.AverageScore);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Export_gives_back_what_was_parsed(string provider)
    {
        using var db = TestDatabase.Create(provider);
        db.Store.Importer().ImportFiles(SeedPaths);

        var exported = await db.Store.ExportAsync();

        Assert.Equal(Seeds.All, exported.Select(d => d.Source));
        foreach (var document in exported)
        {
            Assert.Equal(Numbers.ByValue(DisclosureJson.ToJson(Seeds.Read(document.Source))), Numbers.ByValue(DisclosureJson.ToJson(document)));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Changed_content_under_the_same_name_is_a_new_version_and_history_is_kept(string provider)
    {
        using var db = TestDatabase.Create(provider);
        using var folder = new TempFolder();
        var path = folder.File(Seeds.File000);
        File.Copy(Seeds.PathOf(Seeds.File000), path);
        var v1 = db.Store.Importer().ImportFile(path);
        var seed = Seeds.Read(Seeds.File000);
        var shorter = seed with { Forms = [.. seed.Forms.Take(5)] };
        File.WriteAllText(path, DisclosureJson.ToJson(shorter), Encoding.UTF8);
        var v2 = db.Store.Importer().ImportFile(path);
        var again = db.Store.Importer().ImportFile(path);

        Assert.Equal((ImportOutcome.Imported, 1, 7), (v1.Outcome, v1.Version, v1.Forms));
        Assert.Equal((ImportOutcome.NewVersion, 2, 5), (v2.Outcome, v2.Version, v2.Forms));
        Assert.Equal((ImportOutcome.Unchanged, 2), (again.Outcome, again.Version));
        var stats = await db.Store.StatsAsync();
        Assert.Equal((1, 2, 5, 12), (stats.SourceDocuments, stats.DocumentVersions, stats.Forms, stats.FormsInHistory));
        var history = await db.Store.HistoryAsync("上海医药采购中心", "工作服置装费");
        Assert.Empty(history); // the sixth form (工作服置装费) is not in force any more: its project has no current form
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_upload_in_memory_is_imported_under_its_source_name_and_only_once(string provider)
    {
        using var db = TestDatabase.Create(provider);
        var json = Encoding.UTF8.GetBytes(DisclosureJson.ToJson(Seeds.Read(Seeds.File002)));

        var first = db.Store.Importer().Import(SourceReader.Read("upload.json", json));
        var again = db.Store.Importer().Import(SourceReader.Read("renamed.json", json));

        Assert.Equal((ImportOutcome.Imported, Seeds.File002, 9), (first.Outcome, first.Source, first.Forms));
        Assert.Equal((ImportOutcome.Unchanged, Seeds.File002), (again.Outcome, again.Source));
        Assert.Equal(139, (await db.Store.StatsAsync()).Indicators);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_files_are_reported_and_nothing_of_them_is_stored(string provider)
    {
        using var db = TestDatabase.Create(provider);
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("a-not-a-form.txt"), "这不是绩效公开文件。\n只有两行。\n");
        File.WriteAllText(folder.File("b-broken.json"), "{ \"schema\": \"jixiao.disclosure/1\", \"forms\": [ ");
        var paths = new[] { folder.File("a-not-a-form.txt"), folder.File("b-broken.json"), folder.File("c-missing.txt"), Seeds.PathOf(Seeds.File000) };

        var results = db.Store.Importer().ImportFiles(paths);

        Assert.Equal([ImportOutcome.Failed, ImportOutcome.Failed, ImportOutcome.Failed, ImportOutcome.Imported], results.Select(r => r.Outcome));
        Assert.All(results.Take(3), r => Assert.False(string.IsNullOrEmpty(r.Message)));
        var stats = await db.Store.StatsAsync();
        Assert.Equal((1, 7), (stats.SourceDocuments, stats.Forms));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Diagnostics_are_stored_with_the_form_they_were_noticed_in(string provider)
    {
        using var db = TestDatabase.Create(provider);
        db.Store.Importer().ImportFile(Seeds.PathOf(Seeds.File004));
        var document = Seeds.Read(Seeds.File004);
        var expected = document.Diagnostics.Count(d => d.Line >= document.Forms[0].Line);

        var perForm = 0;
        for (var id = 1L; id <= 15; id++)
        {
            var form = await db.Store.FormAsync(id);
            Assert.NotNull(form);
            Assert.All(form.Diagnostics, d => Assert.True(d.Line >= form.Form.Line));
            perForm += form.Diagnostics.Count;
        }

        Assert.Equal(expected, perForm);
        Assert.True(perForm > 0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Findings_from_an_injected_provider_are_stored_with_the_forms(string provider)
    {
        using var db = TestDatabase.Create(provider);
        FindingsProvider lowScores = form => form.Indicators
            .Select((indicator, ordinal) => (indicator, ordinal))
            .Where(x => x.indicator.Score < x.indicator.Weight)
            .Select(x => new FindingRecord("score-below-weight", Severity.Warning, $"{x.indicator.Name} 得分低于分值", x.ordinal));
        var expected = Seeds.Read(Seeds.File002).Forms.Sum(f => f.Indicators.Count(i => i.Score < i.Weight));

        var result = db.Store.Importer(lowScores).ImportFile(Seeds.PathOf(Seeds.File002));
        var findings = await db.Store.FindingsAsync(atLeast: Severity.Warning);

        Assert.Equal(6, expected);
        Assert.Equal(expected, result.Findings);
        Assert.Equal(expected, findings.Count);
        Assert.All(findings, f => Assert.Equal("上海市药品监督管理局", f.Unit));
        Assert.Empty(await db.Store.FindingsAsync(atLeast: Severity.Error));
        Assert.Equal(expected, (await db.Store.StatsAsync()).Findings);
    }
}
