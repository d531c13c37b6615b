using System.Globalization;
using Jixiao.Domain.Monitoring;

namespace Jixiao.Formats.Xlsx;

/// <summary>
/// A monitoring form laid out like the 项目支出绩效目标执行监控表 of the national template (A4 landscape):
/// title, （2024年度 1–7月）, 项目名称, 主管部门 and 实施单位, the money block (年初预算数, 调整后预算数,
/// 1–7月执行数, 执行率, 全年预计执行数, 偏差原因分析及改进措施), 年度总体目标 (全年预期目标 beside 1–7月目标实际完成情况),
/// then the indicator table with merged 一级/二级 cells, a ✓ under each 偏差原因 ticked, 完成目标可能性 and 备注.
/// Columns O–P, hidden and outside the print area, keep what the official form has no place for (the
/// source line, the target declaration it follows), so a round trip loses nothing.
/// </summary>
internal static class MonitoringSheet
{
    /// <summary>The mark printed under a ticked cause (the reader takes any mark but □, 否, 0 or -).</summary>
    public const string Tick = "✓";

    private const int Width = 14;
    private const int CauseColumn = 7;
    private const int HiddenLabel = 15;
    private const int HiddenValue = 16;
    private static readonly double[] Widths = [9, 10, 20, 12, 12, 12, 6, 6, 6, 7, 6, 22, 10, 10, 14, 24];

    public static SheetBuilder Build(MonitoringForm form, string sheetName)
    {
        var s = new SheetBuilder(sheetName, Widths) { PrintColumns = Width, HiddenColumns = new HashSet<int> { HiddenLabel, HiddenValue }, Landscape = true };
        var row = 1;
        s.Put(row, 1, MonitoringLabels.Title, Look.Title, Width);
        s.Put(row, HiddenLabel, SheetLabels.LineNumber, Look.Hidden);
        s.Put(row, HiddenValue, Text(form.Line), Look.Hidden);
        s.SetHeight(row++, 30);
        s.Put(row, 1, $"（{form.Year}年度 {form.Period}）", Look.Subtitle, Width);
        if (form.BasedOn is { } basis)
        {
            s.Put(row, HiddenLabel, MonitoringLabels.BasedOn, Look.Hidden);
            s.Put(row, HiddenValue, basis.Name, Look.Hidden);
            s.Put(row + 1, HiddenLabel, MonitoringLabels.BasedOnYear, Look.Hidden);
            s.Put(row + 1, HiddenValue, basis.Year is { } y ? Text(y) : null, Look.Hidden);
        }

        row++;
        FormParts.Field(s, row++, 1, SheetLabels.Name, form.Name, Width - 1);
        FormParts.Field(s, row, 1, SheetLabels.Department, form.Department, 5);
        s.Put(row, CauseColumn, SheetLabels.Unit, Look.Label, 5);
        s.Put(row++, CauseColumn + 5, form.Unit, Look.Text, 3);
        if (form.DepartmentCode is not null)
        {
            FormParts.Field(s, row++, 1, MonitoringLabels.DepartmentCode, form.DepartmentCode, Width - 1);
        }

        row = Budget(s, row, form);
        row = Goal(s, row, form);
        Indicators(s, row, form);
        return s;
    }

    /// <summary>The money block: the heads, then 年度资金总额, 其中：财政拨款, 其他资金 (万元).</summary>
    private static int Budget(SheetBuilder s, int row, MonitoringForm form)
    {
        int[] columns = [4, 5, 6, CauseColumn, CauseColumn + 2];
        int[] spans = [1, 1, 1, 2, 3];
        s.Put(row, 1, MonitoringLabels.BudgetBlock, Look.Label, 2, MonitoringLabels.BudgetRows.Length + 1);
        s.Put(row, 3, null, Look.Label);
        for (var i = 0; i < columns.Length; i++)
        {
            var label = MonitoringLabels.BudgetColumns[i].Label;
            s.Put(row, columns[i], label is MonitoringLabels.Executed or MonitoringLabels.Rate ? MonitoringLabels.OfPeriod(form.Through, label) : label, Look.Label, spans[i]);
        }

        s.Put(row, CauseColumn + 5, MonitoringLabels.BudgetCause, Look.Label, 3);
        MonitoringBudgetRow?[] rows = [form.Budget.Total, form.Budget.CurrentYear, form.Budget.Other];
        for (var r = 0; r < rows.Length; r++)
        {
            var line = row + 1 + r;
            decimal?[] values = [rows[r]?.Initial, rows[r]?.Full, rows[r]?.Executed, rows[r]?.Rate, rows[r]?.Forecast];
            s.Put(line, 3, MonitoringLabels.BudgetRows[r].Label, Look.Label);
            for (var i = 0; i < columns.Length; i++)
            {
                s.Put(line, columns[i], values[i], Look.Number(values[i]), spans[i]);
            }

            s.Put(line, CauseColumn + 5, rows[r]?.CauseText, Look.Text, 3);
        }

        return row + 1 + rows.Length;
    }

