namespace Jixiao.Domain.Projects;

/// <summary>A target form's project, reduced to what parent detection needs.</summary>
public sealed record ProjectFunds<TId>(TId Id, string Name, string Goal, decimal? Funds);

/// <summary>A detected umbrella project and the projects it sums up.</summary>
public sealed record ParentLink<TId>(TId Parent, IReadOnlyList<TId> Children);

/// <summary>
/// Finds umbrella projects among one unit's target forms of one year: a project whose 年度资金申请总额
/// equals the sum of at least two other projects of the unit whose goal (or name) its own goal text
/// enumerates. Seed 004: 医保监管 (364,900 元) = 聘请医保专家劳务费 + 医保基金专项审计 + 举报奖励费 + 第三方专业服务,
/// and its goal lists their four goals as items 1–4.
/// </summary>
public static class ParentDetector
{
    /// <summary>Shorter goals are too generic to count as enumerated by another goal.</summary>
    public const int MinGoalLength = 10;

    public static IReadOnlyList<ParentLink<TId>> Detect<TId>(IReadOnlyList<ProjectFunds<TId>> projects)
        where TId : notnull
    {
        var distinct = projects.Where(p => p.Funds > 0).DistinctBy(p => p.Id).ToList();
        var links = new List<ParentLink<TId>>();
        foreach (var parent in distinct)
        {
            var goal = ProjectNames.Key(parent.Goal);
            var children = distinct
                .Where(c => !EqualityComparer<TId>.Default.Equals(c.Id, parent.Id) && Enumerates(goal, c))
                .ToList();
            if (children.Count >= 2 && children.Sum(c => c.Funds) == parent.Funds)
            {
                links.Add(new ParentLink<TId>(parent.Id, children.Select(c => c.Id).ToList()));
            }
        }

        return links;
    }

    private static bool Enumerates<TId>(string parentGoal, ProjectFunds<TId> child)
    {
        var childGoal = ProjectNames.Key(child.Goal);
        var childName = ProjectNames.Key(child.Name);
        return (childGoal.Length >= MinGoalLength && parentGoal.Contains(childGoal, StringComparison.Ordinal))
            || (childName.Length >= 2 && parentGoal.Contains(childName, StringComparison.Ordinal));
    }
}
