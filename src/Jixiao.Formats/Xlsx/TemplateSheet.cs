using Jixiao.Domain.Model;

namespace Jixiao.Formats.Xlsx;

/// <summary>
/// The simple template the system offers for entering a form by hand: key–value rows (表类型, 年度,
/// 项目名称 …, the money, the goals), then one row per indicator under the eight heads 一级指标 …
/// 偏差原因分析, then 总分 and 评分等级. Nothing merged inside the table, so it is easy to fill in.
/// </summary>
internal static class TemplateSheet
{
    private const int ValueSpan = 7;
    private static readonly double[] Widths = [14, 14, 26, 16, 16, 8, 8, 24];

    public static SheetBuilder Build(FormKind kind, PerformanceForm? f, string sheetName)
    {
        var s = new SheetBuilder(sheetName, Widths);
        var row = 1;
        void Field(string label, object? value) => FormParts.Field(s, row++, 1, label, value, ValueSpan);

        Field(SheetLabels.FormType, SheetLabels.TitleOf(kind));
        Field(SheetLabels.Group, f?.Group);
        Field(SheetLabels.Year, f?.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field(SheetLabels.Name, f?.Name);
        Field(SheetLabels.Nature, f?.Nature);
        Field(SheetLabels.Category, f?.Category);
        Field(SheetLabels.Department, f?.Department);
        Field(SheetLabels.Unit, f?.Unit);
        Field(SheetLabels.StartDate, FormParts.DateText(f?.StartDate));
        Field(SheetLabels.EndDate, FormParts.DateText(f?.EndDate));
        if (kind == FormKind.Target)
        {
            foreach (var (label, value) in FormParts.FundsRows)
            {
                Field(label, value(f?.Funds));
            }

            Field(SheetLabels.GoalBlock, f?.Goal);
        }
        else
        {
            s.Put(row, 1, SheetLabels.BudgetBlock, Look.Label);
            row = FormParts.Budget(s, row, 1, f?.Budget, dashes: false);
            Field(SheetLabels.Expected, f?.Goal);
            Field(SheetLabels.Outcome, f?.Outcome);
        }

        row++;
        foreach (var c in FormParts.SelfEvaluationColumns)
        {
            s.Put(row, c.Column, c.Label, Look.Label);
        }

        foreach (var indicator in f?.Indicators ?? [])
        {
            row++;
            foreach (var c in FormParts.SelfEvaluationColumns)
            {
                s.Put(row, c.Column, c.Value(indicator), Look.Of(c.Value(indicator)));
            }
        }

        if (kind == FormKind.SelfEvaluation)
        {
            row++;
            s.Put(row, 1, SheetLabels.Total, Look.Label);
            s.Put(row, 6, f?.TotalWeight, Look.Number(f?.TotalWeight));
            s.Put(row++, 7, f?.TotalScore, Look.Number(f?.TotalScore));
            Field(SheetLabels.Grade, f?.Grade);
        }

        return s;
    }
}
