using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;

namespace Jixiao.Domain.Checks.Rules;

/// <summary><c>deviation.missing</c>: an indicator scored below its weight without 偏差原因分析及改进措施.</summary>
public sealed class DeviationMissing() : FormRule("deviation.missing", Severity.Warning, "扣分指标未填写偏差原因分析")
{
    public override void Check(FormContext context)
    {
        var indicators = context.Form.Indicators;
        for (var i = 0; i < indicators.Count; i++)
        {
            var indicator = indicators[i];
            var score = indicator.Score ?? context.Scores.Indicators[i].Value;
            if (indicator.Weight is { } weight && score < weight && string.IsNullOrWhiteSpace(indicator.Deviation))
            {
                context.Report(this, $"得分 {Numbers.Fixed(score.Value)} 低于分值 {Numbers.Fixed(weight)}，未填写偏差原因分析及改进措施", indicator);
            }
        }
    }
}
