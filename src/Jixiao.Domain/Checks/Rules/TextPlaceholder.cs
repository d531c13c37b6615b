using Jixiao.Domain.Model;

namespace Jixiao.Domain.Checks.Rules;

/// <summary>
/// <c>text.placeholder</c>: template prompt text left in the form (004: 年度总体目标 containing
/// （描述一下主要产出目标情况）). The goal carries no line of its own, so its findings point at the form.
/// </summary>
public sealed class TextPlaceholder() : FormRule("text.placeholder", Severity.Warning, "表中留有模板提示文字")
{
    public override void Check(FormContext context)
    {
        var form = context.Form;
        Field(context, form.Kind == FormKind.Target ? "年度总体目标" : "预期目标", form.Goal, null);
        Field(context, "实际完成情况", form.Outcome, null);
        foreach (var indicator in form.Indicators)
        {
            Field(context, "指标名称", indicator.Name, indicator);
            Field(context, "指标值", indicator.Target, indicator);
            Field(context, "实际完成值", indicator.Actual, indicator);
            Field(context, "偏差原因分析", indicator.Deviation, indicator);
        }
    }

    private void Field(FormContext context, string label, string? text, Indicator? indicator)
    {
        if (Vocabulary.FindPlaceholder(text) is { } placeholder)
        {
            context.Report(this, $"{label}中留有模板提示文字“{placeholder}”，应替换为实际内容", indicator, actual: placeholder);
        }
    }
}
