using Jixiao.Domain.Model;

namespace Jixiao.Domain.Checks.Rules;

/// <summary><c>indicators.no-quantitative</c>: every indicator of the form is qualitative.</summary>
public sealed class NoQuantitative() : FormRule("indicators.no-quantitative", Severity.Warning, "没有定量指标")
{
    public override void Check(FormContext context)
    {
        var indicators = context.Form.Indicators;
        if (indicators.Count > 0 && indicators.All(i => !i.TargetValue.IsQuantity))
        {
            context.Report(this, $"全部 {indicators.Count} 个指标均为定性指标，没有可量化的目标值");
        }
    }
}
