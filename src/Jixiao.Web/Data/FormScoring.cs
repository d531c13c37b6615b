using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;

namespace Jixiao.Web.Data;

/// <summary>
/// Recomputes the scores of a self-evaluation under the policy its publisher follows (detected from the
/// form), for display beside the published ones with their explanations.
/// </summary>
public class FormScoring
{
    public virtual FormScores? Score(PerformanceForm form)
    {
        if (form.Kind != FormKind.SelfEvaluation)
        {
            return null;
        }

        var detection = PolicyDetector.Detect(form);
        var score = Scorer.Score(form, detection.Policy);
        var indicators = new RecomputedScore?[form.Indicators.Count];
        for (var i = 0; i < indicators.Length; i++)
        {
            var s = score.Indicators[i];
            indicators[i] = new RecomputedScore(s.Value, s.Explanation, s.Value is null || s.Value == form.Indicators[i].Score);
        }

        var budget = score.Budget is { } b
            ? new RecomputedScore(b.IsScored ? b.Score : null, b.Explanation, !b.IsScored || b.Score == form.Budget?.Total?.Score)
            : null;
        var total = new RecomputedScore(score.Total, score.TotalExplanation, score.Total is null || score.Total == form.TotalScore);
        return new FormScores($"{detection.Policy.Name}（{detection.Reason}）", budget, indicators, total);
    }
}
