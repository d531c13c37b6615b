using Jixiao.Domain.Model;
using Jixiao.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Storage.Queries;

public sealed partial class JixiaoStore
{
    // The shapes are fixed, so the LINQ is translated once rather than looked up in EF's query cache on every
    // request. A compiled query serves one model only (SQLite's and PostgreSQL's differ), so each store has its
    // own, run on its ReadContext()s.
    private readonly Func<JixiaoDbContext, long, CancellationToken, Task<FormHead?>> _headQuery = EF.CompileAsyncQuery((JixiaoDbContext c, long id, CancellationToken ct) =>
        c.Forms.Where(f => f.Id == id).Select(f => new FormHead(
            f,
            f.ProjectYear.ProjectId,
            f.ProjectYear.Project.UnitId,
            f.DocumentVersion.SourceDocument.Name,
            f.DocumentVersion.Version,
            f.DocumentVersion.IsCurrent,
            f.BudgetRows.ToList(),
            c.Findings.Where(x => x.FormId == f.Id).OrderBy(x => x.Id)
                .Select(x => new FindingHead(x.Id, x.IndicatorOrdinal, x.Code, x.Severity, x.Message, x.Expected, x.Actual)).ToList()))
            .FirstOrDefault());

    private readonly Func<JixiaoDbContext, long, IAsyncEnumerable<StoredIndicator>> _indicatorsQuery = EF.CompileAsyncQuery((JixiaoDbContext c, long id) =>
        c.Indicators.Where(i => i.FormId == id).OrderBy(i => i.Ordinal).AsQueryable());

    /// <summary>
    /// One form, current or historical, with its findings; null when there is none. Two queries on one
    /// connection: the form with its keys, budget rows and findings, then its indicators.
    /// </summary>
    public async Task<FormPage?> FormPageAsync(long id, CancellationToken ct = default)
    {
        await using var c = ReadContext();
        await c.Database.OpenConnectionAsync(ct); // one connection (and one session setup) for both queries
        var head = await _headQuery(c, id, ct);
        if (head is null)
        {
            return null;
        }

        var indicators = await _indicatorsQuery(c, id).ToListAsync(ct);
        var byOrdinal = indicators.ToDictionary(i => i.Ordinal);
        var findings = head.Findings.Select(x => x.IndicatorOrdinal is { } o && byOrdinal.TryGetValue(o, out var i)
                ? new FormPageFinding(x.Id, x.Code, x.Severity, x.Message, i.Name, i.Line, x.Expected, x.Actual)
                : new FormPageFinding(x.Id, x.Code, x.Severity, x.Message, null, head.Row.Line, x.Expected, x.Actual))
            .ToList();
        return new FormPage(id, head.ProjectId, head.UnitId, head.Source, head.Version, head.IsCurrent, FormRows.ToDomain(head.Row, indicators, head.Budget), findings);
    }

    private sealed record FormHead(StoredForm Row, long ProjectId, long UnitId, string Source, int Version, bool IsCurrent, List<StoredBudgetRow> Budget, List<FindingHead> Findings);

    private sealed record FindingHead(long Id, int? IndicatorOrdinal, string Code, Severity Severity, string Message, string? Expected, string? Actual);
}
