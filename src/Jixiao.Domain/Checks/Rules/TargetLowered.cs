using Jixiao.Domain.Model;
using Jixiao.Domain.Projects;
using Jixiao.Domain.Values;

namespace Jixiao.Domain.Checks.Rules;

/// <summary>
/// <c>target.lowered</c>: the same unit's same project lowers a quantitative target year on year (药事所
/// 管理部门满意度 ≥90% → ≥85%): a smaller number for ≥, &gt; and =, a larger one for ≤ and &lt;. Indicators
/// are matched by name; the unit and the comparison must agree.
/// </summary>
public sealed class TargetLowered() : FormSetRule("target.lowered", Severity.Info, "指标值较上年下调")
{
    public override void Check(FormSetContext context)
    {
        foreach (var pair in CrossYearMatcher.Pairs(context.Forms))
        {
            var previous = pair.Previous.Form;
            foreach (var indicator in pair.Current.Form.Indicators)
            {
                var now = indicator.TargetValue;
                var name = ProjectNames.Key(indicator.Name);
                var before = previous.Indicators.FirstOrDefault(i => i.TargetValue.IsQuantity && ProjectNames.Key(i.Name) == name);
                if (before is not null && Lowered(before.TargetValue, now))
                {
                    context.Report(this, pair.Current,
                        $"指标值由 {previous.Year} 年的 {TextKey.Of(before.Target)} 下调为 {TextKey.Of(indicator.Target)}（{pair.Previous.Source} 第 {before.Line} 行）",
                        indicator, TextKey.Of(before.Target), TextKey.Of(indicator.Target));
                }
            }
        }
    }

    public static bool Lowered(IndicatorValue before, IndicatorValue now)
    {
        if (before is not { Number: { } b, Op: { } opBefore } || now is not { Number: { } n, Op: { } opNow } || !Units.Same(before.Unit, now.Unit))
        {
            return false;
        }

        // A changed comparison (=100% → ≥0%) usually means the indicator was redefined, not lowered.
        if (opBefore != opNow)
        {
            return false;
        }

        return opNow is Comparison.AtMost or Comparison.Below ? n > b : n < b;
    }
}
