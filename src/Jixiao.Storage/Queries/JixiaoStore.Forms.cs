using Microsoft.EntityFrameworkCore;

namespace Jixiao.Storage.Queries;

public sealed partial class JixiaoStore
{
    /// <summary>
    /// How many ids one query names. EF Core 10 sends a list a query matches against as one parameter per
    /// element (padded), and SQLite caps the parameters of a statement (999 before 3.32); a thousand keeps a
    /// chunk under that and PostgreSQL's statements small, while a department's 2,000 forms take a few queries.
    /// </summary>
    public const int IdChunk = 1000;

    /// <summary>
    /// Whole forms by id (current or historical), in the order of <paramref name="ids"/>, with their keys and
    /// source; an id with no form is left out. For the lists that need every form whole — a department's 概况, a
    /// unit's workbook — where <see cref="FormPageAsync"/> form by form took two queries each (and read findings
    /// those lists do not show): here three queries per <see cref="IdChunk"/> ids, on one pooled connection —
    /// the forms with their keys, then all their indicators, then all their budget rows.
    /// </summary>
    public async Task<IReadOnlyList<WholeForm>> FormsAsync(IReadOnlyList<long> ids, CancellationToken ct = default)
    {
        await using var c = ReadContext();
        await c.Database.OpenConnectionAsync(ct); // one connection (and one session setup) for every chunk
        var found = new Dictionary<long, WholeForm>(ids.Count);
        foreach (var block in ids.Distinct().Chunk(IdChunk))
        {
            List<long> chunk = [.. block]; // a List: an array's Contains binds to the span overload in C# 14
            var heads = await c.Forms.AsNoTracking().Where(f => chunk.Contains(f.Id))
                .Select(f => new
                {
                    Row = f,
                    f.ProjectYear.ProjectId,
                    f.ProjectYear.Project.UnitId,
                    Source = f.DocumentVersion.SourceDocument.Name,
                    f.DocumentVersion.Version,
                    f.DocumentVersion.IsCurrent,
                })
                .ToListAsync(ct);
            var indicators = (await c.Indicators.AsNoTracking().Where(i => chunk.Contains(i.FormId)).ToListAsync(ct)).ToLookup(i => i.FormId);
            var budget = (await c.BudgetRows.AsNoTracking().Where(r => chunk.Contains(r.FormId)).ToListAsync(ct)).ToLookup(r => r.FormId);
            foreach (var h in heads)
            {
                found[h.Row.Id] = new WholeForm(h.Row.Id, h.ProjectId, h.UnitId, h.Source, h.Version, h.IsCurrent,
                    FormRows.ToDomain(h.Row, indicators[h.Row.Id], [.. budget[h.Row.Id]]));
            }
        }

        return [.. ids.Where(found.ContainsKey).Select(id => found[id])];
    }
}
