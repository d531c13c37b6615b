using Jixiao.Storage.Entities;
using Jixiao.Storage.Import;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Storage.Queries;

public sealed partial class JixiaoStore
{
    /// <summary>
    /// Lines of the import audit log, newest first: those of <paramref name="user"/> and with
    /// <paramref name="outcome"/> when given, <paramref name="take"/> of them after <paramref name="skip"/>.
    /// </summary>
    public async Task<IReadOnlyList<ImportAuditView>> ImportAuditAsync(string? user = null, ImportOutcome? outcome = null, int skip = 0, int take = 100, CancellationToken ct = default)
    {
        await using var c = Database.CreateContext();
        var lines = c.ImportAudit.AsQueryable();
        if (!string.IsNullOrEmpty(user))
        {
            lines = lines.Where(a => a.UserName == user);
        }

        if (outcome is { } o)
        {
            lines = lines.Where(a => a.Outcome == o);
        }

        return [.. (await lines.OrderByDescending(a => a.Id).Skip(skip).Take(take).ToListAsync(ct)).Select(View)];
    }

    // The source's name is a subquery: one compiled query on a pooled context for the form page.
    private readonly Func<JixiaoDbContext, long, IAsyncEnumerable<ImportAuditLine>> _historyOfFormQuery = EF.CompileAsyncQuery((JixiaoDbContext c, long formId) =>
        c.ImportAudit.Where(a => a.SourceName == c.Forms.Where(f => f.Id == formId).Select(f => f.DocumentVersion.SourceDocument.Name).FirstOrDefault())
            .OrderByDescending(a => a.Id).AsQueryable());

    /// <summary>The import audit lines of the source a form was read from, newest first; empty when there is no such form.</summary>
    public async Task<IReadOnlyList<ImportAuditView>> ImportHistoryOfFormAsync(long formId, CancellationToken ct = default)
    {
        await using var c = ReadContext();
        return [.. (await _historyOfFormQuery(c, formId).ToListAsync(ct)).Select(View)];
    }

    private readonly Func<JixiaoDbContext, CancellationToken, Task<long?>> _watermarkQuery =
        EF.CompileAsyncQuery((JixiaoDbContext c, CancellationToken ct) => c.ImportAudit.Max(a => (long?)a.Id));

    /// <summary>
    /// The id of the newest import audit line (0 when there is none): every import writes one in its own
    /// transaction, whichever process made it, so a reader can tell that the data may have changed.
    /// </summary>
    public async Task<long> ImportWatermarkAsync(CancellationToken ct = default)
    {
        await using var c = ReadContext();
        return await _watermarkQuery(c, ct) ?? 0;
    }

    /// <summary>The user names found in the import audit log, for a filter.</summary>
    public async Task<IReadOnlyList<string>> ImportAuditUsersAsync(CancellationToken ct = default)
    {
        await using var c = Database.CreateContext();
        return await c.ImportAudit.Select(a => a.UserName).Distinct().OrderBy(u => u).ToListAsync(ct);
    }

    private static ImportAuditView View(ImportAuditLine a) => new(
        a.Id, DateTime.SpecifyKind(a.At, DateTimeKind.Utc), a.UserName, a.SourceName, a.FileName, a.ContentHash, a.Outcome, Words.Of(a.Outcome),
        a.Version, a.FormCount, a.IndicatorCount, a.FindingCount, a.Message, a.BeforeJson, a.AfterJson);
}
