using Jixiao.Domain.Model;

namespace Jixiao.Domain.Scoring;

/// <summary>What a policy detection rests on.</summary>
public enum PolicyEvidence
{
    /// <summary>The form's own budget-row score is reproduced by this policy and no other.</summary>
    BudgetScore,

    /// <summary>Other self-evaluations of the same unit and year decide it (the form alone cannot).</summary>
    Publisher,

    /// <summary>Nothing printed decides it; the policy of the form's year is assumed.</summary>
    Year,

    /// <summary>The caller named the policy.</summary>
    Forced,
}

public sealed record PolicyDetection(ScoringPolicy Policy, PolicyEvidence Evidence, string Reason)
{
    public static PolicyDetection Forced(ScoringPolicy policy) => new(policy, PolicyEvidence.Forced, $"指定口径 {policy.Name}");
}

/// <summary>
/// Decides which policy a published self-evaluation follows. The policies differ in how the budget row
/// is cut, so the evidence is which of them reproduces the printed 得分 from 全年执行数 / 全年预算数.
/// A rate of 100 % or a score that every policy reproduces decides nothing; then the publisher's other
/// forms of the year decide (a publisher follows one convention), and failing that the year.
/// </summary>
public static class PolicyDetector
{
    public static PolicyDetection Detect(PerformanceForm form, ScoringPolicy? forced = null)
    {
        if (forced is not null)
        {
            return PolicyDetection.Forced(forced);
        }

        var own = Decisive(form, ScoringPolicy.BuiltIn);
        return own is not null
            ? new PolicyDetection(own, PolicyEvidence.BudgetScore, $"只有 {own.Name} 能复现预算执行得分")
            : ByYear(form);
    }

    /// <summary>
    /// Detects the policy of each form, letting forms of the same unit and year decide for one another:
    /// the policy most of them reproduce applies to all of them, so that a single misprinted budget
    /// score is reported as a mismatch instead of being taken for another convention.
    /// </summary>
    /// <param name="forced">A policy named by the caller: it applies to every form and nothing is detected.</param>
    public static IReadOnlyList<PolicyDetection> DetectAll(IReadOnlyList<PerformanceForm> forms, ScoringPolicy? forced = null)
    {
        if (forced is not null)
        {
            return forms.Select(_ => PolicyDetection.Forced(forced)).ToList();
        }

        var decisive = forms.Select(f => f.Kind == FormKind.SelfEvaluation ? Decisive(f, ScoringPolicy.BuiltIn) : null).ToArray();
        var votes = new Dictionary<(string Unit, int? Year), Dictionary<ScoringPolicy, int>>();
        for (var i = 0; i < forms.Count; i++)
        {
            if (decisive[i] is { } p)
            {
                var tally = votes.TryGetValue(Publisher(forms[i]), out var t) ? t : votes[Publisher(forms[i])] = [];
                tally[p] = tally.GetValueOrDefault(p) + 1;
            }
        }

        var result = new PolicyDetection[forms.Count];
        for (var i = 0; i < forms.Count; i++)
        {
            if (votes.TryGetValue(Publisher(forms[i]), out var tally))
            {
                var (policy, count) = tally.MaxBy(kv => kv.Value);
                var total = tally.Values.Sum();
                result[i] = decisive[i] == policy && total == count
                    ? new PolicyDetection(policy, PolicyEvidence.BudgetScore, $"只有 {policy.Name} 能复现预算执行得分")
                    : new PolicyDetection(policy, PolicyEvidence.Publisher, $"同一单位同年 {total} 张自评表中 {count} 张的预算执行得分只能由 {policy.Name} 复现");
            }
            else
            {
                result[i] = ByYear(forms[i]);
            }
        }

        return result;
    }

    /// <summary>The only candidate that reproduces the printed budget score, or null when none or several do.</summary>
    public static ScoringPolicy? Decisive(PerformanceForm form, IReadOnlyList<ScoringPolicy> candidates)
    {
        if (form.Budget?.Total is not { Score: { } printed } row)
        {
            return null;
        }

        ScoringPolicy? found = null;
        foreach (var candidate in candidates)
        {
            var b = Scorer.ScoreBudget(row, candidate);
            if (b.IsScored && b.Score == printed)
            {
                if (found is not null)
                {
                    return null;
                }

                found = candidate;
            }
        }

        return found;
    }

    private static PolicyDetection ByYear(PerformanceForm form)
    {
        var policy = ScoringPolicy.ForYear(form.Year);
        var year = form.Year is { } y ? $"按年度（{y}）" : "年度不明，";
        return new PolicyDetection(policy, PolicyEvidence.Year, $"表中数字不能区分口径，{year}采用 {policy.Name}");
    }

    private static (string, int?) Publisher(PerformanceForm form) => (form.Unit, form.Year);
}
