using Jixiao.Domain.Model;

namespace Jixiao.Domain.Checks.Rules;

/// <summary><c>target.vague</c>: a qualitative target that only names a direction (提升, 逐步提高, 有所提升 …) and cannot be verified.</summary>
public sealed class TargetVague() : FormRule("target.vague", Severity.Info, "定性指标值无法验证")
{
    public override void Check(FormContext context)
    {
        foreach (var indicator in context.Form.Indicators)
        {
            if (indicator.TargetValue.Text is { } text && Vocabulary.IsVague(text))
            {
                context.Report(this, $"指标值“{text}”只说明方向，年末无法验证是否达成，宜改为可衡量的数值或明确标准", indicator);
            }
        }
    }
}
