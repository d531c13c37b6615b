using Jixiao.Domain.Model;
using Jixiao.Domain.Projects;
using Jixiao.Storage.Entities;
using Jixiao.Storage.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Jixiao.Storage.Queries;

/// <summary>
/// The read side of the store, for the CLI and the web app: dashboard counts, units, one form, a
/// project's history across years, search, findings, relations and export. Each call uses its own
/// short-lived context; all are read-only except <see cref="LinkProjectsAsync"/>.
/// </summary>
public sealed partial class JixiaoStore(JixiaoDatabase database)
{
    public static JixiaoStore Open(string? connectionString = null) => new(JixiaoDatabase.Open(connectionString));

    public JixiaoDatabase Database { get; } = database;

    // Created on first use from the database's own options (same provider, interceptors and no-tracking default).
    private PooledDbContextFactory<JixiaoDbContext>? _readContexts;

    /// <summary>
    /// A context for a short read, from a pool: what a web request reads with. A new context costs more than
    /// the indexed queries of a form page (0.1–0.4 ms on the benchmark machine: its services are resolved again
    /// and, on SQLite, the connection's functions registered again); a pooled one is reset and reused (~0.03 ms).
    /// Dispose it as any context; do not keep it, and do not write with it.
    /// </summary>
    public JixiaoDbContext ReadContext()
    {
        var pool = _readContexts;
        if (pool is null)
        {
            using var context = Database.CreateContext();
            pool = new PooledDbContextFactory<JixiaoDbContext>((DbContextOptions<JixiaoDbContext>)context.GetService<IDbContextOptions>());
            pool = Interlocked.CompareExchange(ref _readContexts, pool, null) ?? pool;
        }

        return pool.CreateDbContext();
    }

    /// <summary>
    /// An importer into this store; <paramref name="findings"/> computes findings to store with each form,
    /// <paramref name="user"/> is who the audit log names, <paramref name="setFindings"/> compares the forms of
    /// each unit an import touches (in its transaction).
    /// </summary>
    public Importer Importer(FindingsProvider? findings = null, string user = Import.Importer.SystemUser, SetFindingsProvider? setFindings = null) =>
        new(Database, findings, user, setFindings);

    public async Task<StoreStats> StatsAsync(CancellationToken ct = default)
    {
        var version = Database.SchemaVersion();
        await using var c = Database.CreateContext();
        var forms = c.CurrentForms;
        var indicators = c.Indicators.Where(i => i.Form.DocumentVersion.IsCurrent);
        var formsByYear = await forms.GroupBy(f => f.Year).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var indicatorsByYear = await indicators.GroupBy(i => i.Form.Year).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return new StoreStats(
            Database.Target.ToString(),
            version,
            await c.Departments.CountAsync(ct),
            await c.Units.CountAsync(ct),
            await c.Projects.CountAsync(ct),
            await c.ProjectYears.CountAsync(ct),
            await c.Projects.CountAsync(p => p.Years.Count(y => y.Year != 0) > 1, ct),
            await c.ProjectRelations.CountAsync(ct),
            await c.SourceDocuments.CountAsync(ct),
            await c.DocumentVersions.CountAsync(ct),
            await forms.CountAsync(ct),
            await forms.CountAsync(f => f.Kind == FormKind.Target, ct),
            await forms.CountAsync(f => f.Kind == FormKind.SelfEvaluation, ct),
            await c.Forms.CountAsync(ct),
            await indicators.CountAsync(ct),
            await c.BudgetRows.CountAsync(r => forms.Any(f => f.Id == r.FormId), ct),
            await c.Diagnostics.CountAsync(d => c.DocumentVersions.Any(v => v.Id == d.DocumentVersionId && v.IsCurrent), ct),
            await c.Findings.CountAsync(f => f.Form.DocumentVersion.IsCurrent, ct),
            await forms.Where(f => f.Kind == FormKind.Target).SumAsync(f => f.FundsAnnualTotal, ct) ?? 0,
            [.. formsByYear.OrderBy(y => y.Key).Select(y => new YearCount(y.Key, y.Count, indicatorsByYear.FirstOrDefault(i => i.Key == y.Key)?.Count ?? 0))]);
    }

