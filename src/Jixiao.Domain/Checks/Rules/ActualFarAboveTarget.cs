using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;
using Jixiao.Domain.Values;

namespace Jixiao.Domain.Checks.Rules;

/// <summary>
/// <c>actual.far-above-target</c>: the actual reaches the policy's over-achievement ratio (130 %) of a
/// positive (≥, &gt;) target, so the target was likely set too low (002: 课题立项数量 43 vs ≥10).
/// </summary>
public sealed class ActualFarAboveTarget() : FormRule("actual.far-above-target", Severity.Info, "实际完成值远超目标，目标可能定得过低")
{
    public override void Check(FormContext context)
    {
        var ratio = context.Policy.OverAchievementRatio;
        foreach (var indicator in context.Form.Indicators)
        {
            var target = indicator.TargetValue;
            if (target is not { Op: Comparison.AtLeast or Comparison.Above, Number: > 0 and var t }
                || indicator.ActualValue is not { Number: { } a } actual
                || !Units.Same(target.Unit, actual.Unit)
                || a < t * ratio)
            {
                continue;
            }

            var note = string.IsNullOrWhiteSpace(indicator.Deviation) ? "，且未说明原因" : "";
            context.Report(this,
                $"实际完成 {Numbers.Plain(a)} 为目标 {target.Op!.Value.Symbol()}{Numbers.Plain(t)} 的 {Numbers.Plain(decimal.Round(a / t * 100, 0))}%（≥{Numbers.Plain(ratio * 100)}%），目标可能定得过低{note}",
                indicator, indicator.Target, indicator.Actual);
        }
    }
}
