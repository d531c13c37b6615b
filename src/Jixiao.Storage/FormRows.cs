using Jixiao.Domain.Model;
using Jixiao.Domain.Values;
using Jixiao.Storage.Entities;

namespace Jixiao.Storage;

/// <summary>Maps a <see cref="PerformanceForm"/> to its rows and back, losslessly for what the schema holds.</summary>
internal static class FormRows
{
    public static StoredForm Form(PerformanceForm f, long id, long versionId, long projectYearId, int ordinal) => new()
    {
        Id = id,
        DocumentVersionId = versionId,
        ProjectYearId = projectYearId,
        Ordinal = ordinal,
        Kind = f.Kind,
        Year = f.Year,
        GroupName = f.Group,
        Line = f.Line,
        Name = f.Name,
        Nature = f.Nature,
        Category = f.Category,
        Department = f.Department,
        Unit = f.Unit,
        StartDate = f.StartDate,
        EndDate = f.EndDate,
        FundsAnnualTotal = f.Funds?.AnnualTotal,
        FundsCurrentYear = f.Funds?.CurrentYear,
        FundsCarryOver = f.Funds?.CarryOver,
        FundsOther = f.Funds?.Other,
        Goal = f.Goal,
        Outcome = f.Outcome,
        TotalWeight = f.TotalWeight,
        TotalScore = f.TotalScore,
        Grade = f.Grade,
    };

    public static StoredIndicator Indicator(Indicator i, long formId, int ordinal) => new()
    {
        FormId = formId,
        Ordinal = ordinal,
        Level1 = i.Level1,
        Level2 = i.Level2,
        Name = i.Name,
        Target = i.Target,
        TargetOp = i.TargetValue.Op?.Symbol(),
        TargetNumber = i.TargetValue.Number,
        TargetUnit = i.TargetValue.Unit,
        TargetText = i.TargetValue.Text,
        Actual = i.Actual,
        ActualOp = i.ActualValue?.Op?.Symbol(),
        ActualNumber = i.ActualValue?.Number,
        ActualUnit = i.ActualValue?.Unit,
        ActualText = i.ActualValue?.Text,
        Weight = i.Weight,
        Score = i.Score,
        Deviation = i.Deviation,
        Line = i.Line,
    };

    public static IEnumerable<StoredBudgetRow> BudgetRows(Budget? budget, long formId)
    {
        if (budget is null)
        {
            yield break;
        }

        (string Kind, BudgetRow? Row)[] rows =
            [(StoredBudgetRow.Total, budget.Total), (StoredBudgetRow.CurrentYear, budget.CurrentYear), (StoredBudgetRow.CarryOver, budget.CarryOver), (StoredBudgetRow.Other, budget.Other)];
        foreach (var (kind, row) in rows)
        {
            if (row is not null)
            {
                yield return new StoredBudgetRow
                {
                    FormId = formId,
                    RowKind = kind,
                    InitialAmount = row.Initial,
                    FullAmount = row.Full,
                    ExecutedAmount = row.Executed,
                    Rate = row.Rate,
                    Weight = row.Weight,
                    Score = row.Score,
                };
            }
        }
    }

    public static PerformanceForm ToDomain(StoredForm f, IEnumerable<StoredIndicator> indicators, IReadOnlyCollection<StoredBudgetRow> budget) => new()
    {
        Kind = f.Kind,
        Year = f.Year,
        Group = f.GroupName,
        Line = f.Line,
        Name = f.Name,
        Nature = f.Nature,
        Category = f.Category,
        Department = f.Department,
        Unit = f.Unit,
        StartDate = f.StartDate,
        EndDate = f.EndDate,
        Funds = f.FundsAnnualTotal is null && f.FundsCurrentYear is null && f.FundsCarryOver is null && f.FundsOther is null
            ? null
            : new Funds(f.FundsAnnualTotal, f.FundsCurrentYear, f.FundsCarryOver, f.FundsOther),
        Budget = budget.Count == 0
            ? null
            : new Budget(Row(budget, StoredBudgetRow.Total), Row(budget, StoredBudgetRow.CurrentYear), Row(budget, StoredBudgetRow.CarryOver), Row(budget, StoredBudgetRow.Other)),
        Goal = f.Goal,
        Outcome = f.Outcome,
        Indicators = [.. indicators.OrderBy(i => i.Ordinal).Select(ToDomain)],
        TotalWeight = f.TotalWeight,
        TotalScore = f.TotalScore,
        Grade = f.Grade,
    };

    private static Indicator ToDomain(StoredIndicator i) => new(
        i.Level1,
        i.Level2,
        i.Name,
        i.Target,
        Value(i.TargetOp, i.TargetNumber, i.TargetUnit, i.TargetText) ?? IndicatorValue.Empty,
        i.Actual,
        Value(i.ActualOp, i.ActualNumber, i.ActualUnit, i.ActualText) ?? (i.Actual is null ? null : IndicatorValue.Empty),
        i.Weight,
        i.Score,
        i.Deviation,
        i.Line);

    private static IndicatorValue? Value(string? op, decimal? number, string? unit, string? text) =>
        op is null && number is null && unit is null && text is null ? null : new IndicatorValue(ComparisonSymbols.FromSymbol(op), number, unit, text);

    private static BudgetRow? Row(IEnumerable<StoredBudgetRow> rows, string kind) =>
        rows.FirstOrDefault(r => r.RowKind == kind) is { } r ? new BudgetRow(r.InitialAmount, r.FullAmount, r.ExecutedAmount, r.Rate, r.Weight, r.Score) : null;
}
