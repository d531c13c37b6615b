using Jixiao.Domain.Model;

namespace Jixiao.Domain.Scoring;

/// <summary>
/// The self-evaluation a unit starts from its approved target declaration: same project, funds turned into
/// the money block (元 → 万元), every declared indicator with its target and a proposed weight
/// (<see cref="WeightProposal"/>); actual values, execution and deviation analysis are left for the unit.
/// </summary>
public static class EvaluationTemplate
{
    /// <summary>元 per 万元.</summary>
    public const decimal YuanPerWan = 10_000m;

    public static PerformanceForm From(PerformanceForm target)
    {
        var weights = WeightProposal.Propose(target.Indicators);
        var indicators = new Indicator[target.Indicators.Count];
        for (var i = 0; i < indicators.Length; i++)
        {
            indicators[i] = target.Indicators[i] with { Actual = null, ActualValue = null, Weight = weights[i], Score = null, Deviation = null, Line = 0 };
        }

        var funds = target.Funds;
        return target with
        {
            Kind = FormKind.SelfEvaluation,
            Line = 0,
            Funds = null,
            Budget = new Budget(
                Row(funds?.AnnualTotal, WeightProposal.Budget),
                Row(funds?.CurrentYear),
                Row(funds?.CarryOver),
                Row(funds?.Other)),
            Outcome = null,
            Indicators = indicators,
            TotalWeight = null,
            TotalScore = null,
            Grade = null,
        };
    }

    /// <summary>A declared amount in 元 as 万元 to the cent of a 万元 (half away from zero, as the forms print it).</summary>
    public static decimal? Wan(decimal? yuan) => yuan is { } y ? Math.Round(y / YuanPerWan, 2, MidpointRounding.AwayFromZero) : null;

    private static BudgetRow Row(decimal? yuan, decimal? weight = null) => new(Wan(yuan), Wan(yuan), null, null, weight);
}
