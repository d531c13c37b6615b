using System.Text.Json;
using Jixiao.Domain.Projects;
using Jixiao.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Storage.Import;

/// <summary>A monitoring form read from a file, as the importer stores it: who and what it is, and its interchange JSON.</summary>
/// <param name="Unit">实施单位 as the file names it (matched by <see cref="ProjectNames.Key"/>).</param>
/// <param name="Json">The form's interchange JSON (kind <c>monitoring</c>), as the web app stores it.</param>
public sealed record MonitoringImportForm(string Name, int? Year, string Unit, int Indicators, string Json);

/// <summary>
/// Stores the monitoring forms of one file (<c>jixiao import</c> of a JSON <c>kind: "monitoring"</c> or a 执行监控表
/// workbook) in <c>monitoring_forms</c>, in one transaction: all of the file or nothing. A form is the one of its unit,
/// year and project name: a new one is stored as version 1, awaiting the department's review; the same content again
/// changes nothing; other content becomes its next version, back to awaiting review (the web app's optimistic
/// concurrency then refuses a stale save of the old one). Every change is a <c>monitoring_audit</c> line (action
/// <see cref="Action"/>) with the record before and after, and the file one <c>import_audit</c> line, as for forms.
/// The form's key (<see cref="StoredMonitoringForm.ImportKey"/>) is unique per unit (migration 0013): of two
/// imports of the same new form at once, one stores it and the other, retried, finds it.
/// </summary>
public sealed class MonitoringImporter(JixiaoDatabase database, string user = Importer.SystemUser)
{
    /// <summary>The action of the monitoring audit line an import writes.</summary>
    public const string Action = "import";

    public ImportResult Import(string fileName, string contentHash, IReadOnlyList<MonitoringImportForm> forms)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return ImportOnce(fileName, contentHash, forms);
            }
            catch (Exception ex) when (attempt < Conflicts.MaxAttempts && Conflicts.IsTransient(ex))
            {
                Conflicts.Backoff(attempt); // the transaction is rolled back: all of the file again, in a new context
            }
        }
    }

    private ImportResult ImportOnce(string fileName, string contentHash, IReadOnlyList<MonitoringImportForm> forms)
    {
        using var context = database.CreateContext();
        ImportResult result;
        using (var transaction = context.Database.BeginTransaction())
        {
            result = Store(context, fileName, forms);
            if (result.Outcome != ImportOutcome.Failed)
            {
                context.ImportAudit.Add(AuditLines.Line(user, result, contentHash));
                context.SaveChanges();
                transaction.Commit();
                return result;
            }

            transaction.Rollback();
        }

        // Nothing of the file is stored; the failure is logged on its own.
        return Fail(fileName, contentHash, result.Message!);
    }

    /// <summary>Logs a file that could not be used (<paramref name="message"/> says why); nothing is stored.</summary>
    public ImportResult Fail(string fileName, string? contentHash, string message)
    {
        var result = new ImportResult(fileName, ImportOutcome.Failed, fileName, Message: message);
        using var context = database.CreateContext();
        context.ImportAudit.Add(AuditLines.Line(user, result, contentHash));
        context.SaveChanges();
        return result;
    }

    private ImportResult Store(JixiaoDbContext context, string fileName, IReadOnlyList<MonitoringImportForm> forms)
    {
        if (forms.Count == 0)
        {
            return new ImportResult(fileName, ImportOutcome.Failed, fileName, Message: "文件中没有读到运行监控表");
        }

        var now = DateTimeOffset.UtcNow;
        var (created, changed, version) = (0, 0, 0);
        foreach (var form in forms)
        {
            var key = ProjectNames.Key(form.Unit);
            if (context.Units.FirstOrDefault(u => u.NameKey == key) is not { } unit)
            {
                return new ImportResult(fileName, ImportOutcome.Failed, fileName, Message: $"“{form.Name}”的实施单位“{form.Unit}”不在库中：请先导入该单位的绩效目标申报表");
            }

            var importKey = StoredMonitoringForm.KeyOf(form.Year, form.Name);
            var record = context.MonitoringForms.AsTracking().FirstOrDefault(r => r.UnitId == unit.Id && r.ImportKey == importKey)
                ?? context.MonitoringForms.AsTracking().Where(r => r.UnitId == unit.Id && r.ImportKey == null).AsEnumerable().FirstOrDefault(r => Same(r.FormJson, form));
            string? before = null;
            if (record is null)
            {
                record = new StoredMonitoringForm { UnitId = unit.Id, Version = 1, CreatedBy = user, CreatedAt = now, UpdatedAt = now, FormJson = form.Json, ImportKey = importKey };
                context.MonitoringForms.Add(record);
                created++;
            }
            else if (record.FormJson == form.Json)
            {
                version = Math.Max(version, record.Version);
                continue;
            }
            else
            {
                before = StoredMonitoringAudit.Snapshot(record);
                (record.FormJson, record.State, record.ReviewComment, record.UpdatedAt, record.ImportKey) = (form.Json, StoredMonitoringForm.Submitted, null, now, importKey);
                record.Version++;
                changed++;
            }

            version = Math.Max(version, record.Version);
            context.MonitoringAudit.Add(new StoredMonitoringAudit
            {
                Record = record, Action = Action, UserName = user, At = now, Comment = $"导入 {fileName}", BeforeJson = before,
                AfterJson = StoredMonitoringAudit.Snapshot(record),
            });
            context.SaveChanges(); // each form on its own, so a form met twice in one file is found the second time
        }

        var outcome = created + changed == 0 ? ImportOutcome.Unchanged : changed > 0 ? ImportOutcome.NewVersion : ImportOutcome.Imported;
        return new ImportResult(fileName, outcome, fileName, version, forms.Count, forms.Sum(f => f.Indicators),
            Message: outcome == ImportOutcome.Unchanged ? Importer.AlreadyStored : null);
    }

    /// <summary>
    /// Whether a stored form without a key (started in the browser, or stored before migration 0013) is the one of
    /// <paramref name="form"/>: the same project name and year (its unit is the query's).
    /// </summary>
    private static bool Same(string json, MonitoringImportForm form)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var name = root.TryGetProperty("name", out var n) ? n.GetString() : null;
        int? year = root.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number ? y.GetInt32() : null;
        return StoredMonitoringForm.KeyOf(year, name) == StoredMonitoringForm.KeyOf(form.Year, form.Name);
    }
}
