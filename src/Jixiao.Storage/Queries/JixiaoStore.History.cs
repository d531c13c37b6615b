using Jixiao.Domain.Model;
using Jixiao.Domain.Projects;
using Jixiao.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Storage.Queries;

public sealed partial class JixiaoStore
{
    /// <summary>
    /// The projects of a unit with forms in force (or those whose name in some year contains <paramref name="project"/>) across
    /// years: per year the target form and the self-evaluation, and each indicator's target and actual by year.
    /// </summary>
    public async Task<IReadOnlyList<ProjectHistoryView>> HistoryAsync(string unit, string? project = null, CancellationToken ct = default)
    {
        await using var c = Database.CreateContext();
        var found = await FindUnitAsync(c, unit, ct);
        var projects = c.Projects.Where(p => p.UnitId == found.Id && c.CurrentForms.Any(f => f.ProjectYear.ProjectId == p.Id));
        if (!string.IsNullOrWhiteSpace(project))
        {
            var key = ProjectNames.Key(project);
            projects = projects.Where(p => p.Years.Any(y => y.NameKey.Contains(key)));
        }

        var chosen = await projects.OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var ids = chosen.Select(p => p.Id).ToList();
        var years = await c.ProjectYears.Where(y => ids.Contains(y.ProjectId)).ToListAsync(ct);
        var forms = await c.CurrentForms.Where(f => ids.Contains(f.ProjectYear.ProjectId)).OrderBy(f => f.Id)
            .Select(f => new HistoryForm(f.Id, f.ProjectYear.ProjectId, f.ProjectYear.Year, f.Kind, f.Name, f.DocumentVersion.SourceDocument.Name, f.FundsAnnualTotal, f.TotalScore, f.Grade))
            .ToListAsync(ct);
        var formIds = forms.Select(f => f.Id).ToList();
        var indicators = (await c.Indicators.Where(i => formIds.Contains(i.FormId)).OrderBy(i => i.FormId).ThenBy(i => i.Ordinal).ToListAsync(ct)).ToLookup(i => i.FormId);
        var totals = await c.BudgetRows.Where(r => formIds.Contains(r.FormId) && r.RowKind == StoredBudgetRow.Total).ToDictionaryAsync(r => r.FormId, ct);
        var relations = await c.ProjectRelations.Where(r => ids.Contains(r.ParentProjectId) || ids.Contains(r.ChildProjectId))
            .Select(r => new { r.ParentProjectId, Parent = r.Parent.Name, r.ChildProjectId, Child = r.Child.Name, r.Origin }).ToListAsync(ct);

        return [.. chosen.Select(p =>
        {
            var mine = forms.Where(f => f.ProjectId == p.Id).ToList();
            FormSummary? Summary(int year, FormKind kind) => mine.FirstOrDefault(f => f.Year == year && f.Kind == kind) is { } f
                ? new FormSummary(f.Id, f.Source, f.Name, f.Funds, totals.GetValueOrDefault(f.Id)?.FullAmount, totals.GetValueOrDefault(f.Id)?.ExecutedAmount, totals.GetValueOrDefault(f.Id)?.Rate, f.TotalScore, f.Grade, indicators[f.Id].Count())
                : null;
            return new ProjectHistoryView(
                p.Id,
                found.Name,
                p.Name,
                [.. years.Where(y => y.ProjectId == p.Id && mine.Any(f => f.Year == y.Year)).OrderBy(y => y.Year).Select(y => new ProjectYearView(y.Year, y.Name, Words.Of(y.MatchKind), y.Similarity, Summary(y.Year, FormKind.Target), Summary(y.Year, FormKind.SelfEvaluation)))],
                SideBySide(mine, indicators),
                [.. relations.Where(r => r.ChildProjectId == p.Id).Select(r => new RelatedProject(r.ParentProjectId, r.Parent, r.Origin))],
                [.. relations.Where(r => r.ParentProjectId == p.Id).Select(r => new RelatedProject(r.ChildProjectId, r.Child, r.Origin))]);
        })];
    }

    /// <summary>
    /// Lines up a project's indicators across years by name (the n-th indicator of a name in one year with the
    /// n-th of that name in another): targets from the target form, else the self-evaluation; actuals from the latter.
    /// </summary>
    private static List<IndicatorHistory> SideBySide(List<HistoryForm> forms, ILookup<long, StoredIndicator> indicators)
    {
        var rows = new List<(string Key, StoredIndicator First, SortedDictionary<int, IndicatorYearCell> Cells)>();
        foreach (var form in forms.OrderBy(f => f.Kind).ThenBy(f => f.Year).DistinctBy(f => (f.Year, f.Kind)))
        {
            var seen = new Dictionary<string, int>();
            foreach (var i in indicators[form.Id])
            {
                var name = ProjectNames.Key(i.Name);
                var occurrence = seen[name] = seen.GetValueOrDefault(name) + 1;
                var key = $"{name}#{occurrence}";
                var row = rows.FirstOrDefault(r => r.Key == key);
                if (row.Key is null)
                {
                    row = (key, i, new SortedDictionary<int, IndicatorYearCell>());
                    rows.Add(row);
                }

                var year = form.Year;
                var cell = row.Cells.GetValueOrDefault(year);
                row.Cells[year] = form.Kind == FormKind.Target
                    ? new IndicatorYearCell(year, i.Target, cell?.Actual, cell?.Weight, cell?.Score)
                    : new IndicatorYearCell(year, cell?.Target ?? i.Target, i.Actual, i.Weight, i.Score);
            }
        }

        return [.. rows.Select(r => new IndicatorHistory(r.First.Level1, r.First.Level2, r.First.Name, [.. r.Cells.Values]))];
    }

    private sealed record HistoryForm(long Id, long ProjectId, int Year, FormKind Kind, string Name, string Source, decimal? Funds, decimal? TotalScore, string? Grade);
}
