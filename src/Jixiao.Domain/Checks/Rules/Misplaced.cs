using Jixiao.Domain.Model;

namespace Jixiao.Domain.Checks.Rules;

/// <summary>
/// <c>indicators.misplaced</c>: a 满意度-named indicator outside 满意度指标, or one inside it that measures
/// no satisfaction (001:229 公务用车管理体系建立健全). Complaints (投诉) and 满足…要求 count as satisfaction.
/// </summary>
public sealed class Misplaced() : FormRule("indicators.misplaced", Severity.Warning, "指标所列一级指标不当")
{
    public override void Check(FormContext context)
    {
        foreach (var indicator in context.Form.Indicators)
        {
            var inSatisfaction = IndicatorLevels.CanonicalLevel1(indicator.Level1) == IndicatorLevels.Satisfaction;
            var name = TextKey.Of(indicator.Name);
            if (!inSatisfaction && Vocabulary.IsSatisfactionNamed(name))
            {
                var level1 = indicator.Level1.Length > 0 ? indicator.Level1 : "（未标一级指标）";
                context.Report(this, $"满意度类指标“{name}”应列在满意度指标下，现列在{level1}", indicator, IndicatorLevels.Satisfaction, level1);
            }
            else if (inSatisfaction && !Vocabulary.IsSatisfactionLike(name))
            {
                context.Report(this, $"“{name}”不衡量满意度，不应列在满意度指标下", indicator);
            }
        }
    }
}
