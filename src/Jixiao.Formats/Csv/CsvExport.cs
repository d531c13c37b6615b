using System.Globalization;
using System.Text;
using CsvHelper;
using Jixiao.Domain.Model;
using Jixiao.Domain.Reports;
using Jixiao.Domain.Values;
using Jixiao.Formats.Xlsx;

namespace Jixiao.Formats.Csv;

/// <summary>
/// Flat CSV tables of what was read, for spreadsheets and databases: forms (one row each, keyed),
/// indicators (with their form's key), the published scores of the self-evaluations and, on request,
/// each unit's 汇总表. Heads are the form labels; numbers keep their printed decimals; files are UTF-8
/// with a byte-order mark so Excel opens the Chinese correctly.
/// </summary>
public static class CsvExport
{
    public const string FormsFile = "forms.csv";
    public const string IndicatorsFile = "indicators.csv";
    public const string ScoresFile = "scores.csv";
    public const string UnitsFile = "units.csv";

    private sealed record Column<T>(string Head, Func<T, object?> Value);

    private sealed record KeyedForm(string Key, string Source, PerformanceForm Form);

    private sealed record KeyedIndicator(string Key, int Index, Indicator Indicator);

    private sealed record UnitLine(UnitSummary Unit, UnitSummaryRow Row);

    private static readonly Column<KeyedForm>[] FormColumns =
    [
        new("表键", f => f.Key),
        new("来源", f => f.Source),
        new("起始行", f => f.Form.Line),
        new(SheetLabels.FormType, f => SheetLabels.KindName(f.Form.Kind)),
        new(SheetLabels.Year, f => f.Form.Year),
        new(SheetLabels.Group, f => f.Form.Group),
        new(SheetLabels.Name, f => f.Form.Name),
        new(SheetLabels.Nature, f => f.Form.Nature),
        new(SheetLabels.Category, f => f.Form.Category),
        new(SheetLabels.Department, f => f.Form.Department),
        new(SheetLabels.Unit, f => f.Form.Unit),
        new(SheetLabels.StartDate, f => FormParts.DateText(f.Form.StartDate)),
        new(SheetLabels.EndDate, f => FormParts.DateText(f.Form.EndDate)),
        new("年度资金申请总额（元）", f => f.Form.Funds?.AnnualTotal),
        new("当年财政拨款（元）", f => f.Form.Funds?.CurrentYear),
        new("上年结转资金（元）", f => f.Form.Funds?.CarryOver),
        new("其他资金（元）", f => f.Form.Funds?.Other),
        new("年初预算数（万元）", f => f.Form.Budget?.Total?.Initial),
        new("全年预算数（万元）", f => f.Form.Budget?.Total?.Full),
        new("全年执行数（万元）", f => f.Form.Budget?.Total?.Executed),
        new(SheetLabels.Rate, f => f.Form.Budget?.Total?.Rate),
        new(SheetLabels.GoalBlock, f => f.Form.Goal),
        new(SheetLabels.Outcome, f => f.Form.Outcome),
        new("指标数", f => f.Form.Indicators.Count),
        new("总分值", f => f.Form.TotalWeight),
        new("总得分", f => f.Form.TotalScore),
        new(SheetLabels.Grade, f => f.Form.Grade),
    ];

    private static readonly Column<KeyedIndicator>[] IndicatorColumns =
    [
        new("表键", i => i.Key),
        new("序号", i => i.Index),
        new(SheetLabels.Level1, i => i.Indicator.Level1),
        new(SheetLabels.Level2, i => i.Indicator.Level2),
        new(SheetLabels.Level3, i => i.Indicator.Name),
        new(SheetLabels.Target, i => i.Indicator.Target),
        new("指标值运算符", i => i.Indicator.TargetValue.Op?.Symbol()),
        new("指标值数值", i => i.Indicator.TargetValue.Number),
        new("指标值单位", i => i.Indicator.TargetValue.Unit),
        new(SheetLabels.Actual, i => i.Indicator.Actual),
        new("实际完成数值", i => i.Indicator.ActualValue?.Number),
        new("实际完成单位", i => i.Indicator.ActualValue?.Unit),
        new(SheetLabels.Weight, i => i.Indicator.Weight),
        new(SheetLabels.Score, i => i.Indicator.Score),
        new(SheetLabels.Deviation, i => i.Indicator.Deviation),
        new(SheetLabels.LineNumber, i => i.Indicator.Line),
    ];

