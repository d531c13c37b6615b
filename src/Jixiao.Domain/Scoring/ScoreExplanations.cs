using Jixiao.Domain.Values;

namespace Jixiao.Domain.Scoring;

/// <summary>The explanation strings of computed scores, all in one place (Chinese first, formulas as printed).</summary>
internal static class ScoreExplanations
{
    public static string Explain(in IndicatorScore s)
    {
        var w = Numbers.Fixed(s.Weight);
        var score = Numbers.Fixed(s.Score);
        var rounded = $"{Numbers.Plain(s.Raw)} → {score} ({s.Rounding.Label()}){Capped(s)}";
        return s.Method switch
        {
            ScoreMethod.NotScored => NotScored(s),
            ScoreMethod.FullMarks => $"实际 {Numbers.Plain(s.Actual)} 达到目标 {s.Op.Symbol()}{Numbers.Plain(s.Target)} → 满分 {score}",
            ScoreMethod.Proportional => $"{w} × {Numbers.Plain(s.Actual)} / {Numbers.Plain(s.Target)} = {rounded}",
            ScoreMethod.Reverse => $"{w} × (1 − ({Numbers.Plain(s.Actual)} − {Numbers.Plain(s.Target)}) / {Numbers.Plain(s.Target)}) = {rounded}",
            ScoreMethod.ReverseFloor => $"实际 {Numbers.Plain(s.Actual)} ≥ 2 × 目标 {Numbers.Plain(s.Target)} → 0.00",
            ScoreMethod.ZeroTarget => s.Score > 0
                ? $"目标 {s.Op.Symbol()}0，实际 {Numbers.Plain(s.Actual)} 达标 → 满分 {score}"
                : $"目标 {s.Op.Symbol()}0，实际 {Numbers.Plain(s.Actual)} 未达标 → 0.00",
            ScoreMethod.Qualitative => $"{s.Verdict.Label()}：{w} × {Numbers.Plain(s.Share * 100)}% = {rounded}",
            _ => "",
        };
    }

    private static string Capped(in IndicatorScore s) => s.Raw > s.Weight ? "，不超过分值" : s.Raw < 0 ? "，不低于 0" : "";

    private static string NotScored(in IndicatorScore s) => s.Reason switch
    {
        NotScoredReason.NoWeight => "未填分值，无法自动计分",
        NotScoredReason.NoActual => "未填实际完成值，无法自动计分",
        NotScoredReason.UnitMismatch => $"实际完成值单位“{s.ActualUnit}”与目标单位“{s.TargetUnit}”不一致，不自动计分",
        NotScoredReason.UnknownResult => $"实际完成值“{s.Text}”不是可识别的定性结果（达成指标／部分达成指标并具有一定效果／未达成指标且效果较差），不自动计分",
        NotScoredReason.NotComparable => "目标与实际完成值一为数值、一为文字，无法比较，不自动计分",
        NotScoredReason.NegativeTarget => "目标值为负数，不自动计分",
        _ => "",
    };

    public static string Explain(BudgetScore b)
    {
        switch (b.Status)
        {
            case BudgetStatus.NotApplicable:
                return "全年预算数为 0 且无执行数，预算执行率不适用，不计分";
            case BudgetStatus.NotScorable:
                return b.Reason;
        }

        var policy = b.Policy;
        var rate = $"{Numbers.Fixed(b.Executed)} / {Numbers.Fixed(b.Full)} × 100 = {Numbers.Plain(b.RawRate)} → {Numbers.Fixed(b.Rate)} ({policy.RateRounding.Label()})";
        var basis = policy.BudgetScoreFromRoundedRate ? b.Rate : b.RawRate;
        var capped = basis > 100 ? $"min({Numbers.Plain(basis)}, 100)" : Numbers.Plain(basis);
        return $"{rate}；{Numbers.Fixed(b.Weight)} × {capped} / 100 = {Numbers.Plain(b.Raw)} → {Numbers.Fixed(b.Score)} ({policy.BudgetScoreRounding.Label()})";
    }
}
