using Jixiao.Domain.Model;
using Jixiao.Domain.Reports;

namespace Jixiao.Formats.Xlsx;

/// <summary>A unit's 汇总表: one line per form with its money, indicators per 一级 and score, and a 合计 line.</summary>
internal static class SummarySheet
{
    private sealed record Column(string Label, double Width, Func<UnitSummaryRow, object?> Value, Func<UnitSummary, object?>? Total = null);

    private static readonly Column[] Columns =
    [
        new("序号", 6, r => r.Index),
        new("项目名称", 30, r => r.Name),
        new("表类型", 11, r => SheetLabels.KindName(r.Kind)),
        new("年度资金申请总额（元）", 16, r => r.AnnualTotal, u => u.AnnualTotal),
        new("全年预算数（万元）", 12, r => r.BudgetFull, u => u.BudgetFull),
        new("全年执行数（万元）", 12, r => r.BudgetExecuted, u => u.BudgetExecuted),
        new(SheetLabels.Rate, 9, r => r.ExecutionRate),
        .. IndicatorLevels.Level1.Select(l => new Column(l, 8, r => r.IndicatorsByLevel1[l], u => u.IndicatorsOf(l))),
        new("指标合计", 8, r => r.Indicators, u => u.Indicators),
        new(SheetLabels.Total, 9, r => r.TotalScore),
        new(SheetLabels.Grade, 8, r => r.Grade),
    ];

    public static SheetBuilder Build(UnitSummary summary, string sheetName)
    {
        var s = new SheetBuilder(sheetName, Columns.Select(c => c.Width).ToArray()) { Landscape = true };
        s.Put(1, 1, summary.Title, Look.Title, Columns.Length);
        s.SetHeight(1, 30);
        for (var c = 0; c < Columns.Length; c++)
        {
            s.Put(2, c + 1, Columns[c].Label, Look.Label);
        }

        var row = 3;
        foreach (var line in summary.Rows)
        {
            for (var c = 0; c < Columns.Length; c++)
            {
                var value = Columns[c].Value(line);
                s.Put(row, c + 1, value, c == 0 ? Look.Centered : Look.Of(value));
            }

            row++;
        }

        s.Put(row, 1, "合计", Look.Label, 3);
        for (var c = 3; c < Columns.Length; c++)
        {
            var total = Columns[c].Total?.Invoke(summary);
            s.Put(row, c + 1, total, Look.Of(total));
        }

        return s;
    }
}
