using Jixiao.Domain.Model;
using Jixiao.Storage;
using Jixiao.Storage.Queries;
using Microsoft.EntityFrameworkCore;
using Entities = Jixiao.Storage.Entities;

namespace Jixiao.Web.Data;

/// <summary>
/// The read model over the database (SQLite or PostgreSQL): lists and the dashboard are SQL queries over
/// the forms in force (current document versions), single forms come whole from <see cref="JixiaoStore"/>.
/// The dashboard, units, years, departments and the indicator library are kept in <paramref name="cache"/>
/// (see <see cref="ReadCache"/> for what can be stale and for how long); forms, lists and findings are read
/// fresh every time.
/// </summary>
public sealed class StoreReadModel(JixiaoStore store, ReadCache cache) : IReadModel
{

    private JixiaoDbContext Context() => store.ReadContext();

    private static IQueryable<Entities.StoredForm> Scoped(JixiaoDbContext c, Scope scope)
    {
        var q = c.CurrentForms;
        if (scope.Year is { } year)
        {
            q = q.Where(f => f.Year == year);
        }

        if (!string.IsNullOrEmpty(scope.Department))
        {
            q = q.Where(f => f.Department == scope.Department);
        }

        if (scope.UnitId is { } unit)
        {
            q = q.Where(f => f.ProjectYear.Project.UnitId == unit);
        }

        return q;
    }

