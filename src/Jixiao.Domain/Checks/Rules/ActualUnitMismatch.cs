using Jixiao.Domain.Model;
using Jixiao.Domain.Values;

namespace Jixiao.Domain.Checks.Rules;

/// <summary><c>actual.unit-mismatch</c>: the actual value is in another unit than the target (so it is not scored automatically).</summary>
public sealed class ActualUnitMismatch() : FormRule("actual.unit-mismatch", Severity.Warning, "实际完成值单位与目标单位不一致")
{
    public override void Check(FormContext context)
    {
        foreach (var indicator in context.Form.Indicators)
        {
            var target = indicator.TargetValue;
            if (indicator.ActualValue is { IsQuantity: true } actual && target.IsQuantity && !Units.Same(target.Unit, actual.Unit))
            {
                context.Report(this, $"实际完成值单位“{actual.Unit}”与目标单位“{target.Unit}”不一致，该指标不自动计分", indicator, target.Unit, actual.Unit);
            }
        }
    }
}