    /// <summary>Every unit with its projects, forms, indicators, declared funds (元) and mean self-evaluation score.</summary>
    public async Task<IReadOnlyList<UnitSummaryView>> UnitsAsync(CancellationToken ct = default)
    {
        await using var c = Database.CreateContext();
        var units = await c.Units.Select(u => new { u.Id, u.Name, Department = u.Department.Name }).ToListAsync(ct);
        var forms = await c.CurrentForms.GroupBy(f => f.ProjectYear.Project.UnitId).Select(g => new
        {
            UnitId = g.Key,
            Forms = g.Count(),
            Projects = g.Select(f => f.ProjectYear.ProjectId).Distinct().Count(),
            Funds = g.Sum(f => f.FundsAnnualTotal),
            ScoreSum = g.Sum(f => f.TotalScore), // not Average: SQLite averages the stored hundredths as REAL
            Scored = g.Count(f => f.TotalScore != null),
        }).ToListAsync(ct);
        var indicators = await c.Indicators.Where(i => i.Form.DocumentVersion.IsCurrent)
            .GroupBy(i => i.Form.ProjectYear.Project.UnitId).Select(g => new { UnitId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var years = await c.CurrentForms.Select(f => new { f.ProjectYear.Project.UnitId, f.ProjectYear.Year }).Distinct().ToListAsync(ct);
        return [.. units.OrderBy(u => u.Department, StringComparer.Ordinal).ThenBy(u => u.Name, StringComparer.Ordinal).Select(u =>
        {
            var f = forms.FirstOrDefault(x => x.UnitId == u.Id);
            return new UnitSummaryView(
                u.Id,
                u.Department,
                u.Name,
                f?.Projects ?? 0,
                f?.Forms ?? 0,
                indicators.FirstOrDefault(x => x.UnitId == u.Id)?.Count ?? 0,
                f?.Funds ?? 0,
                f is { Scored: > 0, ScoreSum: { } sum } ? Math.Round(sum / f.Scored, 2) : null,
                [.. years.Where(y => y.UnitId == u.Id && y.Year != 0).Select(y => y.Year).Order()]);
        })];
    }

    /// <summary>One form, current or historical, with its diagnostics and findings; null when there is none.</summary>
    public async Task<FormDetail?> FormAsync(long id, CancellationToken ct = default)
    {
        await using var c = Database.CreateContext();
        var form = await c.Forms.Where(f => f.Id == id)
            .Select(f => new { Row = f, f.ProjectYear.ProjectId, Source = f.DocumentVersion.SourceDocument.Name, f.DocumentVersion.Version, f.DocumentVersion.IsCurrent })
            .FirstOrDefaultAsync(ct);
        if (form is null)
        {
            return null;
        }

        var indicators = await c.Indicators.Where(i => i.FormId == id).ToListAsync(ct);
        var budget = await c.BudgetRows.Where(r => r.FormId == id).ToListAsync(ct);
        var diagnostics = await c.Diagnostics.Where(d => d.FormId == id).OrderBy(d => d.Ordinal).ToListAsync(ct);
        return new FormDetail(
            id,
            form.ProjectId,
            form.Source,
            form.Version,
            form.IsCurrent,
            FormRows.ToDomain(form.Row, indicators, budget),
            [.. diagnostics.Select(d => new Diagnostic(d.Severity, d.Line, d.Code, d.Message))],
            await FindingsAsync(id, null, int.MaxValue, ct));
    }

    /// <summary>Findings of the forms in force (or of one form), worst first; <paramref name="atLeast"/> filters by severity.</summary>
    public async Task<IReadOnlyList<FindingView>> FindingsAsync(long? formId = null, Severity? atLeast = null, int limit = 1000, CancellationToken ct = default)
    {
        await using var c = Database.CreateContext();
        var query = formId is { } id ? c.Findings.Where(f => f.FormId == id) : c.Findings.Where(f => f.Form.DocumentVersion.IsCurrent);
        if (atLeast is { } floor)
        {
            var severities = Enum.GetValues<Severity>().Where(s => s >= floor).ToList();
            query = query.Where(f => severities.Contains(f.Severity));
        }

        var rows = await query.OrderBy(f => f.FormId).ThenBy(f => f.Id).Take(limit).Select(f => new FindingView(
            f.Id, f.FormId, f.Form.ProjectYear.Project.Unit.Name, f.Form.Name, f.Form.Year, f.Form.Kind, f.IndicatorOrdinal, f.Code, f.Severity, f.Message, f.Expected, f.Actual)).ToListAsync(ct);
        return [.. rows.OrderByDescending(f => f.Severity)];
    }

    /// <summary>Projects published in more than one year, with the name they had each year.</summary>
    public async Task<IReadOnlyList<CrossYearProject>> CrossYearProjectsAsync(CancellationToken ct = default)
    {
        await using var c = Database.CreateContext();
        var rows = await c.ProjectYears.Where(y => y.Year != 0 && c.ProjectYears.Count(o => o.ProjectId == y.ProjectId && o.Year != 0) > 1)
            .Select(y => new { y.ProjectId, Unit = y.Project.Unit.Name, y.Year, y.Name, y.MatchKind }).ToListAsync(ct);
        return [.. rows.GroupBy(r => (r.ProjectId, r.Unit)).OrderBy(g => g.Key.Unit, StringComparer.Ordinal).ThenBy(g => g.Key.ProjectId)
            .Select(g => new CrossYearProject(g.Key.ProjectId, g.Key.Unit, [.. g.OrderBy(y => y.Year).Select(y => new ProjectYearName(y.Year, y.Name, Words.Of(y.MatchKind)))]))];
    }

    /// <summary>Every parent/child link between projects, detected or manual.</summary>
    public async Task<IReadOnlyList<ProjectLink>> RelationsAsync(CancellationToken ct = default)
    {
        await using var c = Database.CreateContext();
        return await c.ProjectRelations.OrderBy(r => r.ParentProjectId).ThenBy(r => r.ChildProjectId)
            .Select(r => new ProjectLink(r.ParentProjectId, r.Parent.Name, r.ChildProjectId, r.Child.Name, r.Parent.Unit.Name, r.Origin))
            .ToListAsync(ct);
    }

    /// <summary>Links a child project to its umbrella project by hand; false when the link already exists.</summary>
    public async Task<bool> LinkProjectsAsync(long parentId, long childId, CancellationToken ct = default)
    {
        if (parentId == childId)
        {
            throw new StoreException("项目不能是它自己的上级项目。");
        }

        await using var c = Database.CreateContext();
        var found = await c.Projects.CountAsync(p => p.Id == parentId || p.Id == childId, ct);
        if (found != 2)
        {
            throw new StoreException($"没有编号为 {parentId} 或 {childId} 的项目。");
        }

        if (await c.ProjectRelations.AnyAsync(r => r.ParentProjectId == parentId && r.ChildProjectId == childId, ct))
        {
            return false;
        }

        c.ProjectRelations.Add(new ProjectRelation { ParentProjectId = parentId, ChildProjectId = childId, Origin = ProjectRelation.Manual });
        await c.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The unit a user named: exact name first, then the one unit whose name contains the text.</summary>
    private static async Task<Unit> FindUnitAsync(JixiaoDbContext c, string text, CancellationToken ct)
    {
        var key = ProjectNames.Key(text);
        var units = await c.Units.Where(u => u.NameKey == key).ToListAsync(ct);
        if (units.Count == 0)
        {
            units = await c.Units.Where(u => u.NameKey.Contains(key)).Take(20).ToListAsync(ct);
        }

        return units switch
        {
            [var one] => one,
            [] => throw new StoreException($"没有名称含“{text}”的实施单位。"),
            _ => throw new StoreException($"“{text}”对应多个实施单位：{string.Join("、", units.Select(u => u.Name))}"),
        };
    }
}
