using Jixiao.Domain.Model;
using Jixiao.Domain.Values;

namespace Jixiao.Domain.Scoring;

/// <summary>
/// The scoring rules of scoring.md, pure and allocation-free per indicator. Money and scores are
/// <see cref="decimal"/>; every cut to two decimals goes through the policy's <see cref="Rounding"/>.
/// </summary>
public static class Scorer
{
    public static IndicatorScore Score(Indicator indicator, ScoringPolicy policy) =>
        Score(indicator.Weight, indicator.TargetValue, indicator.ActualValue, policy);

    public static IndicatorScore Score(decimal? weight, IndicatorValue target, IndicatorValue? actual, ScoringPolicy policy)
    {
        if (weight is not { } w)
        {
            return IndicatorScore.NotScored(NotScoredReason.NoWeight);
        }

        if (actual is null || actual.IsEmpty)
        {
            return IndicatorScore.NotScored(NotScoredReason.NoActual, w);
        }

        var rounding = policy.IndicatorRounding;
        if (actual.Number is not { } a)
        {
            if (QualitativeResults.Parse(actual.Text) is not { } result)
            {
                return IndicatorScore.NotScored(NotScoredReason.UnknownResult, w, text: actual.Text);
            }

            var share = policy.Shares.Of(result);
            var raw = w * share;
            return IndicatorScore.Qualitative(result, rounding, w, share, raw, Cap(rounding.Apply(raw), w));
        }

        if (target.Number is not { } t)
        {
            return IndicatorScore.NotScored(NotScoredReason.NotComparable, w);
        }

        if (!Units.Same(target.Unit, actual.Unit))
        {
            return IndicatorScore.NotScored(NotScoredReason.UnitMismatch, w, target.Unit, actual.Unit);
        }

        return Quantitative(target.Op ?? Comparison.Equal, w, t, a, rounding);
    }

    private static IndicatorScore Quantitative(Comparison op, decimal w, decimal t, decimal a, Rounding rounding)
    {
        if (t == 0)
        {
            var met = op switch
            {
                Comparison.AtLeast => a >= 0,
                Comparison.Above => a > 0,
                Comparison.Below => a < 0,
                _ => a == 0,
            };
            return IndicatorScore.Quantitative(ScoreMethod.ZeroTarget, rounding, op, w, t, a, met ? w : 0, met ? w : 0);
        }

        if (t < 0)
        {
            return IndicatorScore.NotScored(NotScoredReason.NegativeTarget, w);
        }

        if (op is Comparison.AtMost or Comparison.Below)
        {
            if (op == Comparison.Below ? a < t : a <= t)
            {
                return IndicatorScore.Quantitative(ScoreMethod.FullMarks, rounding, op, w, t, a, w, w);
            }

            if (a >= 2 * t)
            {
                return IndicatorScore.Quantitative(ScoreMethod.ReverseFloor, rounding, op, w, t, a, 0, 0);
            }

            // W × (1 − (A − T) / T), written with one division last so that the decimal result is exact where it can be.
            var reverse = w * (2 * t - a) / t;
            return IndicatorScore.Quantitative(ScoreMethod.Reverse, rounding, op, w, t, a, reverse, Cap(rounding.Apply(reverse), w));
        }

        if (op == Comparison.Above ? a > t : a >= t)
        {
            return IndicatorScore.Quantitative(ScoreMethod.FullMarks, rounding, op, w, t, a, w, w);
        }

        var raw = w * a / t;
        return IndicatorScore.Quantitative(ScoreMethod.Proportional, rounding, op, w, t, a, raw, Cap(rounding.Apply(raw), w));
    }

    private static decimal Cap(decimal score, decimal weight) => score < 0 ? 0 : score > weight ? weight : score;

    /// <summary>执行率 = 全年执行数 / 全年预算数 × 100, cut by the policy; null when the budget is 0 or a figure is missing.</summary>
    public static decimal? Rate(decimal? executed, decimal? full, ScoringPolicy policy) =>
        executed is { } e && full is { } f && f != 0 ? policy.RateRounding.Apply(e * 100 / f) : null;

    /// <summary>The budget-execution row's rate and score (the 年度资金总额 row).</summary>
    public static BudgetScore ScoreBudget(BudgetRow? row, ScoringPolicy policy)
    {
        if (row?.Full is not { } full || row.Executed is not { } executed)
        {
            return new BudgetScore(BudgetStatus.NotScorable, policy, Reason: "缺少全年预算数或全年执行数，预算执行率无法计分");
        }

        if (full == 0)
        {
            return executed == 0
                ? new BudgetScore(BudgetStatus.NotApplicable, policy, full, executed)
                : new BudgetScore(BudgetStatus.NotScorable, policy, full, executed, Reason: "全年预算数为 0 却有执行数，预算执行率无法计分");
        }

        if (row.Weight is not { } weight)
        {
            return new BudgetScore(BudgetStatus.NotScorable, policy, full, executed, Reason: "预算执行率未填分值，无法计分");
        }

        var rawRate = executed * 100 / full;
        var rate = policy.RateRounding.Apply(rawRate);
        var basis = policy.BudgetScoreFromRoundedRate ? rate : rawRate;
        var raw = weight * Math.Min(basis, 100) / 100;
        var score = Cap(policy.BudgetScoreRounding.Apply(raw), weight);
        return new BudgetScore(BudgetStatus.Scored, policy, full, executed, rawRate, rate, weight, raw, score);
    }

    /// <summary>Scores a whole self-evaluation: the budget row, every indicator, the total and the grade.</summary>
    public static FormScore Score(PerformanceForm form, ScoringPolicy policy)
    {
        var budget = form.Budget is null ? null : ScoreBudget(form.Budget.Total, policy);
        var indicators = new IndicatorScore[form.Indicators.Count];
        for (var i = 0; i < indicators.Length; i++)
        {
            indicators[i] = Score(form.Indicators[i], policy);
        }

        return FormScore.Create(form, policy, budget, indicators);
    }
}
