using Jixiao.Domain.Model;
using Jixiao.Domain.Values;

namespace Jixiao.Web.Drafts;

/// <summary>
/// The fields of a self-evaluation the editor posts: the money block (万元), the budget row's weight, the
/// year's outcome, and per declared indicator its actual value, weight, a score where it cannot be computed,
/// and the deviation analysis. The indicators themselves (names, targets) come from the approved declaration.
/// </summary>
public sealed class EvaluationInput
{
    public int Version { get; set; }
    public string? Outcome { get; set; }
    public BudgetInput Total { get; set; } = new();
    public BudgetInput CurrentYear { get; set; } = new();
    public BudgetInput CarryOver { get; set; } = new();
    public BudgetInput Other { get; set; } = new();
    public decimal? BudgetWeight { get; set; }
    public List<EvaluationRow> Rows { get; set; } = [];

    public static EvaluationInput From(Draft draft) => From(draft.Form, draft.Version);

    /// <summary>The editor's fields of <paramref name="f"/>, as if the editor had started from <paramref name="version"/>.</summary>
    public static EvaluationInput From(PerformanceForm f, int version)
    {
        return new EvaluationInput
        {
            Version = version,
            Outcome = f.Outcome,
            Total = BudgetInput.From(f.Budget?.Total),
            CurrentYear = BudgetInput.From(f.Budget?.CurrentYear),
            CarryOver = BudgetInput.From(f.Budget?.CarryOver),
            Other = BudgetInput.From(f.Budget?.Other),
            BudgetWeight = f.Budget?.Total?.Weight,
            Rows = [.. f.Indicators.Select(i => new EvaluationRow { Actual = i.Actual, Weight = i.Weight, Score = i.Score, Deviation = i.Deviation })],
        };
    }

    /// <summary>
    /// The form with these fields. A posted score is kept only as the stand-in for an indicator the rules
    /// cannot score (the service replaces every score it can compute); rows beyond the form's indicators are ignored.
    /// </summary>
    public PerformanceForm ApplyTo(PerformanceForm form)
    {
        var indicators = new Indicator[form.Indicators.Count];
        for (var i = 0; i < indicators.Length; i++)
        {
            var row = i < Rows.Count ? Rows[i] : new EvaluationRow();
            var actual = row.Actual?.Trim();
            indicators[i] = form.Indicators[i] with
            {
                Actual = string.IsNullOrEmpty(actual) ? null : actual,
                ActualValue = string.IsNullOrEmpty(actual) ? null : ValueGrammar.Parse(actual),
                Weight = row.Weight,
                Score = row.Score,
                Deviation = string.IsNullOrWhiteSpace(row.Deviation) ? null : row.Deviation.Trim(),
            };
        }

        return form with
        {
            Outcome = string.IsNullOrWhiteSpace(Outcome) ? null : Outcome.Trim(),
            Budget = new Budget(Total.ToRow(BudgetWeight), CurrentYear.ToRow(), CarryOver.ToRow(), Other.ToRow()),
            Indicators = indicators,
        };
    }
}

/// <summary>One row of the money block in 万元: 年初预算数, 全年预算数, 全年执行数.</summary>
public sealed class BudgetInput
{
    public decimal? Initial { get; set; }
    public decimal? Full { get; set; }
    public decimal? Executed { get; set; }

    public static BudgetInput From(BudgetRow? row) => new() { Initial = row?.Initial, Full = row?.Full, Executed = row?.Executed };

    /// <summary>The row; its rate (and for the total row its score) are computed by the scorer.</summary>
    public BudgetRow ToRow(decimal? weight = null) => new(Initial, Full, Executed, null, weight);
}

/// <summary>What the unit reports for one declared indicator.</summary>
public sealed class EvaluationRow
{
    public string? Actual { get; set; }
    public decimal? Weight { get; set; }
    public decimal? Score { get; set; }
    public string? Deviation { get; set; }
}
