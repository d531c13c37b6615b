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

    /// <summary>The import audit lines of the source a form was read from, newest first; empty when there is no such form.</summary>
    public async Task<IReadOnlyList<ImportAuditView>> ImportHistoryOfFormAsync(long formId, CancellationToken ct = default)
    {
        await using var c = Database.CreateContext();
        var source = await c.Forms.Where(f => f.Id == formId).Select(f => f.DocumentVersion.SourceDocument.Name).FirstOrDefaultAsync(ct);
        if (source is null)
        {
            return [];
        }

        return [.. (await c.ImportAudit.Where(a => a.SourceName == source).OrderByDescending(a => a.Id).ToListAsync(ct)).Select(View)];
    }

    private readonly Func<JixiaoDbContext, long, IEnumerable<ImportAuditLine>> _historyOfFormQuery = EF.CompileQuery((JixiaoDbContext c, long formId) =>
        c.ImportAudit.Where(a => a.SourceName == c.Forms.Where(f => f.Id == formId).Select(f => f.DocumentVersion.SourceDocument.Name).FirstOrDefault())
            .OrderByDescending(a => a.Id).AsQueryable());

    /// <summary>
    /// <see cref="ImportHistoryOfFormAsync"/> as one compiled query (the source's name is a subquery) on a pooled
    /// context, synchronous for the form page (see <see cref="FormPage"/>).
    /// </summary>
    public IReadOnlyList<ImportAuditView> ImportHistoryOfForm(long formId)
    {
        using var c = ReadContext();
        return [.. _historyOfFormQuery(c, formId).Select(View)];
    }

    private readonly Func<JixiaoDbContext, long?> _watermarkQuery = EF.CompileQuery((JixiaoDbContext c) => c.ImportAudit.Max(a => (long?)a.Id));

    /// <summary>
    /// The id of the newest import audit line (0 when there is none): every import writes one in its own
    /// transaction, whichever process made it, so a reader can tell that the data may have changed.
    /// </summary>
    public long ImportWatermark()
    {
        using var c = ReadContext();
        return _watermarkQuery(c) ?? 0;
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