    private static readonly Column<KeyedForm>[] ScoreColumns =
    [
        new("表键", f => f.Key),
        new(SheetLabels.Year, f => f.Form.Year),
        new(SheetLabels.Department, f => f.Form.Department),
        new(SheetLabels.Unit, f => f.Form.Unit),
        new(SheetLabels.Name, f => f.Form.Name),
        new("预算执行率(%)", f => f.Form.Budget?.Total?.Rate),
        new("预算分数", f => f.Form.Budget?.Total?.Weight),
        new("预算得分", f => f.Form.Budget?.Total?.Score),
        new("指标分值合计", f => Sum(f.Form.Indicators, i => i.Weight)),
        new("指标得分合计", f => Sum(f.Form.Indicators, i => i.Score)),
        new("总分值", f => f.Form.TotalWeight),
        new("总得分", f => f.Form.TotalScore),
        new(SheetLabels.Grade, f => f.Form.Grade),
    ];

    private static readonly Column<UnitLine>[] UnitColumns =
    [
        new(SheetLabels.Unit, u => u.Unit.Unit),
        new(SheetLabels.Year, u => u.Unit.Year),
        new("序号", u => u.Row.Index),
        new(SheetLabels.Name, u => u.Row.Name),
        new(SheetLabels.FormType, u => SheetLabels.KindName(u.Row.Kind)),
        new("年度资金申请总额（元）", u => u.Row.AnnualTotal),
        new("全年预算数（万元）", u => u.Row.BudgetFull),
        new("全年执行数（万元）", u => u.Row.BudgetExecuted),
        new(SheetLabels.Rate, u => u.Row.ExecutionRate),
        .. IndicatorLevels.Level1.Select(l => new Column<UnitLine>(l, u => u.Row.IndicatorsByLevel1[l])),
        new("指标合计", u => u.Row.Indicators),
        new(SheetLabels.Total, u => u.Row.TotalScore),
        new(SheetLabels.Grade, u => u.Row.Grade),
    ];

    /// <summary>The key that ties an indicator row to its form: the source file and the form's 1-based position in it.</summary>
    public static string FormKey(DisclosureDocument document, int index) => $"{document.Source}#{index + 1}";

    public static void WriteForms(TextWriter output, IEnumerable<DisclosureDocument> documents) => Write(output, Forms(documents), FormColumns);

    public static void WriteIndicators(TextWriter output, IEnumerable<DisclosureDocument> documents) =>
        Write(output, Forms(documents).SelectMany(f => f.Form.Indicators.Select((i, n) => new KeyedIndicator(f.Key, n + 1, i))), IndicatorColumns);

    /// <summary>One row per self-evaluation with its published scores.</summary>
    public static void WriteScores(TextWriter output, IEnumerable<DisclosureDocument> documents) =>
        Write(output, Forms(documents).Where(f => f.Form.Kind == FormKind.SelfEvaluation), ScoreColumns);

    /// <summary>The 汇总表 of every unit and year, one row per form.</summary>
    public static void WriteUnits(TextWriter output, IEnumerable<DisclosureDocument> documents) =>
        Write(output, UnitSummary.Of(documents.SelectMany(d => d.Forms)).SelectMany(u => u.Rows.Select(r => new UnitLine(u, r))), UnitColumns);

    /// <summary>Writes forms.csv, indicators.csv, scores.csv (and units.csv with <paramref name="units"/>) into a folder; returns their paths.</summary>
    public static IReadOnlyList<string> WriteFolder(string folder, IReadOnlyList<DisclosureDocument> documents, bool units = false)
    {
        Directory.CreateDirectory(folder);
        var files = new List<(string Name, Action<TextWriter, IEnumerable<DisclosureDocument>> Write)>
        {
            (FormsFile, WriteForms),
            (IndicatorsFile, WriteIndicators),
            (ScoresFile, WriteScores),
        };
        if (units)
        {
            files.Add((UnitsFile, WriteUnits));
        }

        return files.Select(f =>
        {
            var path = Path.Combine(folder, f.Name);
            using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            f.Write(writer, documents);
            return path;
        }).ToList();
    }

    private static IEnumerable<KeyedForm> Forms(IEnumerable<DisclosureDocument> documents) =>
        documents.SelectMany(d => d.Forms.Select((f, i) => new KeyedForm(FormKey(d, i), d.Source, f)));

    private static decimal? Sum(IReadOnlyList<Indicator> indicators, Func<Indicator, decimal?> value) =>
        indicators.Any(i => value(i) is not null) ? indicators.Sum(i => value(i) ?? 0m) : null;

    private static void Write<T>(TextWriter output, IEnumerable<T> rows, Column<T>[] columns)
    {
        using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var column in columns)
        {
            csv.WriteField(column.Head);
        }

        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var column in columns)
            {
                csv.WriteField(Convert.ToString(column.Value(row), CultureInfo.InvariantCulture) ?? "");
            }

            csv.NextRecord();
        }
    }
}
