using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;

namespace Jixiao.Formats.Json;

/// <summary>
/// The explanations the interchange JSON carries for a scored self-evaluation: the policy and why, the
/// budget row, the total and the grade on the form, and one per indicator. Where the original form
/// printed a different figure, the explanation says so.
/// </summary>
public static class ScoreAnnotations
{
    public static FormAnnotations For(PerformanceForm original, FormScore score, PolicyDetection detection)
    {
        var explanations = new List<KeyValuePair<string, string>>
        {
            new("policy", $"{score.Policy.Name}：{detection.Reason}"),
        };
        if (score.Budget is { } budget)
        {
            explanations.Add(new("budget", budget.Explanation + Differs(original.Budget?.Total?.Score, budget.IsScored ? budget.Score : null)));
        }

        explanations.Add(new("totalScore", score.TotalExplanation + Differs(original.TotalScore, score.Total)));
        if (score.GradeExplanation is { } grade)
        {
            explanations.Add(new("grade", grade + (original.Grade is { } g && g != score.Grade ? $"（原表为 {g}）" : "")));
        }

        var indicators = new string?[score.Indicators.Count];
        for (var i = 0; i < indicators.Length; i++)
        {
            var s = score.Indicators[i];
            indicators[i] = s.Explanation + Differs(original.Indicators[i].Score, s.Value);
        }

        return new FormAnnotations(explanations, indicators);
    }

    private static string Differs(decimal? printed, decimal? computed) =>
        printed is { } p && computed is { } c && p != c ? $"（原表为 {Numbers.Fixed(p)}）" : "";
}
