using Jixiao.Domain.Model;

namespace Jixiao.Domain.Checks.Rules;

/// <summary>
/// <c>indicators.missing-level1</c>: a form without an 产出, 效益 or 满意度 indicator, or, where the
/// policy makes 成本指标 an 一级 (Shanghai from 2024), without a 成本 indicator.
/// </summary>
public sealed class MissingLevel1() : FormRule("indicators.missing-level1", Severity.Error, "缺少一级指标")
{
    private static readonly string[] Required = [IndicatorLevels.Output, IndicatorLevels.Benefit, IndicatorLevels.Satisfaction];

    public override void Check(FormContext context)
    {
        var present = new HashSet<string>();
        foreach (var indicator in context.Form.Indicators)
        {
            present.Add(IndicatorLevels.CanonicalLevel1(indicator.Level1));
        }

        string[] required = context.Policy.CostIsLevel1 ? [.. Required, IndicatorLevels.Cost] : Required;
        var missing = required.Where(l => !present.Contains(l)).ToList();
        if (missing.Count > 0)
        {
            context.Report(this, $"缺少一级指标：{string.Join("、", missing)}（口径 {context.Policy.Name}）",
                expected: string.Join("、", required), actual: string.Join("、", required.Where(present.Contains)));
        }
    }
}
