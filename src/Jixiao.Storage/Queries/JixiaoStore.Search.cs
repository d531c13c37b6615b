using Jixiao.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Storage.Queries;

public sealed partial class JixiaoStore
{
    /// <summary>Projects whose name (in any year) and indicators whose name, target or actual contain the text (white space ignored).</summary>
    public async Task<SearchResults> SearchAsync(string text, int limit = 50, CancellationToken ct = default)
    {
        var projects = await SearchProjectsAsync(text, ct);
        var (_, indicators) = await SearchIndicatorsAsync(text, 0, limit, ct);
        return new SearchResults(text, [.. projects.Take(limit)], indicators);
    }

    /// <summary>Every project whose name (in any year) contains the text (white space ignored), by unit and id.</summary>
    public async Task<IReadOnlyList<ProjectHit>> SearchProjectsAsync(string text, CancellationToken ct = default)
    {
        var key = ProjectNames.Key(text);
        if (key.Length == 0)
        {
            return [];
        }

        await using var c = Database.CreateContext();
        var projectIds = c.ProjectYears.Where(y => y.NameKey.Contains(key)).Select(y => y.ProjectId).Distinct();
        var years = await c.ProjectYears.Where(y => projectIds.Contains(y.ProjectId))
            .Select(y => new { y.ProjectId, Unit = y.Project.Unit.Name, Project = y.Project.Name, y.Year, y.Name })
            .ToListAsync(ct);
        return years.GroupBy(y => (y.ProjectId, y.Unit, y.Project)).OrderBy(g => g.Key.Unit, StringComparer.Ordinal).ThenBy(g => g.Key.ProjectId)
            .Select(g => new ProjectHit(g.Key.ProjectId, g.Key.Unit, g.Key.Project, [.. g.Select(y => y.Name).Distinct()], [.. g.Select(y => y.Year).Distinct().Order()]))
            .ToList();
    }

    /// <summary>
    /// The indicators of the forms in force whose name, target or actual contain the text, by form and ordinal:
    /// how many there are, and <paramref name="take"/> of them after the first <paramref name="skip"/>.
    /// </summary>
    public async Task<(int Total, IReadOnlyList<IndicatorHit> Hits)> SearchIndicatorsAsync(string text, int skip, int take, CancellationToken ct = default)
    {
        var key = ProjectNames.Key(text);
        if (key.Length == 0)
        {
            return (0, []);
        }

        await using var c = Database.CreateContext();
        var matches = c.Indicators
            .Where(i => i.Form.DocumentVersion.IsCurrent && (i.Name.Contains(key) || i.Target.Contains(key) || (i.Actual != null && i.Actual.Contains(key))));
        var total = await matches.CountAsync(ct);
        var hits = take <= 0 || skip >= total
            ? []
            : await matches.OrderBy(i => i.FormId).ThenBy(i => i.Ordinal).Skip(skip).Take(take)
                .Select(i => new IndicatorHit(i.FormId, i.Form.ProjectYear.ProjectId, i.Form.ProjectYear.Project.Unit.Name, i.Form.Name, i.Form.Year, i.Form.Kind, i.Level2, i.Name, i.Target, i.Actual))
                .ToListAsync(ct);
        return (total, hits);
    }
}
