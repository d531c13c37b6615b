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

    /// <summary>
    /// Two files of one unit imported at once on PostgreSQL: the second's recheck of the unit waits until the first
    /// has committed, then reads what it stored and replaces the findings of the unit's older forms, so none is
    /// stored twice. The first is held inside its recheck until the second is seen waiting for the unit's lock.
    /// </summary>
    [PostgresFact]
    public async Task Two_files_of_one_unit_imported_at_once_leave_each_finding_once()
    {
        using var db = TestDatabase.Create(TestDatabase.Postgres);
        new ImportDocuments(db.Database).Files([Seeds.PathOf(Seeds.File004)], "cli:tester"); // 业务培训 ×2, 网络信息系统运行与维护 ×2
        var perSource = SetFindingRows(db).Count(f => f.Code == "form.duplicate");
        var forms = Seeds.Read(Seeds.File004).Forms;
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var gate = new ManualResetEventSlim();
        var catalogue = SetFindings.Provider();
        SetFindingsProvider held = unit =>
        {
            entered.TrySetResult();
            gate.Wait();
            return catalogue(unit);
        };

        var one = OnThread(() => db.Store.Importer(RuleFindings.Provider(), "one", held).Import(Source("one.json", forms)));
        await entered.Task; // the first holds the unit's lock, its findings written but not committed
        var two = OnThread(() => db.Store.Importer(RuleFindings.Provider(), "two", catalogue).Import(Source("two.json", forms)));
        var waiting = 0L;
        for (var watch = System.Diagnostics.Stopwatch.StartNew(); waiting == 0 && watch.Elapsed < TimeSpan.FromSeconds(30); await Task.Delay(20))
        {
            waiting = db.Scalar("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted");
        }

        gate.Set();
        var results = await Task.WhenAll(one, two);

        Assert.Equal(1, waiting);
        Assert.All(results, r => Assert.Equal(ImportOutcome.Imported, r.Outcome));
        var imported = SetFindingRows(db);
        Assert.Equal((2, 3 * 2), (perSource, imported.Count(f => f.Code == "form.duplicate")));
        Assert.Equal(imported.Count, SetFindings.Refresh(db.Database));
        Assert.Equal(imported, SetFindingRows(db));
    }

    private static ImportSource Source(string name, IReadOnlyList<Domain.Model.PerformanceForm> forms) =>
        ImportSource.FromDocuments(name, ImportSource.Hash(System.Text.Encoding.UTF8.GetBytes(name)), 0, [new Domain.Model.DisclosureDocument(name, forms, [])]);

    private static Task<ImportResult> OnThread(Func<ImportResult> import) =>
        Task.Factory.StartNew(import, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

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
