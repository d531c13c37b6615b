using Jixiao.Domain.Model;

namespace Jixiao.Domain.Checks.Rules;

/// <summary><c>form.same-content</c>: identical indicators and money under different project names (004: 武警医疗金 / 医疗补助).</summary>
public sealed class FormSameContent() : FormSetRule("form.same-content", Severity.Info, "不同名称的项目内容完全相同")
{
    public override void Check(FormSetContext context)
    {
        foreach (var group in FormComparison.Siblings(context.Forms))
        {
            for (var j = 1; j < group.Count; j++)
            {
                var b = group[j].Form;
                var first = group.Take(j).Select(s => s.Form).FirstOrDefault(a =>
                    a.Indicators.Count > 0 && TextKey.Of(a.Name) != TextKey.Of(b.Name) && FormComparison.SameMoney(a, b) && FormComparison.SameIndicators(a, b));
                if (first is not null)
                {
                    context.Report(this, group[j], $"与第 {first.Line} 行的“{first.Name}”资金与全部指标完全相同，仅项目名称不同", expected: first.Name, actual: b.Name);
                }
            }
        }
    }
}
