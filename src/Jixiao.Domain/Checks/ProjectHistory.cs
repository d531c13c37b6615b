namespace Jixiao.Domain.Checks;

/// <summary>A project's form in one year matched with its form of the unit's previous published year.</summary>
public readonly record struct YearPair(SourcedForm Previous, SourcedForm Current, bool Renamed);

/// <summary>
/// Cross-year identity for the year-on-year rules. Only forms of the same unit are compared, each with
/// the unit's closest earlier year. The same name (white space ignored) is the same project; otherwise a
/// previous-year project whose name no current form carries any more, and that differs from the current
/// name only by one or two inserted characters (…管理费 → …管理经费), is the same project renamed, when it is
/// the only such candidate.
/// </summary>
public static class ProjectHistory
{
    public static IEnumerable<YearPair> Pairs(IReadOnlyList<SourcedForm> forms)
    {
        foreach (var unit in forms.Where(f => f.Form.Year is not null).GroupBy(f => TextKey.Of(f.Form.Unit)))
        {
            var byYear = unit.GroupBy(f => f.Form.Year!.Value).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
            for (var y = 1; y < byYear.Count; y++)
            {
                var previous = byYear[y - 1];
                var currentNames = byYear[y].Select(f => TextKey.Of(f.Form.Name)).ToHashSet();
                foreach (var current in byYear[y])
                {
                    var name = TextKey.Of(current.Form.Name);
                    var same = previous.FirstOrDefault(p => TextKey.Of(p.Form.Name) == name);
                    if (same.Form is not null)
                    {
                        yield return new YearPair(same, current, false);
                        continue;
                    }

                    var renamed = previous
                        .Where(p => !currentNames.Contains(TextKey.Of(p.Form.Name)) && TextKey.IsSlightExtension(TextKey.Of(p.Form.Name), name))
                        .DistinctBy(p => TextKey.Of(p.Form.Name))
                        .ToList();
                    if (renamed.Count == 1)
                    {
                        yield return new YearPair(renamed[0], current, true);
                    }
                }
            }
        }
    }
}