    private static int Goal(SheetBuilder s, int row, MonitoringForm form)
    {
        s.Put(row, 1, MonitoringLabels.GoalBlock, Look.Label, 2, 2);
        s.Put(row, 3, MonitoringLabels.Goal, Look.Label, 4);
        s.Put(row, CauseColumn, MonitoringLabels.OfPeriod(form.Through, MonitoringLabels.Progress), Look.Label, Width - CauseColumn + 1);
        s.Put(row + 1, 3, form.Goal, Look.Text, 4);
        s.Put(row + 1, CauseColumn, form.GoalProgress, Look.Text, Width - CauseColumn + 1);
        return row + 2;
    }

    private static void Indicators(SheetBuilder s, int row, MonitoringForm form)
    {
        string[] heads = [SheetLabels.Level1, SheetLabels.Level2, SheetLabels.Level3, SheetLabels.Target, MonitoringLabels.OfPeriod(form.Through, MonitoringLabels.Actual), MonitoringLabels.Forecast];
        for (var c = 0; c < heads.Length; c++)
        {
            s.Put(row, c + 1, heads[c], Look.Label, 1, 2);
        }

        s.Put(row, CauseColumn, MonitoringLabels.Causes, Look.Label, 6);
        var causes = Enum.GetValues<DeviationCause>();
        for (var c = 0; c < causes.Length; c++)
        {
            s.Put(row + 1, CauseColumn + c, causes[c].Label(), Look.Label);
        }

        s.Put(row + 1, CauseColumn + 5, MonitoringLabels.CauseText, Look.Label);
        s.Put(row, CauseColumn + 6, MonitoringLabels.Likelihood, Look.Label, 1, 2);
        s.Put(row, CauseColumn + 7, MonitoringLabels.Note, Look.Label, 1, 2);
        s.Put(row, HiddenLabel, SheetLabels.LineNumber, Look.Hidden);
        row += 2;
        var list = form.Indicators;
        for (var i = 0; i < list.Count; i++)
        {
            var indicator = list[i];
            if (MergedRuns.Length(list, i, x => x.Level1) is var run1 and > 0)
            {
                s.Put(row + i, 1, indicator.Level1, Look.Centered, 1, run1);
            }

            if (MergedRuns.Length(list, i, x => x.Level1 + '\u0001' + x.Level2) is var run2 and > 0)
            {
                s.Put(row + i, 2, indicator.Level2, Look.Centered, 1, run2);
            }

            s.Put(row + i, 3, indicator.Name, Look.Text);
            s.Put(row + i, 4, indicator.Target, Look.Text);
            s.Put(row + i, 5, indicator.Actual, Look.Text);
            s.Put(row + i, 6, indicator.Forecast, Look.Text);
            for (var c = 0; c < causes.Length; c++)
            {
                s.Put(row + i, CauseColumn + c, indicator.Causes.Contains(causes[c]) ? Tick : null, Look.Centered);
            }

            s.Put(row + i, CauseColumn + 5, indicator.CauseText, Look.Text);
            s.Put(row + i, CauseColumn + 6, indicator.Likelihood?.Label(), Look.Centered);
            s.Put(row + i, CauseColumn + 7, indicator.Note, Look.Text);
            s.Put(row + i, HiddenLabel, Text(indicator.Line), Look.Hidden);
        }
    }

