using Jixiao.Domain.Model;

namespace Jixiao.Domain.Checks.Rules;

/// <summary><c>target.missing-value</c>: an indicator without 指标值 (001:898).</summary>
public sealed class TargetMissingValue() : FormRule("target.missing-value", Severity.Error, "指标未填写指标值")
{
    public override void Check(FormContext context)
    {
        foreach (var indicator in context.Form.Indicators)
        {
            if (indicator.TargetValue.IsEmpty && string.IsNullOrWhiteSpace(indicator.Target))
            {
                context.Report(this, $"指标“{indicator.Name}”未填写年度指标值", indicator);
            }
        }
    }
}
