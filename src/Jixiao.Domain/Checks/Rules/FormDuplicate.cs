using Jixiao.Domain.Model;

namespace Jixiao.Domain.Checks.Rules;

/// <summary>
/// <c>form.duplicate</c>: the same unit publishes one project twice in one document.
/// <para>
/// Decision on near-identical copies: two forms of one unit, year and kind with the same project name,
/// the same money and the same goal are the same project published twice, even when at most one
/// indicator differs by a slip of a word or two. Seed 004 has two such pairs: 业务培训 ×2 (the second
/// prints 对街镇社区事务受理中心管理人员开展 without its last word 培训) and 网络信息系统运行与维护 ×2 (one
/// indicator's target 提升 in one, 提高 in the other). A unit does not declare two different projects
/// under one name with the same money to the yuan; the difference is an editing slip, so both pairs
/// are reported, and the message names the differing wording. Forms with other money, goal, indicator
/// labels or numbers, or more than one differing indicator, are different projects.
/// </para>
/// </summary>
public sealed class FormDuplicate() : FormSetRule("form.duplicate", Severity.Warning, "同一项目重复公开")
{
    /// <summary>At most this many indicators may differ in wording, each by at most <see cref="MaxEdit"/> characters.</summary>
    public const int MaxDifferingIndicators = 1;

    public const int MaxEdit = 2;

    public override void Check(FormSetContext context)
    {
        foreach (var group in FormComparison.Siblings(context.Forms))
        {
            for (var j = 1; j < group.Count; j++)
            {
                for (var i = 0; i < j; i++)
                {
                    if (Describe(group[i].Form, group[j].Form) is { } how)
                    {
                        context.Report(this, group[j], $"与第 {group[i].Form.Line} 行的“{group[i].Form.Name}”重复：同一单位、同名项目，{how}");
                        break;
                    }
                }
            }
        }
    }

    /// <summary>How <paramref name="b"/> duplicates <paramref name="a"/>, or null when it does not.</summary>
    public static string? Describe(PerformanceForm a, PerformanceForm b)
    {
        if (TextKey.Of(a.Name) != TextKey.Of(b.Name) || !FormComparison.SameMoney(a, b) || TextKey.Of(a.Goal) != TextKey.Of(b.Goal)
            || FormComparison.WordingDifferences(a, b) is not { Count: <= MaxDifferingIndicators } differences)
        {
            return null;
        }

        if (differences.Count == 0)
        {
            return "资金、目标与全部指标完全相同";
        }

        var (x, y) = differences[0];
        var (before, after) = (Wording(x), Wording(y));
        return TextKey.Distance(before, after) <= MaxEdit
            ? $"资金、目标相同，指标仅一处措辞不同（第 {y.Line} 行“{after}”，前表第 {x.Line} 行为“{before}”）"
            : null;
    }

    private static string Wording(Indicator i) => $"{TextKey.Of(i.Name)} {TextKey.Of(i.Target)}";
}