    /// <summary>Whole numbers in hidden cells are stored as text (see <see cref="FormSheet"/>: LibreOffice prints “###” otherwise).</summary>
    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The monitoring import template: key–value rows (表类型, 年度, 截至月份, 项目名称 …), the money rows under
/// their heads, the two goals, then one row per indicator with its causes named in one cell
/// (<c>经费保障、人员保障</c>). Nothing merged, so it is easy to fill in.
/// </summary>
internal static class MonitoringTemplateSheet
{
    private const int ValueSpan = 9;
    private static readonly double[] Widths = [14, 14, 24, 14, 14, 14, 20, 24, 12, 12];

    public static SheetBuilder Build(MonitoringForm? f, string sheetName)
    {
        var s = new SheetBuilder(sheetName, Widths);
        var row = 1;
        void Field(string label, object? value) => FormParts.Field(s, row++, 1, label, value, ValueSpan);
        string? Number(int? n) => n?.ToString(CultureInfo.InvariantCulture);

        Field(SheetLabels.FormType, MonitoringLabels.Title);
        Field(SheetLabels.Year, Number(f?.Year));
        Field(MonitoringLabels.Through, Number(f?.Through));
        Field(SheetLabels.Name, f?.Name);
        Field(SheetLabels.Department, f?.Department);
        Field(MonitoringLabels.DepartmentCode, f?.DepartmentCode);
        Field(SheetLabels.Unit, f?.Unit);
        Field(MonitoringLabels.BasedOn, f?.BasedOn?.Name);
        Field(MonitoringLabels.BasedOnYear, Number(f?.BasedOn?.Year));

        s.Put(row, 1, MonitoringLabels.BudgetBlock, Look.Label);
        for (var i = 0; i < MonitoringLabels.BudgetColumns.Length; i++)
        {
            s.Put(row, 2 + i, MonitoringLabels.BudgetColumns[i].Label, Look.Label);
        }

        s.Put(row++, 7, MonitoringLabels.BudgetCause, Look.Label);
        MonitoringBudgetRow?[] rows = [f?.Budget.Total, f?.Budget.CurrentYear, f?.Budget.Other];
        for (var r = 0; r < rows.Length; r++, row++)
        {
            decimal?[] values = [rows[r]?.Initial, rows[r]?.Full, rows[r]?.Executed, rows[r]?.Rate, rows[r]?.Forecast];
            s.Put(row, 1, MonitoringLabels.BudgetRows[r].Label, Look.Label);
            for (var i = 0; i < values.Length; i++)
            {
                s.Put(row, 2 + i, values[i], Look.Number(values[i]));
            }

            s.Put(row, 7, rows[r]?.CauseText, Look.Text);
        }

        Field(MonitoringLabels.Goal, f?.Goal);
        Field(MonitoringLabels.Progress, f?.GoalProgress);
        row++;
        string[] heads =
        [
            SheetLabels.Level1, SheetLabels.Level2, SheetLabels.Level3, SheetLabels.Target, MonitoringLabels.Actual, MonitoringLabels.Forecast,
            MonitoringLabels.Causes, MonitoringLabels.CauseText, MonitoringLabels.Likelihood, MonitoringLabels.Note,
        ];
        for (var c = 0; c < heads.Length; c++)
        {
            s.Put(row, c + 1, heads[c], Look.Label);
        }

        foreach (var i in f?.Indicators ?? [])
        {
            row++;
            object?[] values =
            [
                i.Level1, i.Level2, i.Name, i.Target, i.Actual, i.Forecast,
                i.Causes.Count == 0 ? null : string.Join('、', i.Causes.Select(c => c.Label())), i.CauseText, i.Likelihood?.Label(), i.Note,
            ];
            for (var c = 0; c < values.Length; c++)
            {
                s.Put(row, c + 1, values[c], Look.Text);
            }
        }

        return s;
    }
}

/// <summary>Runs of equal neighbours that the official layouts print as one merged cell (一级/二级 指标).</summary>
internal static class MergedRuns
{
    /// <summary>
    /// How many rows the merged cell starting at <paramref name="i"/> spans: the run of rows with the same
    /// <paramref name="key"/> (a key that includes the columns to the left keeps a 二级 inside its 一级). Zero inside a run.
    /// </summary>
    public static int Length<T>(IReadOnlyList<T> list, int i, Func<T, string> key)
    {
        if (i > 0 && key(list[i]) == key(list[i - 1]))
        {
            return 0;
        }

        var end = i + 1;
        while (end < list.Count && key(list[end]) == key(list[i]))
        {
            end++;
        }

        return end - i;
    }
}
