using Jixiao.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Storage.Queries;

public sealed partial class JixiaoStore
{
    /// <summary>The versions in force as disclosure documents, one per source, ready for the interchange JSON.</summary>
    public async Task<IReadOnlyList<DisclosureDocument>> ExportAsync(CancellationToken ct = default)
    {
        await using var c = Database.CreateContext();
        var versions = await c.DocumentVersions.Where(v => v.IsCurrent).OrderBy(v => v.SourceDocument.Name)
            .Select(v => new { v.Id, v.SourceDocument.Name }).ToListAsync(ct);
        var forms = (await c.CurrentForms.OrderBy(f => f.Ordinal).ToListAsync(ct)).ToLookup(f => f.DocumentVersionId);
        var indicators = (await c.Indicators.Where(i => i.Form.DocumentVersion.IsCurrent).ToListAsync(ct)).ToLookup(i => i.FormId);
        var budget = (await c.BudgetRows.Where(r => c.CurrentForms.Any(f => f.Id == r.FormId)).ToListAsync(ct)).ToLookup(r => r.FormId);
        var diagnostics = (await c.Diagnostics.Where(d => c.DocumentVersions.Any(v => v.Id == d.DocumentVersionId && v.IsCurrent)).OrderBy(d => d.Ordinal).ToListAsync(ct))
            .ToLookup(d => d.DocumentVersionId);
        return [.. versions.Select(v => new DisclosureDocument(
            v.Name,
            [.. forms[v.Id].Select(f => FormRows.ToDomain(f, indicators[f.Id], [.. budget[f.Id]]))],
            [.. diagnostics[v.Id].Select(d => new Diagnostic(d.Severity, d.Line, d.Code, d.Message))]))];
    }
}
