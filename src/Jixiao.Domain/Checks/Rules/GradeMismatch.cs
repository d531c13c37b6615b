using Jixiao.Domain.Model;

namespace Jixiao.Domain.Checks.Rules;

/// <summary><c>grade.mismatch</c>: the printed 评分等级 does not belong to the printed 总分.</summary>
public sealed class GradeMismatch() : FormRule("grade.mismatch", Severity.Error, "评分等级与总分不符")
{
    public override void Check(FormContext context)
    {
        var form = context.Form;
        if (form.TotalScore is not { } total || string.IsNullOrWhiteSpace(form.Grade))
        {
            return;
        }

        var expected = context.Policy.Grades.Grade(total);
        var printed = TextKey.Of(form.Grade);
        if (printed != expected)
        {
            context.Report(this, $"总分 {context.Policy.Grades.Explain(total)}，表中评分等级为“{printed}”", expected: expected, actual: printed);
        }
    }
}
