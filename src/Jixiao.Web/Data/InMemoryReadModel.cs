using Jixiao.Domain.Model;
using Jixiao.Storage.Queries;

namespace Jixiao.Web.Data;

/// <summary>
/// A read model over documents held in memory: what the tests use, and a fallback that needs no database.
/// Projects are the (unit, name) pairs; findings come from a pluggable checker.
/// </summary>
public sealed class InMemoryReadModel : IReadModel
{
    private readonly List<StoredFormView> _forms = [];
    private readonly List<FindingRow> _findings = [];
    private readonly Dictionary<(string Unit, string Name), long> _projects = [];
    private readonly Dictionary<string, long> _units = [];

    public InMemoryReadModel(IEnumerable<DisclosureDocument> documents, Func<IReadOnlyList<(string Source, PerformanceForm Form)>, IEnumerable<(int FormIndex, FindingRow Finding)>>? checker = null)
    {
        foreach (var doc in documents)
        {
            foreach (var form in doc.Forms)
            {
                var unitId = _units.TryGetValue(form.Unit, out var u) ? u : _units[form.Unit] = _units.Count + 1;
                var key = (form.Unit, form.Name);
                var projectId = _projects.TryGetValue(key, out var p) ? p : _projects[key] = _projects.Count + 1;
                _forms.Add(new StoredFormView(_forms.Count + 1, projectId, unitId, doc.Source, 1, form));
            }
        }

        if (checker is not null)
        {
            foreach (var (index, finding) in checker(_forms.Select(f => (f.Source, f.Form)).ToList()))
            {
                _findings.Add(finding with { FormId = _forms[index].Id });
            }
        }
    }

    public IReadOnlyList<int> Years() => _forms.Select(f => f.Form.Year).OfType<int>().Distinct().Order().ToList();

    public IReadOnlyList<string> Departments() => _forms.Select(f => f.Form.Department).Distinct().Order(StringComparer.Ordinal).ToList();

    public IReadOnlyList<UnitRow> Units(Scope scope) =>
        InScope(scope).GroupBy(f => f.UnitId)
            .Select(g => new UnitRow(g.Key, g.First().Form.Unit, g.First().Form.Department, g.Count(), g.Select(f => f.ProjectId).Distinct().Count()))
            .OrderBy(u => u.Department, StringComparer.Ordinal).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();

    public IReadOnlyList<FormRow> Forms(Scope scope, int limit = 10_000) =>
        InScope(scope).Take(limit).Select(f => new FormRow(f.Id, f.ProjectId, f.UnitId, f.Form.Kind, f.Form.Year, f.Form.Name, f.Form.Unit, f.Form.Department,
            f.Form.Funds?.AnnualTotal, f.Form.Budget?.Total?.Full, f.Form.Indicators.Count, f.Form.TotalScore, f.Form.Grade,
            _findings.Count(x => x.FormId == f.Id), f.Source, f.Form.Line)).ToList();

    public Paged<FormRow> FormPage(Scope scope, Paging paging) => paging.Of(Forms(scope, int.MaxValue).ToList());

    public Dashboard Dashboard(Scope scope) => Data.Dashboard.Of(InScope(scope).ToList(), Findings(scope, limit: int.MaxValue));

    private IEnumerable<StoredFormView> InScope(Scope scope) =>
        _forms.Where(f => (scope.Year is null || f.Form.Year == scope.Year)
                          && (scope.Department is null || f.Form.Department == scope.Department)
                          && (scope.UnitId is null || f.UnitId == scope.UnitId));

    public StoredFormView? Form(long id) => _forms.FirstOrDefault(f => f.Id == id);

    public IReadOnlyList<StoredFormView> WholeForms(Scope scope, int limit = 10_000) => InScope(scope).Take(limit).ToList();

    public ProjectFormHistory? Project(long id)
    {
        var forms = _forms.Where(f => f.ProjectId == id).OrderBy(f => f.Form.Year).ThenBy(f => f.Form.Kind).ToList();
        return forms.Count == 0 ? null : new ProjectFormHistory(id, forms[^1].Form.Name, forms[0].Form.Unit, forms);
    }

    public IReadOnlyList<FindingRow> Findings(Scope scope, string? code = null, string? severity = null, long? formId = null, int limit = 2000)
    {
        var ids = InScope(scope).Select(f => f.Id).ToHashSet();
        return _findings.Where(f => ids.Contains(f.FormId) && (code is null || f.Code == code) && (severity is null || f.Severity == severity)
                                    && (formId is null || f.FormId == formId)).Take(limit).ToList();
    }

    public Paged<FindingRow> FindingPage(Scope scope, string? code, string? severity, Paging paging) =>
        paging.Of(Findings(scope, code, severity, limit: int.MaxValue).ToList());

    public Paged<SearchHit> SearchPage(string text, Paging paging) => paging.Of(Search(text, int.MaxValue).ToList());

    public IReadOnlyList<SearchHit> Search(string text, int limit = 100)
    {
        var q = text.Trim();
        if (q.Length == 0)
        {
            return [];
        }

        var hits = new List<SearchHit>();
        foreach (var f in _forms)
        {
            if (f.Form.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || f.Form.Goal.Contains(q, StringComparison.OrdinalIgnoreCase))
            {
                hits.Add(new SearchHit(f.Id, f.Form.Name, f.Form.Unit, f.Form.Year, "project", f.Form.Name));
            }

            hits.AddRange(f.Form.Indicators.Where(i => i.Name.Contains(q, StringComparison.OrdinalIgnoreCase))
                .Select(i => new SearchHit(f.Id, f.Form.Name, f.Form.Unit, f.Form.Year, "indicator", i.Name)));
            if (hits.Count >= limit)
            {
                break;
            }
        }

        return hits.Take(limit).ToList();
    }

    /// <summary>As the database computes it (<see cref="JixiaoStore.LibraryAsync"/>), over the forms in memory.</summary>
    public IReadOnlyList<LibraryIndicator> Library(string level2, string? level1 = null, string? text = null, int limit = 20)
    {
        if (string.IsNullOrWhiteSpace(level2) || limit <= 0)
        {
            return [];
        }

        var level2s = IndicatorLevels.Level2Spellings(level2.Trim());
        var level1s = string.IsNullOrWhiteSpace(level1) ? null : IndicatorLevels.Level1Spellings(level1.Trim());
        var part = text?.Trim() ?? "";
        return _forms
            .SelectMany(f => f.Form.Indicators.Select(i => (FormId: f.Id, Indicator: i)))
            .Where(x => x.Indicator.Name != "" && level2s.Contains(x.Indicator.Level2) && (level1s is null || level1s.Contains(x.Indicator.Level1))
                        && x.Indicator.Name.Contains(part, StringComparison.Ordinal))
            .GroupBy(x => x.Indicator.Name, StringComparer.Ordinal)
            .Select(g => new LibraryIndicator(
                g.Key,
                g.Select(x => x.FormId).Distinct().Count(),
                JixiaoStore.Usual(g.Where(x => x.Indicator.Target != "").GroupBy(x => x.Indicator.Target, StringComparer.Ordinal).Select(t => new UsualTarget(t.Key, t.Count())))))
            .OrderByDescending(i => i.Forms).ThenBy(i => i.Name, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }
}
