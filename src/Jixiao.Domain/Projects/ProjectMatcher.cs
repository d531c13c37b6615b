namespace Jixiao.Domain.Projects;

/// <summary>A project already known in a unit, with every name key it has been published under.</summary>
/// <param name="Id">The caller's identity for the project.</param>
/// <param name="NameKeys">Keys (<see cref="ProjectNames.Key"/>) of its names in all years.</param>
/// <param name="Open">
/// True when the project has no form yet of the kind and year being placed: only such projects may
/// take a renamed form, so two different projects of one year are never merged.
/// </param>
public sealed record KnownProject<TId>(TId Id, IReadOnlyCollection<string> NameKeys, bool Open);

/// <summary>How a form was placed with a project.</summary>
public enum MatchKind
{
    /// <summary>No known project fits: the form starts a new one.</summary>
    New,

    /// <summary>The unit already has a project published under exactly this name.</summary>
    SameName,

    /// <summary>A renamed project: the closest open project of the unit, above <see cref="ProjectMatcher.Threshold"/>.</summary>
    Similar,
}

public readonly record struct ProjectMatch<TId>(MatchKind Kind, TId? Id, double Similarity);

/// <summary>
/// Cross-year identity of projects. Only projects of the same unit are compared (the caller passes
/// those); the same name is the same project; otherwise a slightly renamed project (<c>医疗保险社会服务管理费</c>
/// in 2023, <c>医疗保险社会服务管理经费</c> in 2024) is the unique most similar open project at or above
/// the threshold. A tie is no match.
/// </summary>
public static class ProjectMatcher
{
    /// <summary>
    /// The least bigram similarity for a rename. The seeds' renames score 0.86 and 0.89; the closest
    /// different projects of one unit score below 0.45.
    /// </summary>
    public const double Threshold = 0.75;

    public static ProjectMatch<TId> Match<TId>(string nameKey, IReadOnlyCollection<KnownProject<TId>> known)
    {
        foreach (var project in known)
        {
            if (project.NameKeys.Contains(nameKey))
            {
                return new ProjectMatch<TId>(MatchKind.SameName, project.Id, 1);
            }
        }

        KnownProject<TId>? best = null;
        var bestScore = 0.0;
        var tie = false;
        foreach (var project in known.Where(p => p.Open))
        {
            var score = project.NameKeys.Max(k => ProjectNames.Similarity(nameKey, k));
            if (score > bestScore)
            {
                (best, bestScore, tie) = (project, score, false);
            }
            else if (score == bestScore)
            {
                tie = true;
            }
        }

        return best is not null && bestScore >= Threshold && !tie
            ? new ProjectMatch<TId>(MatchKind.Similar, best.Id, bestScore)
            : new ProjectMatch<TId>(MatchKind.New, default, bestScore);
    }
}
