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
            return IndicatorScore.NotScored(NotScoredReason.NoWeight, 0, target, actual);
        }

        if (actual is null || actual.IsEmpty)
        {
            return IndicatorScore.NotScored(NotScoredReason.NoActual, w, target, actual);
        }

        var rounding = policy.IndicatorRounding;
        if (actual.Number is not { } a)
        {
            return QualitativeResults.Parse(actual.Text) switch
            {
                QualitativeResult.Achieved => IndicatorScore.Qualitative(QualitativeResult.Achieved, rounding, w, w, w, actual),
                { } result => Qualitative(result, w, actual, policy),
                null => IndicatorScore.NotScored(NotScoredReason.UnknownResult, w, target, actual),
            };
        }

        if (target.Number is not { } t)
        {
            return IndicatorScore.NotScored(NotScoredReason.NotComparable, w, target, actual);
        }

        if (!Units.Same(target.Unit, actual.Unit))
        {
            return IndicatorScore.NotScored(NotScoredReason.UnitMismatch, w, target, actual);
        }

        var (method, raw) = Quantitative(target.Op ?? Comparison.Equal, w, t, a);
        if (method == ScoreMethod.NotScored)
        {
            return IndicatorScore.NotScored(NotScoredReason.NegativeTarget, w, target, actual);
        }

        // Full marks and all-or-nothing scores are exact; only a fraction of the weight needs cutting.
        var score = method is ScoreMethod.Proportional or ScoreMethod.Reverse ? Cap(rounding.Apply(raw), w) : raw;
        return IndicatorScore.Quantitative(method, rounding, w, raw, score, target, actual);
    }

    private static IndicatorScore Qualitative(QualitativeResult result, decimal w, IndicatorValue actual, ScoringPolicy policy)
    {
        var raw = w * policy.Shares.Of(result);
        return IndicatorScore.Qualitative(result, policy.IndicatorRounding, w, raw, Cap(policy.IndicatorRounding.Apply(raw), w), actual);
    }

    /// <summary>The rule of scoring.md that applies and its exact figure; <see cref="ScoreMethod.NotScored"/> for a negative target.</summary>
    private static (ScoreMethod, decimal) Quantitative(Comparison op, decimal w, decimal t, decimal a)
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
            return (ScoreMethod.ZeroTarget, met ? w : 0);
        }

        if (decimal.IsNegative(t))
        {
            return (ScoreMethod.NotScored, 0);
        }

        if (op is Comparison.AtMost or Comparison.Below)
        {
            if (op == Comparison.Below ? a < t : a <= t)
            {
                return (ScoreMethod.FullMarks, w);
            }

            // W × (1 − (A − T) / T), written with one division last so that the decimal result is exact where it can be.
            return a >= 2 * t ? (ScoreMethod.ReverseFloor, 0) : (ScoreMethod.Reverse, w * (2 * t - a) / t);
        }

        return (op == Comparison.Above ? a > t : a >= t) ? (ScoreMethod.FullMarks, w) : (ScoreMethod.Proportional, w * a / t);
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
