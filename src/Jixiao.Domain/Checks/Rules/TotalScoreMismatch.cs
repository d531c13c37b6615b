using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;

namespace Jixiao.Domain.Checks.Rules;

/// <summary><c>score.total-mismatch</c>: the printed 总分 is not the sum of the printed scores (budget row and indicators).</summary>
public sealed class TotalScoreMismatch() : FormRule("score.total-mismatch", Severity.Error, "总分不等于各项得分之和")
{
    public override void Check(FormContext context)
    {
        var form = context.Form;
        if (form.TotalScore is not { } printed || form.Budget?.Total?.Score is not { } budget)
        {
            return;
        }

        decimal indicators = 0;
        foreach (var indicator in form.Indicators)
        {
            if (indicator.Score is not { } score)
            {
                return;
            }

            indicators += score;
        }

        var sum = budget + indicators;
        if (sum != printed)
        {
            context.Report(this,
                $"总分应为各项得分之和 {Numbers.Fixed(sum)}（预算执行 {Numbers.Fixed(budget)} + 指标 {Numbers.Fixed(indicators)}），表中为 {Numbers.Fixed(printed)}",
                expected: Numbers.Fixed(sum), actual: Numbers.Fixed(printed));
        }
    }
}
