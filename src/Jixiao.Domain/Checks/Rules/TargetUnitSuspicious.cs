using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;
using Jixiao.Domain.Values;

namespace Jixiao.Domain.Checks.Rules;

/// <summary>
/// <c>target.unit-suspicious</c>: a rate (…率) whose target is not in % (001:72 投诉率 ≤5.00(次); 001:176
/// 覆盖率 ≥100.00(人次)), or a rate where less is better (投诉率, 差错率, …) whose target demands a
/// positive value (004:1041 有责投诉率 =100%). 频率 and 效率 are not rates.
/// </summary>
public sealed class TargetUnitSuspicious() : FormRule("target.unit-suspicious", Severity.Warning, "比率类指标的指标值可疑")
{
    public override void Check(FormContext context)
    {
        foreach (var indicator in context.Form.Indicators)
        {
            var name = TextKey.Of(indicator.Name);
            var target = indicator.TargetValue;
            if (!target.IsQuantity || !Vocabulary.IsRate(name))
            {
                continue;
            }

            if (target.Unit is { } unit && !Units.IsPercent(unit))
            {
                context.Report(this, $"“{name}”是比率，指标值单位却是“{unit}”而不是 %", indicator, "%", unit);
            }
            else if (Vocabulary.IsReverseRate(name) && target.Op is not (Comparison.AtMost or Comparison.Below) && target.Number > 0)
            {
                context.Report(this,
                    $"“{name}”越低越好，指标值 {indicator.Target} 却要求其不低于 {Numbers.Plain(target.Number!.Value)}%，疑为填反（应为 ≤ 上限或 =0%）",
                    indicator, "≤", indicator.Target);
            }
        }
    }
}
