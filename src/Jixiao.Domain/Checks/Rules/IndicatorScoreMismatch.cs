using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;

namespace Jixiao.Domain.Checks.Rules;

/// <summary><c>score.indicator-mismatch</c>: an indicator's printed 得分 differs from the score recomputed by scoring.md.</summary>
public sealed class IndicatorScoreMismatch() : FormRule("score.indicator-mismatch", Severity.Error, "指标得分与重算结果不符")
{
    public override void Check(FormContext context)
    {
        var indicators = context.Form.Indicators;
        for (var i = 0; i < indicators.Count; i++)
        {
            var computed = context.Scores.Indicators[i];
            if (indicators[i].Score is { } printed && computed.IsScored && computed.Score != printed)
            {
                context.Report(this,
                    $"得分应为 {Numbers.Fixed(computed.Score)}（{computed.Explanation}），表中为 {Numbers.Fixed(printed)}",
                    indicators[i], Numbers.Fixed(computed.Score), Numbers.Fixed(printed));
            }
        }
    }
}
