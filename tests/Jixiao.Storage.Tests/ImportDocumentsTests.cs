using Jixiao.Application;
using Jixiao.Domain.Checks;
using Jixiao.Storage.Import;
using Jixiao.Storage.Tests.Support;
using Jixiao.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Jixiao.Storage.Tests;

/// <summary>
/// The import use case (<see cref="ImportDocuments"/>): a file's forms and all their findings, those comparing
/// forms with one another included, are one unit of work; the caches are evicted once it is over.
/// </summary>
public sealed class ImportDocumentsTests
{
    private static readonly HashSet<string> SetCodes = [.. RuleCatalogue.SetRules.Select(r => r.Code)];

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_import_whose_set_findings_fail_stores_nothing_and_logs_failed(string provider)
    {
        using var db = TestDatabase.Create(provider);
        var evictions = new List<bool>();
        var checks = ImportChecks.Catalogue() with { Set = _ => throw new InvalidOperationException("比较程序出错") };
        var import = new ImportDocuments(db.Database, new RecordedEvictions(evictions), checks);

        var error = Assert.Throws<InvalidOperationException>(() => import.Files([Seeds.PathOf(Seeds.File002)], "cli:tester"));

        Assert.Equal("比较程序出错", error.Message);
        foreach (var table in new[] { "source_documents", "document_versions", "forms", "indicators", "budget_rows", "diagnostics", "findings", "projects", "units" })
        {
            Assert.True(db.Scalar($"SELECT count(*) FROM {table}") == 0, $"{table} should be empty after the rollback");
        }

        var line = Assert.Single(await db.Store.ImportAuditAsync(take: 10));
        Assert.Equal(("failed", "cli:tester", Seeds.File002, "比较程序出错"), (line.Action, line.UserName, line.Source, line.Message));
        Assert.Equal([false], evictions);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public void An_import_stores_the_findings_comparing_forms_that_a_full_recheck_would_store(string provider)
    {
        using var db = TestDatabase.Create(provider);
        var evictions = new List<bool>();

        var results = new ImportDocuments(db.Database, new RecordedEvictions(evictions)).Files([.. Seeds.All.Select(Seeds.PathOf)], "cli:tester");

        Assert.Equal(Seeds.All.Length, results.Count(ImportDocuments.IsStored));
        Assert.Equal([true], evictions);
        var imported = SetFindingRows(db);
        Assert.Contains(imported, f => f.Code == "form.duplicate" && f.Form == "业务培训");
        Assert.Contains(imported, f => f.Code == "form.duplicate" && f.Form == "网络信息系统运行与维护");
        Assert.Equal(imported.Count, SetFindings.Refresh(db.Database)); // what the import stored is what a recheck of every unit stores
        Assert.Equal(imported, SetFindingRows(db));
        Assert.True(db.Scalar("SELECT count(*) FROM findings WHERE code = 'target.vague'") > 0, "form findings are stored with their forms");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public void Reimporting_unchanged_files_evicts_the_pages_but_not_the_read_cache(string provider)
    {
        using var db = TestDatabase.Create(provider);
        var evictions = new List<bool>();
        var import = new ImportDocuments(db.Database, new RecordedEvictions(evictions));
        var path = Seeds.PathOf(Seeds.File003);
        import.Files([path], "cli:tester");

        var again = import.Content(File.ReadAllBytes(path), "again.txt", "admin");

        Assert.Equal(ImportOutcome.Unchanged, again.Outcome);
        Assert.Equal([true, false], evictions);
    }

    private static List<(string Code, string Form, int? Indicator, string Message)> SetFindingRows(TestDatabase db)
    {
        using var c = db.Database.CreateContext();
        return [.. c.Findings.AsNoTracking().Where(f => SetCodes.Contains(f.Code))
            .Select(f => new { f.Code, f.Form.Name, f.IndicatorOrdinal, f.Message, f.FormId }).AsEnumerable()
            .OrderBy(f => f.FormId).ThenBy(f => f.Code, StringComparer.Ordinal).ThenBy(f => f.IndicatorOrdinal).ThenBy(f => f.Message, StringComparer.Ordinal)
            .Select(f => (f.Code, f.Name, f.IndicatorOrdinal, f.Message))];
    }

    private sealed class RecordedEvictions(List<bool> evictions) : IImportCaches
    {
        public void Evict(bool stored) => evictions.Add(stored);
    }
}
