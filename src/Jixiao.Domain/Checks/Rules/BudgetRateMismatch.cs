using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;

namespace Jixiao.Domain.Checks.Rules;

/// <summary><c>budget.rate-mismatch</c>: a printed 执行率 differs from 全年执行数 / 全年预算数 under the form's policy (every money row).</summary>
public sealed class BudgetRateMismatch() : FormRule("budget.rate-mismatch", Severity.Error, "执行率与全年执行数/全年预算数不符")
{
    public override void Check(FormContext context)
    {
        if (context.Form.Budget is not { } budget)
        {
            return;
        }

        Row(context, "年度资金总额", budget.Total);
        Row(context, "当年财政拨款", budget.CurrentYear);
        Row(context, "上年结转资金", budget.CarryOver);
        Row(context, "其他资金", budget.Other);
    }

    private void Row(FormContext context, string label, BudgetRow? row)
    {
        if (row?.Rate is not { } printed || Scorer.Rate(row.Executed, row.Full, context.Policy) is not { } expected || expected == printed)
        {
            return;
        }

        var rounding = context.Policy.RateRounding.Label();
        context.Report(this,
            $"{label}执行率应为 {Numbers.Fixed(expected)}%（{Numbers.Fixed(row.Executed!.Value)} / {Numbers.Fixed(row.Full!.Value)} × 100，{rounding}），表中为 {Numbers.Fixed(printed)}%",
            expected: Numbers.Fixed(expected), actual: Numbers.Fixed(printed));
    }
}
