using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;

namespace Jixiao.Domain.Checks.Rules;

/// <summary>
/// <c>funds.parent-children</c>: an umbrella project's 年度资金申请总额 differs from the sum of its
/// children's. A child is another target form of the same unit, year and document with less money whose
/// goal the parent's goal contains word for word, or all of whose indicators the parent lists (004:
/// 医保监管 = 聘请医保专家劳务费 + 医保基金专项审计 + 举报奖励费 + 第三方专业服务, 364,900 元, holds). At least
/// two children make a parent; copies of one child count once.
/// </summary>
public sealed class FundsParentChildren() : FormSetRule("funds.parent-children", Severity.Error, "上级项目资金不等于子项目之和")
{
    /// <summary>Shorter goals are too generic to be recognised inside another goal.</summary>
    public const int MinGoalLength = 20;

    public override void Check(FormSetContext context)
    {
        foreach (var group in FormComparison.Siblings(context.Forms, f => f.Form.Funds?.AnnualTotal > 0))
        {
            foreach (var parent in group)
            {
                var children = Children(parent.Form, group.Select(s => s.Form));
                if (children.Count < 2)
                {
                    continue;
                }

                var total = parent.Form.Funds!.AnnualTotal!.Value;
                var sum = children.Sum(c => c.Funds!.AnnualTotal!.Value);
                if (sum != total)
                {
                    var parts = string.Join(" + ", children.Select(c => $"{c.Name} {Numbers.Money(c.Funds!.AnnualTotal!.Value)}"));
                    context.Report(this, parent,
                        $"项目资金 {Numbers.Money(total)} 元应等于所含 {children.Count} 个子项目资金之和 {Numbers.Money(sum)} 元（{parts}）",
                        expected: Numbers.Plain(sum), actual: Numbers.Plain(total));
                }
            }
        }
    }

    public static List<PerformanceForm> Children(PerformanceForm parent, IEnumerable<PerformanceForm> candidates)
    {
        var goal = TextKey.Of(parent.Goal);
        var keys = parent.Indicators.Select(FormComparison.IndicatorKey).ToHashSet();
        var children = new List<PerformanceForm>();
        foreach (var c in candidates)
        {
            if (ReferenceEquals(c, parent) || c.Funds!.AnnualTotal >= parent.Funds!.AnnualTotal
                || children.Any(k => TextKey.Of(k.Goal) == TextKey.Of(c.Goal) && FormComparison.SameMoney(k, c) && FormComparison.SameIndicators(k, c)))
            {
                continue;
            }

            var childGoal = TextKey.Of(c.Goal);
            var goalListed = childGoal.Length >= MinGoalLength && childGoal.Length < goal.Length && goal.Contains(childGoal, StringComparison.Ordinal);
            var indicatorsListed = c.Indicators.Count > 0 && c.Indicators.Count < keys.Count && c.Indicators.All(i => keys.Contains(FormComparison.IndicatorKey(i)));
            if (goalListed || indicatorsListed)
            {
                children.Add(c);
            }
        }

        return children;
    }
}
