using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;

namespace Jixiao.Domain.Checks.Rules;

/// <summary><c>weights.sum</c>: the 分值 of the budget row and all indicators do not add up to 100.</summary>
public sealed class WeightsSum() : FormRule("weights.sum", Severity.Error, "分值合计不为 100")
{
    public const decimal Total = 100m;

    public override void Check(FormContext context)
    {
        var form = context.Form;
        if (!context.IsSelfEvaluation || form.Budget?.Total?.Weight is not { } sum)
        {
            return;
        }

        foreach (var indicator in form.Indicators)
        {
            if (indicator.Weight is not { } weight)
            {
                return;
            }

            sum += weight;
        }

        if (sum != Total)
        {
            context.Report(this, $"预算执行与各指标分值合计为 {Numbers.Fixed(sum)}，应为 100", expected: Numbers.Fixed(Total), actual: Numbers.Fixed(sum));
        }
    }
}
