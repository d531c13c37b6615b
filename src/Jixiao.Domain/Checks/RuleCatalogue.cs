using Jixiao.Domain.Checks.Rules;

namespace Jixiao.Domain.Checks;

/// <summary>Every rule of checks.md (version 1), in the catalogue's order.</summary>
public static class RuleCatalogue
{
    public static readonly IReadOnlyList<Rule> All =
    [
        // Arithmetic of self-evaluations
        new BudgetRateMismatch(),
        new BudgetScoreMismatch(),
        new IndicatorScoreMismatch(),
        new TotalScoreMismatch(),
        new WeightsSum(),
        new GradeMismatch(),
        new DeviationMissing(),
        new ActualUnitMismatch(),
        new ActualFarAboveTarget(),

        // Quality of declared targets
        new MissingLevel1(),
        new NoQuantitative(),
        new Misplaced(),
        new TargetMissingValue(),
        new TargetUnitSuspicious(),
        new TargetVague(),
        new TextPlaceholder(),
        new FormDuplicate(),
        new FormSameContent(),

        // Money
        new FundsSum(),
        new FundsParentChildren(),
        new CostUnitTimesQuantity(),

        // Across years
        new TargetLowered(),
        new ProjectRenamed(),
    ];

    public static readonly IReadOnlyList<FormRule> FormRules = All.OfType<FormRule>().ToList();

    public static readonly IReadOnlyList<FormSetRule> SetRules = All.OfType<FormSetRule>().ToList();

    public static Rule? Find(string code) => All.FirstOrDefault(r => r.Code == code);
}
