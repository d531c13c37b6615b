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
        var candidates = projects.Where(p => p.Funds > 0).DistinctBy(p => p.Id)
            .Select(p => (Project: p, Goal: ProjectNames.Key(p.Goal), Name: ProjectNames.Key(p.Name)))
            .ToList();
        var links = new List<ParentLink<TId>>();
        foreach (var parent in candidates)
        {
            var children = candidates
                .Where(c => !EqualityComparer<TId>.Default.Equals(c.Project.Id, parent.Project.Id) && Enumerates(parent.Goal, c.Goal, c.Name))
                .ToList();
            if (children.Count >= 2 && children.Sum(c => c.Project.Funds) == parent.Project.Funds)
            {
                links.Add(new ParentLink<TId>(parent.Project.Id, [.. children.Select(c => c.Project.Id)]));
            }
        }

        return links;
    }

    private static bool Enumerates(string parentGoal, string childGoal, string childName) =>
        (childGoal.Length >= MinGoalLength && parentGoal.Contains(childGoal, StringComparison.Ordinal))
        || (childName.Length >= 2 && parentGoal.Contains(childName, StringComparison.Ordinal));
}
