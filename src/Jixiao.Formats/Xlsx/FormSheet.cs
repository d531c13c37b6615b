using Jixiao.Domain.Model;

namespace Jixiao.Formats.Xlsx;

/// <summary>
/// A form laid out like the official print: title, （2024年度）, the header block, the money block, the
/// 年度总体目标, the indicator table with merged 一级/二级 cells and, for a self-evaluation, 总分 and
/// 评分等级. Eight printed columns (A–H); column I, hidden and outside the print area, keeps the source
/// line of the form (on the title row) and of each indicator, so a round trip loses nothing.
/// </summary>
internal static class FormSheet
{
    private const int Width = 8;
    private const int LineColumn = 9;
    private static readonly double[] Widths = [10, 12, 24, 14, 14, 8, 8, 20, 8];

    public static SheetBuilder Build(PerformanceForm form, string sheetName)
    {
        var s = new SheetBuilder(sheetName, Widths) { PrintColumns = Width, HiddenColumns = new HashSet<int> { LineColumn } };
        var row = 1;
        if (!string.IsNullOrEmpty(form.Group))
        {
            s.Put(row++, 1, form.Group, Look.Heading, Width);
        }

        s.Put(row, 1, SheetLabels.TitleOf(form.Kind), Look.Title, Width);
        s.Put(row, LineColumn, LineText(form.Line), Look.Hidden);
        s.SetHeight(row++, 30);
        s.Put(row++, 1, $"（{form.Year}年度）", Look.Subtitle, Width);
        row = Header(s, row, form);
        row = form.Kind == FormKind.Target ? Funds(s, row, form.Funds) : Budget(s, row, form.Budget);
        row = Goal(s, row, form);
        row = Indicators(s, row, form);
        if (form.Kind == FormKind.SelfEvaluation)
        {
            s.Put(row, 1, SheetLabels.Total, Look.Label, 5);
            s.Put(row, 6, form.TotalWeight, Look.Number(form.TotalWeight));
            s.Put(row, 7, form.TotalScore, Look.Number(form.TotalScore));
            s.Put(row++, 8, null, Look.Text);
            s.Put(row, 1, SheetLabels.Grade, Look.Label, 5);
            s.Put(row, 6, form.Grade, Look.Centered, 3);
        }

        return s;
    }

    private static int Header(SheetBuilder s, int row, PerformanceForm f)
    {
        var target = f.Kind == FormKind.Target;
        FormParts.Field(s, row++, 1, SheetLabels.Name, f.Name, Width - 1);
        if (target || f.Nature is not null || f.Category is not null)
        {
            Pair(s, row++, SheetLabels.Nature, f.Nature, SheetLabels.Category, f.Category);
        }

        Pair(s, row++, SheetLabels.Department, f.Department, SheetLabels.Unit, f.Unit);
        if (target || f.StartDate is not null || f.EndDate is not null)
        {
            Pair(s, row++, SheetLabels.StartDate, FormParts.DateText(f.StartDate), SheetLabels.EndDate, FormParts.DateText(f.EndDate));
        }

        return row;
    }

    private static void Pair(SheetBuilder s, int row, string label1, string? value1, string label2, string? value2)
    {
        FormParts.Field(s, row, 1, label1, value1, 3);
        FormParts.Field(s, row, 5, label2, value2, 3);
    }

    private static int Funds(SheetBuilder s, int row, Funds? funds)
    {
        s.Put(row, 1, SheetLabels.FundsBlock, Look.Label, rows: FormParts.FundsRows.Length);
        foreach (var (label, value) in FormParts.FundsRows)
        {
            s.Put(row, 2, label, Look.Label, 3);
            s.Put(row++, 5, value(funds), Look.Number(value(funds)), 4);
        }

        return row;
    }

    private static int Budget(SheetBuilder s, int row, Budget? budget)
    {
        s.Put(row, 1, SheetLabels.BudgetBlock, Look.Label, rows: FormParts.BudgetRows.Length + 1);
        s.Put(row, 2, null, Look.Label);
        return FormParts.Budget(s, row, 2, budget, dashes: true);
    }

    private static int Goal(SheetBuilder s, int row, PerformanceForm f)
    {
        if (f.Kind == FormKind.Target)
        {
            FormParts.Field(s, row, 1, SheetLabels.GoalBlock, f.Goal, Width - 1);
            return row + 1;
        }

        s.Put(row, 1, SheetLabels.GoalBlock, Look.Label, rows: 2);
        s.Put(row, 2, SheetLabels.Expected, Look.Label, 3);
        s.Put(row, 5, SheetLabels.Outcome, Look.Label, 4);
        s.Put(row + 1, 2, f.Goal, Look.Text, 3);
        s.Put(row + 1, 5, f.Outcome, Look.Text, 4);
        return row + 2;
    }

    private static int Indicators(SheetBuilder s, int row, PerformanceForm f)
    {
        var columns = f.Kind == FormKind.Target ? FormParts.TargetColumns : FormParts.SelfEvaluationColumns;
        foreach (var c in columns)
        {
            s.Put(row, c.Column, c.Label, Look.Label, c.Span);
        }

        s.Put(row++, LineColumn, SheetLabels.LineNumber, Look.Hidden);
        var list = f.Indicators;
        for (var i = 0; i < list.Count; i++)
        {
            foreach (var c in columns)
            {
                var value = c.Value(list[i]);
                if (!c.Merged)
                {
                    s.Put(row + i, c.Column, value, Look.Of(value), c.Span);
                }
                else if (RunLength(list, i, columns, c) is var run and > 0)
                {
                    s.Put(row + i, c.Column, value, Look.Centered, c.Span, run);
                }
            }

            s.Put(row + i, LineColumn, LineText(list[i].Line), Look.Hidden);
        }

        return row + list.Count;
    }

    /// <summary>
    /// Line numbers are stored as text: LibreOffice prints a number too wide for a hidden (zero-width)
    /// column as “###” in the PDF, even outside the print area; text it clips.
    /// </summary>
    private static string LineText(int line) => line.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>How many rows the merged cell starting at <paramref name="i"/> spans; a 二级 never spans two 一级. Zero inside a run.</summary>
    private static int RunLength(IReadOnlyList<Indicator> list, int i, IndicatorColumn[] columns, IndicatorColumn column)
    {
        var keyColumns = columns.Where(c => c.Merged && c.Column <= column.Column).ToList();
        return MergedRuns.Length(list, i, x => string.Join('\u0001', keyColumns.Select(c => c.Value(x))));
    }
}
