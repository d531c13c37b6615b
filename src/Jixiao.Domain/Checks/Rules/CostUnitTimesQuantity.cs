using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;
using Jixiao.Domain.Values;

namespace Jixiao.Domain.Checks.Rules;

/// <summary>
/// <c>cost.unit-times-quantity</c>: the unit costs (元/家) times their quantities (家) do not give the
/// project's 年度资金申请总额. A unit cost is paired with the quantity of the same name (004 第三方专业服务:
/// 2051 × 16 + 3307.5 × 36 + 5512.5 × 4 = 173,936); a unit cost left alone takes all remaining quantities
/// of its unit (004 聘请医保专家劳务费: 956 × (40 + 41 + 16) = 92,732 ≠ 92,764). When that is ambiguous (two
/// lone unit costs of one unit) or a unit cost has no quantity, the project is not judged: a guess
/// would be a false alarm. Unit prices printed to the cent excuse half a cent per unit.
/// </summary>
public sealed class CostUnitTimesQuantity() : FormRule("cost.unit-times-quantity", Severity.Warning, "单位成本 × 数量与项目资金不符")
{
    private const decimal CentPerUnit = 0.005m;

    public override void Check(FormContext context)
    {
        var form = context.Form;
        if (form.Funds?.AnnualTotal is not > 0m)
        {
            return;
        }

        var costs = new List<Indicator>();
        var quantities = new List<Indicator>();
        foreach (var i in form.Indicators)
        {
            if (i.TargetValue is { Number: > 0, Unit: { } unit })
            {
                if (PerUnit(unit) is not null)
                {
                    costs.Add(i);
                }
                else if (!Units.IsPercent(unit) && !unit.Contains('元'))
                {
                    quantities.Add(i);
                }
            }
        }

        if (costs.Count == 0 || Terms(costs, quantities) is not { } terms)
        {
            return;
        }

        var computed = terms.Sum(t => t.Cost.TargetValue.Number!.Value * t.Quantity);
        var total = form.Funds.AnnualTotal.Value;
        if (Math.Abs(computed - total) <= terms.Sum(t => t.Quantity) * CentPerUnit)
        {
            return;
        }

        var formula = string.Join(" + ", terms.Select(t => $"{Numbers.Plain(t.Cost.TargetValue.Number!.Value)} × {Quantity(t)}"));
        context.Report(this,
            $"单位成本 × 数量 = {formula} = {Numbers.Money(computed)} 元，与年度资金申请总额 {Numbers.Money(total)} 元不符（相差 {Numbers.Money(Math.Abs(total - computed))} 元）",
            terms.Count == 1 ? terms[0].Cost : null, Numbers.Plain(computed), Numbers.Plain(total), costs[0].Line);
    }

    private sealed record Term(Indicator Cost, decimal Quantity, IReadOnlyList<Indicator> Parts);

    /// <summary>The unit a cost is per (<c>元/家</c> and <c>元/每家</c> → <c>家</c>); null when not a unit cost.</summary>
    private static string? PerUnit(string unit) =>
        unit.StartsWith("元/", StringComparison.Ordinal) && unit.Length > 2 ? unit[2..].TrimStart('每') : null;

    private static List<Term>? Terms(List<Indicator> costs, List<Indicator> quantities)
    {
        var used = new bool[quantities.Count];
        var terms = new List<Term>();
        var lone = new List<Indicator>();
        foreach (var cost in costs)
        {
            var per = PerUnit(cost.TargetValue.Unit!);
            var name = TextKey.Of(cost.Name);
            var match = -1;
            for (var k = 0; k < quantities.Count && match < 0; k++)
            {
                match = !used[k] && quantities[k].TargetValue.Unit == per && TextKey.Of(quantities[k].Name) == name ? k : -1;
            }

            if (match >= 0)
            {
                used[match] = true;
                terms.Add(new Term(cost, quantities[match].TargetValue.Number!.Value, [quantities[match]]));
            }
            else
            {
                lone.Add(cost);
            }
        }

        foreach (var cost in lone)
        {
            var per = PerUnit(cost.TargetValue.Unit!);
            if (lone.Count(c => PerUnit(c.TargetValue.Unit!) == per) > 1)
            {
                return null;
            }

            var parts = quantities.Where((q, k) => !used[k] && q.TargetValue.Unit == per).ToList();
            if (parts.Count == 0)
            {
                return null;
            }

            terms.Add(new Term(cost, parts.Sum(q => q.TargetValue.Number!.Value), parts));
        }

        return terms;
    }

    private static string Quantity(Term t) => t.Parts.Count == 1
        ? Numbers.Plain(t.Quantity)
        : $"{Numbers.Plain(t.Quantity)}（{string.Join(" + ", t.Parts.Select(p => Numbers.Plain(p.TargetValue.Number!.Value)))} {t.Parts[0].TargetValue.Unit}）";
}
