using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;

namespace Jixiao.Domain.Checks.Rules;

/// <summary>
/// <c>funds.sum</c>: 年度资金申请总额 ≠ 当年财政拨款 + 上年结转资金 + 其他资金 (target forms), and the same
/// for each column (年初预算数, 全年预算数, 全年执行数) of a self-evaluation's money block.
/// </summary>
public sealed class FundsSum() : FormRule("funds.sum", Severity.Error, "资金总额不等于各来源之和")
{
    public override void Check(FormContext context)
    {
        if (context.Form.Funds is { } f)
        {
            Compare(context, "年度资金申请总额", "元", f.AnnualTotal, f.CurrentYear, f.CarryOver, f.Other);
        }

        if (context.Form.Budget is { Total: { } total } b)
        {
            Compare(context, "年度资金总额的年初预算数", "万元", total.Initial, b.CurrentYear?.Initial, b.CarryOver?.Initial, b.Other?.Initial);
            Compare(context, "年度资金总额的全年预算数", "万元", total.Full, b.CurrentYear?.Full, b.CarryOver?.Full, b.Other?.Full);
            Compare(context, "年度资金总额的全年执行数", "万元", total.Executed, b.CurrentYear?.Executed, b.CarryOver?.Executed, b.Other?.Executed);
        }
    }

    private void Compare(FormContext context, string label, string unit, decimal? total, decimal? current, decimal? carryOver, decimal? other)
    {
        if (total is not { } printed || current is null && carryOver is null && other is null)
        {
            return;
        }

        var sum = (current ?? 0) + (carryOver ?? 0) + (other ?? 0);
        if (sum != printed)
        {
            context.Report(this,
                $"{label} {Numbers.Money(printed)} {unit}不等于当年财政拨款 {Numbers.Money(current ?? 0)} + 上年结转资金 {Numbers.Money(carryOver ?? 0)} + 其他资金 {Numbers.Money(other ?? 0)} = {Numbers.Money(sum)} {unit}",
                expected: Numbers.Plain(sum), actual: Numbers.Plain(printed));
        }
    }
}