    public Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct = default) => cache.GetAsync("Years", ReadYears, ct);

    public Task<IReadOnlyList<string>> DepartmentsAsync(CancellationToken ct = default) => cache.GetAsync("Departments", ReadDepartments, ct);

    public Task<IReadOnlyList<UnitRow>> UnitsAsync(Scope scope, CancellationToken ct = default) => cache.GetAsync(("Units", scope), t => ReadUnits(scope, t), ct);

    public Task<Dashboard> DashboardAsync(Scope scope, CancellationToken ct = default) => cache.GetAsync(("Dashboard", scope), t => ReadDashboard(scope, t), ct);

    public Task<IReadOnlyList<LibraryIndicator>> LibraryAsync(string level2, string? level1 = null, string? text = null, int limit = 20, CancellationToken ct = default) =>
        cache.GetAsync(("Library", level2, level1, text, limit), t => store.LibraryAsync(level2, level1, text, limit, t), ct);

    private async Task<IReadOnlyList<int>> ReadYears(CancellationToken ct)
    {
        await using var c = Context();
        return await c.CurrentForms.Where(f => f.Year != null).Select(f => f.Year!.Value).Distinct().OrderBy(y => y).ToListAsync(ct);
    }

    private async Task<IReadOnlyList<string>> ReadDepartments(CancellationToken ct)
    {
        await using var c = Context();
        return await c.CurrentForms.Select(f => f.Department).Distinct().OrderBy(d => d).ToListAsync(ct);
    }

    private async Task<IReadOnlyList<UnitRow>> ReadUnits(Scope scope, CancellationToken ct)
    {
        await using var c = Context();
        var counts = await Scoped(c, scope).GroupBy(f => f.ProjectYear.Project.UnitId)
            .Select(g => new { UnitId = g.Key, Forms = g.Count(), Projects = g.Select(f => f.ProjectYear.ProjectId).Distinct().Count() })
            .ToListAsync(ct);
        var ids = counts.Select(x => x.UnitId).ToList();
        var names = await c.Units.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Name, Department = u.Department.Name }).ToDictionaryAsync(u => u.Id, ct);
        return counts.Select(x => new UnitRow(x.UnitId, names[x.UnitId].Name, names[x.UnitId].Department, x.Forms, x.Projects))
            .OrderBy(u => u.Department, StringComparer.Ordinal).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
    }

    public async Task<IReadOnlyList<FormRow>> FormsAsync(Scope scope, int limit = 10_000, CancellationToken ct = default)
    {
        await using var c = Context();
        return await Rows(c, Scoped(c, scope).OrderBy(f => f.Id).Take(limit)).ToListAsync(ct);
    }

    public async Task<Paged<FormRow>> FormPageAsync(Scope scope, Paging paging, CancellationToken ct = default)
    {
        await using var c = Context();
        var forms = Scoped(c, scope);
        var total = await forms.CountAsync(ct);
        return new(await Rows(c, forms.OrderBy(f => f.Id).Skip(paging.Skip).Take(paging.PageSize)).ToListAsync(ct), paging.Page, paging.PageSize, total);
    }

    /// <summary>The forms of <paramref name="forms"/> as lines of a list, in its order.</summary>
    private static IQueryable<FormRow> Rows(JixiaoDbContext c, IQueryable<Entities.StoredForm> forms) =>
        forms.Select(f => new FormRow(
            f.Id, f.ProjectYear.ProjectId, f.ProjectYear.Project.UnitId, f.Kind, f.Year, f.Name, f.Unit, f.Department,
            f.FundsAnnualTotal,
            f.BudgetRows.Where(r => r.RowKind == Entities.StoredBudgetRow.Total).Select(r => r.FullAmount).FirstOrDefault(),
            f.Indicators.Count,
            f.TotalScore,
            f.Grade,
            c.Findings.Count(x => x.FormId == f.Id),
            f.DocumentVersion.SourceDocument.Name,
            f.Line));

    private async Task<Dashboard> ReadDashboard(Scope scope, CancellationToken ct)
    {
        await using var c = Context();
        var forms = Scoped(c, scope);
        var kinds = await forms.GroupBy(f => f.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var selfs = forms.Where(f => f.Kind == FormKind.SelfEvaluation);
        var scores = await selfs.Where(f => f.TotalScore != null).GroupBy(_ => 1).Select(g => new { Sum = g.Sum(f => f.TotalScore), Count = g.Count() }).FirstOrDefaultAsync(ct);
        var grades = await selfs.GroupBy(f => f.Grade).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var rates = await (from f in selfs
                           join r in c.BudgetRows on f.Id equals r.FormId
                           where r.RowKind == Entities.StoredBudgetRow.Total && r.Rate != null
                           select r.Rate!.Value).ToListAsync(ct);
        var findings = await (from f in forms join x in c.Findings on f.Id equals x.FormId group x by x.Code into g select new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var units = await forms.GroupBy(f => f.ProjectYear.Project.UnitId).Select(g => new
        {
            UnitId = g.Key,
            Forms = g.Count(),
            Funds = g.Sum(f => f.FundsAnnualTotal),
            ScoreSum = g.Sum(f => f.Kind == FormKind.SelfEvaluation ? f.TotalScore : null),
            Scored = g.Count(f => f.Kind == FormKind.SelfEvaluation && f.TotalScore != null),
        }).ToListAsync(ct);
        var unitIds = units.Select(u => u.UnitId).ToList();
        var unitNames = await c.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var projects = await forms.Select(f => f.ProjectYear.ProjectId).Distinct().CountAsync(ct);
        var funds = await forms.Where(f => f.Kind == FormKind.Target).SumAsync(f => f.FundsAnnualTotal, ct) ?? 0m;
        return new Dashboard(
            projects,
            kinds.FirstOrDefault(k => k.Key == FormKind.Target)?.Count ?? 0,
            kinds.FirstOrDefault(k => k.Key == FormKind.SelfEvaluation)?.Count ?? 0,
            funds,
            scores is null ? null : Data.Dashboard.Mean(scores.Sum ?? 0m, scores.Count),
            Data.Dashboard.GradeOrder.Select(g => (g, grades.FirstOrDefault(x => x.Key == g)?.Count ?? 0)).ToList(),
            Data.Dashboard.Bands(rates),
            findings.OrderByDescending(f => f.Count).ThenBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Count)).ToList(),
            units.Select(u => new UnitFigures(u.UnitId, unitNames[u.UnitId], u.Forms, u.Funds ?? 0m, Data.Dashboard.Mean(u.ScoreSum ?? 0m, u.Scored)))
                .OrderBy(u => u.Unit, StringComparer.Ordinal).ToList());
    }

    public async Task<StoredFormView?> FormAsync(long id, CancellationToken ct = default) =>
        await store.FormPageAsync(id, ct) is { } page ? Stored(page) : null;

    public async Task<FormWithFindings?> FormWithFindingsAsync(long id, CancellationToken ct = default)
    {
        if (await store.FormPageAsync(id, ct) is not { } page)
        {
            return null;
        }

        var form = page.Form;
        return new FormWithFindings(Stored(page), [.. page.Findings.Select(x => new FindingRow(
            id, page.Source, form.Name, form.Unit, form.Year, x.Code, x.Severity.ToString().ToLowerInvariant(), x.Line, x.Indicator, x.Message, x.Expected, x.Actual))]);
    }

    private static StoredFormView Stored(FormPage page) => new(page.Id, page.ProjectId, page.UnitId, page.Source, page.Version, page.Form);

    public async Task<IReadOnlyList<StoredFormView>> WholeFormsAsync(Scope scope, int limit = 10_000, CancellationToken ct = default)
    {
        List<long> ids;
        await using (var c = Context())
        {
            ids = await Scoped(c, scope).OrderBy(f => f.Id).Take(limit).Select(f => f.Id).ToListAsync(ct); // the ids of FormsAsync(scope, limit)
        }

        return [.. (await store.FormsAsync(ids, ct)).Select(f => new StoredFormView(f.Id, f.ProjectId, f.UnitId, f.Source, f.Version, f.Form))];
    }

    public async Task<ProjectFormHistory?> ProjectAsync(long id, CancellationToken ct = default)
    {
        List<long> ids;
        await using (var c = Context())
        {
            ids = await c.CurrentForms.Where(f => f.ProjectYear.ProjectId == id).OrderBy(f => f.Year).ThenBy(f => f.Kind).Select(f => f.Id).ToListAsync(ct);
        }

        if (ids.Count == 0)
        {
            return null;
        }

        var forms = new List<StoredFormView>(ids.Count);
        foreach (var formId in ids)
        {
            if (await FormAsync(formId, ct) is { } form)
            {
                forms.Add(form);
            }
        }

        return new ProjectFormHistory(id, forms[^1].Form.Name, forms[0].Form.Unit, forms);
    }

    public async Task<int> FindingCountAsync(Scope scope, CancellationToken ct = default)
    {
        await using var c = Context();
        return await (from f in Scoped(c, scope) join x in c.Findings on f.Id equals x.FormId select x).CountAsync(ct);
    }

    public async Task<IReadOnlyList<FindingRow>> FindingsAsync(Scope scope, string? code = null, string? severity = null, long? formId = null, int limit = 2000, CancellationToken ct = default)
    {
        await using var c = Context();
        return await FindingRows(c, FindingQuery(c, scope, code, severity, formId), 0, limit, ct);
    }

    public async Task<Paged<FindingRow>> FindingPageAsync(Scope scope, string? code, string? severity, Paging paging, CancellationToken ct = default)
    {
        await using var c = Context();
        var q = FindingQuery(c, scope, code, severity, formId: null);
        var total = await q.CountAsync(ct);
        return new(await FindingRows(c, q, paging.Skip, paging.PageSize, ct), paging.Page, paging.PageSize, total);
    }

    private static IQueryable<Entities.StoredFinding> FindingQuery(JixiaoDbContext c, Scope scope, string? code, string? severity, long? formId)
    {
        // One form's findings need no scope; a list joins the findings to the forms in scope.
        var q = formId is { } fid
            ? c.Findings.Where(x => x.FormId == fid)
            : from f in Scoped(c, scope) join x in c.Findings on f.Id equals x.FormId select x;

        if (!string.IsNullOrEmpty(code))
        {
            q = q.Where(x => x.Code == code);
        }

        if (Enum.TryParse<Severity>(severity, ignoreCase: true, out var s))
        {
            q = q.Where(x => x.Severity == s);
        }

        return q;
    }

    /// <summary>The findings of <paramref name="q"/> by form and id, <paramref name="take"/> after the first <paramref name="skip"/>.</summary>
    private static async Task<List<FindingRow>> FindingRows(JixiaoDbContext c, IQueryable<Entities.StoredFinding> q, int skip, int take, CancellationToken ct)
    {
        // (form_id, ordinal) is the indicators' key: a plain left join (FirstOrDefault would become a
        // ROW_NUMBER() window over every indicator).
        var rows = await (from x in q.OrderBy(x => x.FormId).ThenBy(x => x.Id).Skip(skip).Take(take)
                    join i in c.Indicators on new { x.FormId, Ordinal = x.IndicatorOrdinal ?? -1 } equals new { i.FormId, i.Ordinal } into found
                    from i in found.DefaultIfEmpty()
                    select new
                    {
                        x.FormId, Source = x.Form.DocumentVersion.SourceDocument.Name, Form = x.Form.Name, x.Form.Unit, x.Form.Year, x.Form.Line, x.Code, x.Severity, x.Message, x.Expected, x.Actual,
                        Indicator = i == null ? null : new { i.Name, i.Line },
                    }).ToListAsync(ct);
        return rows.Select(r => new FindingRow(r.FormId, r.Source, r.Form, r.Unit, r.Year, r.Code, r.Severity.ToString().ToLowerInvariant(),
            r.Indicator?.Line ?? r.Line, r.Indicator?.Name, r.Message, r.Expected, r.Actual)).ToList();
    }

    /// <summary>The projects found first (each as its latest form in force), then the indicators found: counted whole, read a page at a time.</summary>
    public async Task<Paged<SearchHit>> SearchPageAsync(string text, Paging paging, CancellationToken ct = default)
    {
        var projects = await ProjectHits(await store.SearchProjectsAsync(text, ct), ct);
        var fromProjects = projects.Skip(paging.Skip).Take(paging.PageSize).ToList();
        var (indicatorTotal, indicators) = await store.SearchIndicatorsAsync(
            text, Math.Max(0, paging.Skip - projects.Count), paging.PageSize - fromProjects.Count, ct);
        var hits = fromProjects.Concat(indicators.Select(i => new SearchHit(i.FormId, i.Project, i.Unit, i.Year, "indicator", i.Name))).ToList();
        return new Paged<SearchHit>(hits, paging.Page, paging.PageSize, projects.Count + indicatorTotal);
    }

    /// <summary>The projects found that have a form in force, each as its latest one.</summary>
    private async Task<List<SearchHit>> ProjectHits(IReadOnlyList<ProjectHit> found, CancellationToken ct)
    {
        await using var c = Context();
        var projectIds = found.Select(p => p.ProjectId).ToList();
        var latest = (await c.CurrentForms.Where(f => projectIds.Contains(f.ProjectYear.ProjectId))
            .Select(f => new { f.ProjectYear.ProjectId, f.Id, f.Year, f.Name }).ToListAsync(ct))
            .GroupBy(f => f.ProjectId).ToDictionary(g => g.Key, g => g.OrderByDescending(f => f.Year).ThenByDescending(f => f.Id).First());
        return found.Where(p => latest.ContainsKey(p.ProjectId))
            .Select(p => new SearchHit(latest[p.ProjectId].Id, latest[p.ProjectId].Name, p.Unit, latest[p.ProjectId].Year, "project", p.Name)).ToList();
    }
}
