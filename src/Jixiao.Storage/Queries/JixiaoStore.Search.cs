using Jixiao.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Storage.Queries;

public sealed partial class JixiaoStore
{
    /// <summary>Projects whose name (in any year) and indicators whose name, target or actual contain the text (white space ignored).</summary>
    public async Task<SearchResults> SearchAsync(string text, int limit = 50, CancellationToken ct = default)
    {
        var key = ProjectNames.Key(text);
        if (key.Length == 0)
        {
            return new SearchResults(text, [], []);
        }

        await using var c = Database.CreateContext();
        var projectIds = c.ProjectYears.Where(y => y.NameKey.Contains(key)).Select(y => y.ProjectId).Distinct();
        var years = await c.ProjectYears.Where(y => projectIds.Contains(y.ProjectId))
            .Select(y => new { y.ProjectId, Unit = y.Project.Unit.Name, Project = y.Project.Name, y.Year, y.Name })
            .ToListAsync(ct);
        var projects = years.GroupBy(y => (y.ProjectId, y.Unit, y.Project)).OrderBy(g => g.Key.Unit, StringComparer.Ordinal).ThenBy(g => g.Key.ProjectId).Take(limit)
            .Select(g => new ProjectHit(g.Key.ProjectId, g.Key.Unit, g.Key.Project, [.. g.Select(y => y.Name).Distinct()], [.. g.Select(y => y.Year).Distinct().Order()]))
            .ToList();
        var indicators = await c.Indicators
            .Where(i => i.Form.DocumentVersion.IsCurrent && (i.Name.Contains(key) || i.Target.Contains(key) || (i.Actual != null && i.Actual.Contains(key))))
            .OrderBy(i => i.FormId).ThenBy(i => i.Ordinal).Take(limit)
            .Select(i => new IndicatorHit(i.FormId, i.Form.ProjectYear.ProjectId, i.Form.ProjectYear.Project.Unit.Name, i.Form.Name, i.Form.Year, i.Form.Kind, i.Level2, i.Name, i.Target, i.Actual))
            .ToListAsync(ct);
        return new SearchResults(text, projects, indicators);
    }
}
