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

    public IReadOnlyList<int> Years() => cache.Get(nameof(Years), ReadYears);

    public IReadOnlyList<string> Departments() => cache.Get(nameof(Departments), ReadDepartments);

    public IReadOnlyList<UnitRow> Units(Scope scope) => cache.Get((nameof(Units), scope), () => ReadUnits(scope));

    public Dashboard Dashboard(Scope scope) => cache.Get((nameof(Dashboard), scope), () => ReadDashboard(scope));

    public IReadOnlyList<LibraryIndicator> Library(string level2, string? level1 = null, string? text = null, int limit = 20) =>
        cache.Get((nameof(Library), level2, level1, text, limit), () => store.LibraryAsync(level2, level1, text, limit).GetAwaiter().GetResult());

    private List<int> ReadYears()
    {
        using var c = Context();
        return c.CurrentForms.Where(f => f.Year != null).Select(f => f.Year!.Value).Distinct().OrderBy(y => y).ToList();
    }

    private List<string> ReadDepartments()
    {
        using var c = Context();
        return c.CurrentForms.Select(f => f.Department).Distinct().OrderBy(d => d).ToList();
    }

    private List<UnitRow> ReadUnits(Scope scope)
    {
        using var c = Context();
        var counts = Scoped(c, scope).GroupBy(f => f.ProjectYear.Project.UnitId)
            .Select(g => new { UnitId = g.Key, Forms = g.Count(), Projects = g.Select(f => f.ProjectYear.ProjectId).Distinct().Count() })
            .ToList();
        var ids = counts.Select(x => x.UnitId).ToList();
        var names = c.Units.Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Name, Department = u.Department.Name }).ToDictionary(u => u.Id);
        return counts.Select(x => new UnitRow(x.UnitId, names[x.UnitId].Name, names[x.UnitId].Department, x.Forms, x.Projects))
            .OrderBy(u => u.Department, StringComparer.Ordinal).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<FormRow> Forms(Scope scope, int limit = 10_000)
    {
        using var c = Context();
        return Rows(c, Scoped(c, scope).OrderBy(f => f.Id).Take(limit)).ToList();
    }

    public Paged<FormRow> FormPage(Scope scope, Paging paging)
    {
        using var c = Context();
        var forms = Scoped(c, scope);
        var total = forms.Count();
        return new(Rows(c, forms.OrderBy(f => f.Id).Skip(paging.Skip).Take(paging.PageSize)).ToList(), paging.Page, paging.PageSize, total);
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

    private Dashboard ReadDashboard(Scope scope)
    {
        using var c = Context();
        var forms = Scoped(c, scope);
        var kinds = forms.GroupBy(f => f.Kind).Select(g => new { g.Key, Count = g.Count() }).ToList();
        var selfs = forms.Where(f => f.Kind == FormKind.SelfEvaluation);
        var scores = selfs.Where(f => f.TotalScore != null).GroupBy(_ => 1).Select(g => new { Sum = g.Sum(f => f.TotalScore), Count = g.Count() }).FirstOrDefault();
        var grades = selfs.GroupBy(f => f.Grade).Select(g => new { g.Key, Count = g.Count() }).ToList();
        var rates = (from f in selfs
                     join r in c.BudgetRows on f.Id equals r.FormId
                     where r.RowKind == Entities.StoredBudgetRow.Total && r.Rate != null
                     select r.Rate!.Value).ToList();
        var findings = (from f in forms join x in c.Findings on f.Id equals x.FormId group x by x.Code into g select new { g.Key, Count = g.Count() }).ToList();
        var units = forms.GroupBy(f => f.ProjectYear.Project.UnitId).Select(g => new
        {
            UnitId = g.Key,
            Forms = g.Count(),
            Funds = g.Sum(f => f.FundsAnnualTotal),
            ScoreSum = g.Sum(f => f.Kind == FormKind.SelfEvaluation ? f.TotalScore : null),
            Scored = g.Count(f => f.Kind == FormKind.SelfEvaluation && f.TotalScore != null),
        }).ToList();
        var unitIds = units.Select(u => u.UnitId).ToList();
        var unitNames = c.Units.Where(u => unitIds.Contains(u.Id)).ToDictionary(u => u.Id, u => u.Name);
        return new Dashboard(
            forms.Select(f => f.ProjectYear.ProjectId).Distinct().Count(),
            kinds.FirstOrDefault(k => k.Key == FormKind.Target)?.Count ?? 0,
            kinds.FirstOrDefault(k => k.Key == FormKind.SelfEvaluation)?.Count ?? 0,
            forms.Where(f => f.Kind == FormKind.Target).Sum(f => f.FundsAnnualTotal) ?? 0m,
            scores is null ? null : Data.Dashboard.Mean(scores.Sum ?? 0m, scores.Count),
            Data.Dashboard.GradeOrder.Select(g => (g, grades.FirstOrDefault(x => x.Key == g)?.Count ?? 0)).ToList(),
            Data.Dashboard.Bands(rates),
            findings.OrderByDescending(f => f.Count).ThenBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Count)).ToList(),
            units.Select(u => new UnitFigures(u.UnitId, unitNames[u.UnitId], u.Forms, u.Funds ?? 0m, Data.Dashboard.Mean(u.ScoreSum ?? 0m, u.Scored)))
                .OrderBy(u => u.Unit, StringComparer.Ordinal).ToList());
    }

    public StoredFormView? Form(long id) => store.FormPage(id) is { } page ? Stored(page) : null;

    public FormWithFindings? FormWithFindings(long id)
    {
        if (store.FormPage(id) is not { } page)
        {
            return null;
        }

        var form = page.Form;
        return new FormWithFindings(Stored(page), [.. page.Findings.Select(x => new FindingRow(
            id, page.Source, form.Name, form.Unit, form.Year, x.Code, x.Severity.ToString().ToLowerInvariant(), x.Line, x.Indicator, x.Message, x.Expected, x.Actual))]);
    }

    private static StoredFormView Stored(FormPage page) => new(page.Id, page.ProjectId, page.UnitId, page.Source, page.Version, page.Form);

    public IReadOnlyList<StoredFormView> WholeForms(Scope scope, int limit = 10_000)
    {
        List<long> ids;
        using (var c = Context())
        {
            ids = Scoped(c, scope).OrderBy(f => f.Id).Take(limit).Select(f => f.Id).ToList(); // the ids of Forms(scope, limit)
        }

        return [.. store.Forms(ids).Select(f => new StoredFormView(f.Id, f.ProjectId, f.UnitId, f.Source, f.Version, f.Form))];
    }

    public ProjectFormHistory? Project(long id)
    {
        using var c = Context();
        var ids = c.CurrentForms.Where(f => f.ProjectYear.ProjectId == id).OrderBy(f => f.Year).ThenBy(f => f.Kind).Select(f => f.Id).ToList();
        if (ids.Count == 0)
        {
            return null;
        }

        var forms = ids.Select(Form).OfType<StoredFormView>().ToList();
        return new ProjectFormHistory(id, forms[^1].Form.Name, forms[0].Form.Unit, forms);
    }

    public int FindingCount(Scope scope)
    {
        using var c = Context();
        return (from f in Scoped(c, scope) join x in c.Findings on f.Id equals x.FormId select x).Count();
    }

    public IReadOnlyList<FindingRow> Findings(Scope scope, string? code = null, string? severity = null, long? formId = null, int limit = 2000)
    {
        using var c = Context();
        return FindingRows(c, FindingQuery(c, scope, code, severity, formId), 0, limit);
    }

    public Paged<FindingRow> FindingPage(Scope scope, string? code, string? severity, Paging paging)
    {
        using var c = Context();
        var q = FindingQuery(c, scope, code, severity, formId: null);
        var total = q.Count();
        return new(FindingRows(c, q, paging.Skip, paging.PageSize), paging.Page, paging.PageSize, total);
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
    private static List<FindingRow> FindingRows(JixiaoDbContext c, IQueryable<Entities.StoredFinding> q, int skip, int take)
    {
        // (form_id, ordinal) is the indicators' key: a plain left join (FirstOrDefault would become a
        // ROW_NUMBER() window over every indicator).
        var rows = (from x in q.OrderBy(x => x.FormId).ThenBy(x => x.Id).Skip(skip).Take(take)
                    join i in c.Indicators on new { x.FormId, Ordinal = x.IndicatorOrdinal ?? -1 } equals new { i.FormId, i.Ordinal } into found
                    from i in found.DefaultIfEmpty()
                    select new
                    {
                        x.FormId, Source = x.Form.DocumentVersion.SourceDocument.Name, Form = x.Form.Name, x.Form.Unit, x.Form.Year, x.Form.Line, x.Code, x.Severity, x.Message, x.Expected, x.Actual,
                        Indicator = i == null ? null : new { i.Name, i.Line },
                    }).ToList();
        return rows.Select(r => new FindingRow(r.FormId, r.Source, r.Form, r.Unit, r.Year, r.Code, r.Severity.ToString().ToLowerInvariant(),
            r.Indicator?.Line ?? r.Line, r.Indicator?.Name, r.Message, r.Expected, r.Actual)).ToList();
    }

    public IReadOnlyList<SearchHit> Search(string text, int limit = 100) => SearchPage(text, new Paging(1, limit)).Items;

    /// <summary>The projects found first (each as its latest form in force), then the indicators found: counted whole, read a page at a time.</summary>
    public Paged<SearchHit> SearchPage(string text, Paging paging)
    {
        var projects = ProjectHits(store.SearchProjectsAsync(text).GetAwaiter().GetResult());
        var fromProjects = projects.Skip(paging.Skip).Take(paging.PageSize).ToList();
        var (indicatorTotal, indicators) = store.SearchIndicatorsAsync(
            text, Math.Max(0, paging.Skip - projects.Count), paging.PageSize - fromProjects.Count).GetAwaiter().GetResult();
        var hits = fromProjects.Concat(indicators.Select(i => new SearchHit(i.FormId, i.Project, i.Unit, i.Year, "indicator", i.Name))).ToList();
        return new Paged<SearchHit>(hits, paging.Page, paging.PageSize, projects.Count + indicatorTotal);
    }

    /// <summary>The projects found that have a form in force, each as its latest one.</summary>
    private List<SearchHit> ProjectHits(IReadOnlyList<ProjectHit> found)
    {
        using var c = Context();
        var projectIds = found.Select(p => p.ProjectId).ToList();
        var latest = c.CurrentForms.Where(f => projectIds.Contains(f.ProjectYear.ProjectId))
            .Select(f => new { f.ProjectYear.ProjectId, f.Id, f.Year, f.Name }).ToList()
            .GroupBy(f => f.ProjectId).ToDictionary(g => g.Key, g => g.OrderByDescending(f => f.Year).ThenByDescending(f => f.Id).First());
        return found.Where(p => latest.ContainsKey(p.ProjectId))
            .Select(p => new SearchHit(latest[p.ProjectId].Id, latest[p.ProjectId].Name, p.Unit, latest[p.ProjectId].Year, "project", p.Name)).ToList();
    }
}
