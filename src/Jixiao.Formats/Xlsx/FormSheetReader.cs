using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Domain.Model;
using Jixiao.Domain.Reports;
using Jixiao.Domain.Values;

namespace Jixiao.Formats.Xlsx;

/// <summary>
/// Reads one worksheet into a form by its labels, not by fixed positions, so the official layout, the
/// template and a sheet someone rearranged all read: a header value stands right of its label; the
/// indicator table is the row holding 一级指标 and 三级指标 and the rows under it, up to 总分; 预期目标
/// and 实际完成情况 are read below their heads when both heads share a row. Every cell that cannot be
/// read is a diagnostic naming the cell (<c>Sheet1!D14: 指标值 "≥九十" 不是有效的值</c>); the form is
/// still read, with that value left as text or empty.
/// </summary>
internal sealed partial class FormSheetReader(SheetGrid grid, List<Diagnostic> diagnostics)
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];

    private readonly Dictionary<string, (int Row, int Column)> _labels = [];

    public static PerformanceForm? Read(SheetGrid grid, List<Diagnostic> diagnostics) => new FormSheetReader(grid, diagnostics).Read();

    private PerformanceForm? Read()
    {
        var cells = grid.Cells.ToList();
        var head = cells.GroupBy(c => c.Row)
            .Select(g => (Row: g.Key, Columns: g.GroupBy(c => SheetLabels.Canonical(c.Cell.Text)).ToDictionary(h => h.Key, h => h.First().Column)))
            .FirstOrDefault(r => r.Columns.ContainsKey(SheetLabels.Level1) && r.Columns.ContainsKey(SheetLabels.Level3));
        if (head.Columns is null)
        {
            Report(Severity.Info, 1, 1, XlsxMessages.NotAForm());
            return null;
        }

        var table = new Table(head.Row, head.Columns);
        var indicators = Indicators(table, out var end, out var totals);
        foreach (var (row, column, cell) in cells.Where(c => c.Row <= head.Row || c.Row >= end))
        {
            _labels.TryAdd(SheetLabels.Canonical(cell.Text), (row, column));
        }

        var name = Text(SheetLabels.Name);
        if (string.IsNullOrWhiteSpace(name))
        {
            var at = _labels.TryGetValue(SheetLabels.Name, out var label) ? label : (Row: 1, Column: 1);
            Report(Severity.Error, at.Row, at.Column, XlsxMessages.NoProjectName());
            return null;
        }

        var title = cells.FirstOrDefault(c => SheetLabels.Canonical(c.Cell.Text).StartsWith(SheetLabels.TitlePrefix, StringComparison.Ordinal));
        var typeText = Text(SheetLabels.FormType);
        var kind = FormKinds.FromLabel(typeText ?? title.Cell?.Text) ?? KindOfColumns(table);
        if (typeText is not null && FormKinds.FromLabel(typeText) is null)
        {
            var at = Right(SheetLabels.FormType) is { } cell ? (cell.Row, cell.Column) : (Row: 1, Column: 1);
            Report(Severity.Error, at.Row, at.Column, XlsxMessages.UnknownFormType(typeText));
            return null;
        }

        var (goal, outcome) = Goals();
        return new PerformanceForm
        {
            Kind = kind,
            Year = Year(cells),
            Group = Text(SheetLabels.Group) ?? (title is { Column: 1, Row: > 1 } ? grid.At(title.Row - 1, 1)?.Text : null),
            Line = title.Cell is null ? 0 : table.Line(this, title.Row),
            Name = name,
            Nature = Text(SheetLabels.Nature),
            Category = Text(SheetLabels.Category),
            Department = Text(SheetLabels.Department) ?? "",
            Unit = Text(SheetLabels.Unit) ?? "",
            StartDate = Date(SheetLabels.StartDate),
            EndDate = Date(SheetLabels.EndDate),
            Funds = kind == FormKind.Target ? Funds() : null,
            Budget = kind == FormKind.SelfEvaluation ? Budget(head.Row) : null,
            Goal = goal ?? "",
            Outcome = outcome,
            Indicators = indicators,
            TotalWeight = totals is { } t ? table.Number(this, t, SheetLabels.Weight) : null,
            TotalScore = totals is { } u ? table.Number(this, u, SheetLabels.Score) : null,
            Grade = Grade(),
        };
    }

    /// <summary>The indicator table's head row and where each head stands.</summary>
    private sealed record Table(int Row, Dictionary<string, int> Columns)
    {
        public string? Text(SheetGrid grid, int row, string label) =>
            Columns.TryGetValue(label, out var c) && grid.At(row, c)?.Text is { Length: > 0 } text ? text : null;

        public decimal? Number(FormSheetReader reader, int row, string label) =>
            Columns.TryGetValue(label, out var c) ? reader.Number(row, c, label) : null;

        public int Line(FormSheetReader reader, int row) => (int)(Number(reader, row, SheetLabels.LineNumber) ?? 0);
    }

    /// <summary>
    /// The rows under the head up to 总分 or 评分等级 (<paramref name="end"/>: that row, or past the last;
    /// <paramref name="totals"/>: the 总分 row, if there is one).
    /// </summary>
    private List<Indicator> Indicators(Table table, out int end, out int? totals)
    {
        var list = new List<Indicator>();
        totals = null;
        var columns = table.Columns.Values.Order().ToList();
        for (end = table.Row + 1; end <= grid.LastRow; end++)
        {
            var row = end;
            var first = columns.Select(c => grid.At(row, c)?.Text).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
            var label = SheetLabels.Canonical(first);
            if (label is SheetLabels.Total or SheetLabels.Grade)
            {
                totals = label == SheetLabels.Total ? row : null;
                break;
            }

            if (Row(table, row, list.LastOrDefault()) is { } indicator)
            {
                list.Add(indicator);
            }
        }

        return list;
    }

    private Indicator? Row(Table table, int row, Indicator? previous)
    {
        string? Cell(string label) => table.Text(grid, row, label);
        var name = Cell(SheetLabels.Level3);
        string?[] values = [Cell(SheetLabels.Target), Cell(SheetLabels.Actual), Cell(SheetLabels.Weight), Cell(SheetLabels.Score), Cell(SheetLabels.Deviation)];
        if (name is null)
        {
            if (values.Any(v => v is not null))
            {
                Report(Severity.Warning, row, table.Columns[SheetLabels.Level3], XlsxMessages.IndicatorWithoutName());
            }

            return null;
        }

        // A template filled by hand may give 一级/二级 only on a group's first row: blank means “as above”.
        var level2 = Cell(SheetLabels.Level2) ?? previous?.Level2 ?? "";
        var parent = IndicatorLevels.ParentOf(level2);
        var level1 = Cell(SheetLabels.Level1) ?? (previous is not null && (parent is null || parent == previous.Level1) ? previous.Level1 : parent ?? "");
        CheckLevel(row, table, SheetLabels.Level1, level1, IndicatorLevels.IsLevel1);
        CheckLevel(row, table, SheetLabels.Level2, level2, IndicatorLevels.IsLevel2);

        var target = Cell(SheetLabels.Target) ?? "";
        var actual = Cell(SheetLabels.Actual);
        return new Indicator(
            level1,
            level2,
            name,
            target,
            Value(row, table, SheetLabels.Target, "指标值", target),
            actual,
            actual is null ? null : Value(row, table, SheetLabels.Actual, SheetLabels.Actual, actual),
            table.Number(this, row, SheetLabels.Weight),
            table.Number(this, row, SheetLabels.Score),
            Cell(SheetLabels.Deviation),
            table.Line(this, row));
    }

    private IndicatorValue Value(int row, Table table, string label, string field, string text)
    {
        var value = ValueGrammar.Parse(text);
        var clean = ValueGrammar.Clean(text);
        if (!value.IsQuantity && clean.Length > 0 && ComparisonOperators.IsStart(clean[0]))
        {
            Report(Severity.Warning, row, table.Columns[label], XlsxMessages.InvalidValue(field, text));
        }

        return value;
    }

    private void CheckLevel(int row, Table table, string label, string text, Func<string, bool> known)
    {
        if (!known(text))
        {
            Report(Severity.Warning, row, table.Columns.GetValueOrDefault(label, 1), XlsxMessages.UnknownLevel(label, text));
        }
    }

    /// <summary>The kind when neither a 表类型 cell nor the title names it: a table with 实际完成值 or 得分 is a self-evaluation.</summary>
    private static FormKind KindOfColumns(Table table) =>
        table.Columns.ContainsKey(SheetLabels.Actual) || table.Columns.ContainsKey(SheetLabels.Score) ? FormKind.SelfEvaluation : FormKind.Target;

    private int? Year(List<(int Row, int Column, GridCell Cell)> cells)
    {
        foreach (var c in cells)
        {
            if (YearHeading().Match(SheetLabels.Canonical(c.Cell.Text)) is { Success: true } m)
            {
                return int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            }
        }

        if (Right(SheetLabels.Year) is not { Cell: { } cell } at)
        {
            return null;
        }

        if (int.TryParse(cell.Text.Trim().TrimEnd('年'), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 9999)
        {
            return year;
        }

        Report(Severity.Warning, at.Row, at.Column, XlsxMessages.InvalidYear(cell.Text));
        return null;
    }

    private Funds? Funds()
    {
        var values = FormParts.FundsRows.Select(r => Right(r.Label) is { } at ? Number(at.Row, at.Column, SheetLabels.Canonical(r.Label)) : null).ToArray();
        return values.All(v => v is null) ? null : new Funds(values[0], values[1], values[2], values[3]);
    }

    /// <summary>The money block: column heads in the row holding 年初预算数, rows by their labels below it.</summary>
    private Budget? Budget(int tableRow)
    {
        if (!_labels.TryGetValue(SheetLabels.Initial, out var head))
        {
            return null;
        }

        var columns = SheetLabels.BudgetColumns.Select(label => grid.Cells
            .Where(c => c.Row == head.Row && SheetLabels.Canonical(c.Cell.Text) == SheetLabels.Canonical(label))
            .Select(c => (int?)c.Column).FirstOrDefault()).ToArray();
        var rows = FormParts.BudgetRows.Select(r =>
        {
            var label = SheetLabels.Canonical(r.Label);
            var at = grid.Cells.FirstOrDefault(c => c.Row > head.Row && c.Row < tableRow && SheetLabels.Canonical(c.Cell.Text) == label);
            return at.Cell is null ? null : FormParts.BudgetRowOf(
                columns.Select((c, i) => c is { } column ? Number(at.Row, column, SheetLabels.BudgetColumns[i]) : null).ToArray());
        }).ToArray();
        return rows.All(r => r is null) ? null : new Budget(rows[0], rows[1], rows[2], rows[3]);
    }

    /// <summary>预期目标 and 实际完成情况: below their heads when the heads share a row (the official layout), else right of them.</summary>
    private (string? Goal, string? Outcome) Goals()
    {
        if (!_labels.TryGetValue(SheetLabels.Expected, out var expected))
        {
            return (Text(SheetLabels.GoalBlock), Text(SheetLabels.Outcome));
        }

        var outcome = _labels.TryGetValue(SheetLabels.Outcome, out var o) ? o : ((int Row, int Column)?)null;
        var heads = outcome?.Row == expected.Row;
        string? Read((int Row, int Column) at)
        {
            var (r, c) = heads ? grid.Below(at.Row, at.Column) : grid.RightOf(at.Row, at.Column);
            return NonEmpty(grid.At(r, c)?.Text);
        }

        return (Read(expected), outcome is { } oc ? Read(oc) : null);
    }

    private string? Grade()
    {
        if (Right(SheetLabels.Grade) is not { Cell: { } cell } at || NonEmpty(cell.Text) is not { } grade)
        {
            return null;
        }

        if (!DepartmentSummary.GradeLabels.Contains(grade))
        {
            Report(Severity.Warning, at.Row, at.Column, XlsxMessages.InvalidGrade(grade));
        }

        return grade;
    }

    private (int Row, int Column, GridCell? Cell)? Right(string label)
    {
        if (!_labels.TryGetValue(SheetLabels.Canonical(label), out var at))
        {
            return null;
        }

        var (row, column) = grid.RightOf(at.Row, at.Column);
        return (row, column, grid.At(row, column));
    }

    private string? Text(string label) => Right(label) is { Cell: { } cell } ? NonEmpty(cell.Text) : null;

    private DateOnly? Date(string label)
    {
        if (Right(label) is not { Cell: { } cell } at || NonEmpty(cell.Text) is not { } text)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (cell.Number is { } serial && serial is >= 1 and < 2958466)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate((double)serial));
        }

        Report(Severity.Warning, at.Row, at.Column, XlsxMessages.InvalidDate(label, text));
        return null;
    }

    /// <summary>A number cell: a number, or text such as <c>4,855,541.00</c>; <c>-</c> and blank are empty.</summary>
    private decimal? Number(int row, int column, string field)
    {
        var cell = grid.At(row, column);
        if (GridCell.TryAmount(cell, percent: false, out var amount))
        {
            return amount;
        }

        var text = cell!.Text.Trim();
        Report(Severity.Warning, row, column, XlsxMessages.InvalidNumber(field, text));
        return null;
    }

    private void Report(Severity severity, int row, int column, (string Code, string Text) message) =>
        diagnostics.Add(new Diagnostic(severity, row, message.Code, $"{grid.Reference(row, column)}: {message.Text}"));

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    [GeneratedRegex(@"^\((\d{4})年度\)$")]
    private static partial Regex YearHeading();
}
