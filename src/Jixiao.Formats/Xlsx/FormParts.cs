using Jixiao.Domain.Model;

namespace Jixiao.Formats.Xlsx;

/// <summary>One column of the indicator table: its head, where it stands, how wide, and what it shows.</summary>
/// <param name="Merged">一级/二级: equal neighbours are merged into one cell in the official layout.</param>
internal sealed record IndicatorColumn(string Label, int Column, int Span, Func<Indicator, object?> Value, bool Merged = false);

/// <summary>The pieces both form layouts print: the indicator columns and the money rows.</summary>
internal static class FormParts
{
    /// <summary>The self-evaluation's eight columns; the template uses them for both kinds of form.</summary>
    public static readonly IndicatorColumn[] SelfEvaluationColumns =
    [
        new(SheetLabels.Level1, 1, 1, i => i.Level1, Merged: true),
        new(SheetLabels.Level2, 2, 1, i => i.Level2, Merged: true),
        new(SheetLabels.Level3, 3, 1, i => i.Name),
        new(SheetLabels.Target, 4, 1, i => i.Target),
        new(SheetLabels.Actual, 5, 1, i => i.Actual),
        new(SheetLabels.Weight, 6, 1, i => i.Weight),
        new(SheetLabels.Score, 7, 1, i => i.Score),
        new(SheetLabels.Deviation, 8, 1, i => i.Deviation),
    ];

    /// <summary>The target declaration's four columns, widened over the same eight-column grid.</summary>
    public static readonly IndicatorColumn[] TargetColumns =
    [
        SelfEvaluationColumns[0],
        SelfEvaluationColumns[1],
        new(SheetLabels.Level3, 3, 2, i => i.Name),
        new(SheetLabels.ProjectTarget, 5, 4, i => i.Target),
    ];

    /// <summary>项目资金 of a target declaration, in print order.</summary>
    public static readonly (string Label, Func<Funds?, decimal?> Value)[] FundsRows =
    [
        (SheetLabels.AnnualTotal, f => f?.AnnualTotal),
        (SheetLabels.CurrentYear, f => f?.CurrentYear),
        (SheetLabels.CarryOver, f => f?.CarryOver),
        (SheetLabels.Other, f => f?.Other),
    ];

    /// <summary>The rows of a self-evaluation's money block, in print order.</summary>
    public static readonly (string Label, Func<Budget?, BudgetRow?> Row)[] BudgetRows =
    [
        (SheetLabels.BudgetTotal, b => b?.Total),
        (SheetLabels.CurrentYear, b => b?.CurrentYear),
        (SheetLabels.CarryOver, b => b?.CarryOver),
        (SheetLabels.Other, b => b?.Other),
    ];

    /// <summary>A budget row's values in the order of <see cref="SheetLabels.BudgetColumns"/>.</summary>
    public static decimal?[] BudgetValues(BudgetRow? r) => [r?.Initial, r?.Full, r?.Executed, r?.Weight, r?.Rate, r?.Score];

    /// <summary>The inverse of <see cref="BudgetValues"/>; null when every value is empty.</summary>
    public static BudgetRow? BudgetRowOf(decimal?[] v) =>
        v.All(x => x is null) ? null : new BudgetRow(v[0], v[1], v[2], v[4], v[3], v[5]);

    /// <summary>
    /// Writes a self-evaluation's money block: column heads in <paramref name="row"/> right of
    /// <paramref name="labelColumn"/>, then one labelled row per <see cref="BudgetRows"/>. Returns the next row.
    /// </summary>
    public static int Budget(SheetBuilder s, int row, int labelColumn, Budget? budget, bool dashes)
    {
        for (var i = 0; i < SheetLabels.BudgetColumns.Length; i++)
        {
            s.Put(row, labelColumn + 1 + i, SheetLabels.BudgetColumns[i], Look.Label);
        }

        for (var r = 0; r < BudgetRows.Length; r++)
        {
            var values = BudgetValues(BudgetRows[r].Row(budget));
            s.Put(row + 1 + r, labelColumn, BudgetRows[r].Label, Look.Label);
            for (var i = 0; i < values.Length; i++)
            {
                // The parts of the total are not scored: the official form prints “-” under 分数 and 得分.
                var dash = dashes && r > 0 && values[i] is null && SheetLabels.BudgetColumns[i] is SheetLabels.BudgetWeight or SheetLabels.BudgetScore;
                s.Put(row + 1 + r, labelColumn + 1 + i, dash ? "-" : values[i], dash ? Look.Centered : Look.Number(values[i]));
            }
        }

        return row + 1 + BudgetRows.Length;
    }

    /// <summary>A label cell and its value cell spanning <paramref name="span"/> columns.</summary>
    public static void Field(SheetBuilder s, int row, int column, string label, object? value, int span)
    {
        s.Put(row, column, label, Look.Label);
        s.Put(row, column + 1, value, Look.Of(value), span);
    }

    public static string? DateText(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
