using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;

namespace Jixiao.Domain.Checks.Rules;

/// <summary><c>budget.score-mismatch</c>: the budget row's printed 得分 differs from the one recomputed from the money.</summary>
public sealed class BudgetScoreMismatch() : FormRule("budget.score-mismatch", Severity.Error, "预算执行得分与重算结果不符")
{
    public override void Check(FormContext context)
    {
        if (context.Form.Budget?.Total?.Score is not { } printed || context.Scores.Budget is not { IsScored: true } budget || budget.Score == printed)
        {
            return;
        }

        context.Report(this,
            $"预算执行得分应为 {Numbers.Fixed(budget.Score)}（{budget.Explanation}；口径 {context.Policy.Name}），表中为 {Numbers.Fixed(printed)}",
            expected: Numbers.Fixed(budget.Score), actual: Numbers.Fixed(printed));
    }
}
