using Jixiao.Domain.Model;

namespace Jixiao.Domain.Scoring;

/// <summary>
/// A self-evaluation scored under a policy. Where an indicator cannot be scored automatically, its
/// printed score (if any) stands in the total; without one the total is left open.
/// </summary>
public sealed record FormScore(
    ScoringPolicy Policy,
    BudgetScore? Budget,
    IReadOnlyList<IndicatorScore> Indicators,
    decimal? Total,
    string? Grade)
{
    private decimal _budgetPart;
    private decimal _indicatorPart;
    private string? _missing;

    /// <summary>How the total was reached, e.g. <c>预算执行 9.17 + 指标 90.00（5 项）= 99.17</c>, or why it is open.</summary>
    public string TotalExplanation => _missing is not null
        ? $"{_missing}无得分，总分无法计算"
        : $"预算执行 {Numbers.Fixed(_budgetPart)} + 指标 {Numbers.Fixed(_indicatorPart)}（{Indicators.Count} 项）= {Numbers.Fixed(Total ?? 0)}";

    /// <summary>Why the total has its grade, e.g. <c>99.17 ≥ 90 → 优</c>.</summary>
    public string? GradeExplanation => Total is { } total ? Policy.Grades.Explain(total) : null;

    internal static FormScore Create(PerformanceForm form, ScoringPolicy policy, BudgetScore? budget, IndicatorScore[] indicators)
    {
        decimal? budgetPart = budget switch
        {
            { IsScored: true } => budget.Score,
            { Status: BudgetStatus.NotApplicable } => form.Budget?.Total?.Score ?? 0,
            _ => form.Budget?.Total?.Score,
        };

        decimal sum = 0;
        string? missing = budgetPart is null ? "预算执行率" : null;
        for (var i = 0; i < indicators.Length; i++)
        {
            var part = indicators[i].Value ?? form.Indicators[i].Score;
            if (part is null)
            {
                missing ??= $"指标“{form.Indicators[i].Name}”";
            }
            else
            {
                sum += part.Value;
            }
        }

        var total = missing is null ? budgetPart + sum : null;
        return new FormScore(policy, budget, indicators, total, total is { } t ? policy.Grades.Grade(t) : null)
        {
            _budgetPart = budgetPart ?? 0,
            _indicatorPart = sum,
            _missing = missing,
        };
    }

    /// <summary>The form with every computed figure filled in: indicator scores, the budget rate and score, total and grade.</summary>
    public PerformanceForm ApplyTo(PerformanceForm form)
    {
        var indicators = new Indicator[form.Indicators.Count];
        for (var i = 0; i < indicators.Length; i++)
        {
            var source = form.Indicators[i];
            indicators[i] = Indicators[i].Value is { } score ? source with { Score = score } : source;
        }

        var budgetForm = form.Budget;
        if (budgetForm?.Total is { } row && Budget is { IsScored: true } b)
        {
            budgetForm = budgetForm with { Total = row with { Rate = b.Rate, Score = b.Score } };
        }

        return form with
        {
            Indicators = indicators,
            Budget = budgetForm,
            TotalScore = Total ?? form.TotalScore,
            Grade = Grade ?? form.Grade,
        };
    }
}
