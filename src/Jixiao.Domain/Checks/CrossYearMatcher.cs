using Jixiao.Domain.Projects;

namespace Jixiao.Domain.Checks;

/// <summary>A project's form in one year matched with its form of the unit's previous published year.</summary>
public readonly record struct YearPair(SourcedForm Previous, SourcedForm Current, bool Renamed);

/// <summary>
/// Cross-year identity for the year-on-year rules, the same as storage uses (<see cref="ProjectMatcher"/>):
/// only forms of one unit are compared, each year with the unit's closest earlier year; the same name
/// is the same project; otherwise the unique, similar enough previous-year project whose name no form of
/// the current year carries any more is the same project renamed (…管理费 → …管理经费).
/// </summary>
public static class CrossYearMatcher
{
    public static IEnumerable<YearPair> Pairs(IReadOnlyList<SourcedForm> forms)
    {
        foreach (var unit in forms.Where(f => f.Form.Year is not null).GroupBy(f => ProjectNames.Key(f.Form.Unit)))
        {
            var byYear = unit.GroupBy(f => f.Form.Year!.Value).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
            for (var y = 1; y < byYear.Count; y++)
            {
                var previous = byYear[y - 1].DistinctBy(f => ProjectNames.Key(f.Form.Name)).ToList();
                var currentNames = byYear[y].Select(f => ProjectNames.Key(f.Form.Name)).ToHashSet();
                var known = previous.Select((p, i) =>
                {
                    var key = ProjectNames.Key(p.Form.Name);
                    return new KnownProject<int>(i, [key], !currentNames.Contains(key));
                }).ToList();
                foreach (var current in byYear[y])
                {
                    var match = ProjectMatcher.Match(ProjectNames.Key(current.Form.Name), known);
                    if (match.Kind != MatchKind.New)
                    {
                        yield return new YearPair(previous[match.Id], current, match.Kind == MatchKind.Similar);
                    }
                }
            }
        }
    }
}
