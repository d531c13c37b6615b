using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Domain.Model;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Values;

namespace Jixiao.Formats.Xlsx;

/// <summary>
/// Reads one worksheet into a monitoring form by its labels, as <see cref="FormSheetReader"/> does for the
/// other forms: the official 执行监控表 (causes as ticks under 经费保障 … 其他, a second head row), the
/// template (causes named in one cell) and a sheet someone rearranged all read, for any period (1–6月,
/// 1–7月 …). What cannot be used is an <see cref="InputProblem"/> naming the JSON field, its message the cell
/// (<c>监控!F9: 执行数 "三十" 不是有效的数字</c>): monitoring input is strict, as in <see cref="Json.MonitoringJson"/>.
/// </summary>
internal sealed partial class MonitoringSheetReader(SheetGrid grid, List<InputProblem> problems)
{
    /// <summary>Marks that leave a cause box unticked; any other mark ticks it.</summary>
    private static readonly HashSet<string> Unticked = ["□", "☐", "否", "0", "-", "—", "×", "✗", "N", "n"];

    private readonly Dictionary<string, (int Row, int Column)> _labels = [];
    private string _prefix = "";

    /// <summary>A sheet whose title or 表类型 names the 执行监控表, or whose indicator table has 全年预计完成值.</summary>
    public static bool IsMonitoring(SheetGrid grid) =>
        grid.Cells.Any(c => MonitoringLabels.Key(c.Cell.Text) is var key && (key.Contains(MonitoringLabels.TitleKey, StringComparison.Ordinal) || key == MonitoringLabels.Forecast));

    /// <summary>The form on <paramref name="grid"/> (problems prefixed with <paramref name="prefix"/>), or null when it has no indicator table or name.</summary>
    public static MonitoringForm? Read(SheetGrid grid, List<InputProblem> problems, string prefix) =>
        new MonitoringSheetReader(grid, problems) { _prefix = prefix }.Read();

    private MonitoringForm? Read()
    {
        var cells = grid.Cells.ToList();
        var headRow = cells.GroupBy(c => c.Row)
            .Where(g => g.Any(c => MonitoringLabels.Key(c.Cell.Text) == SheetLabels.Level1) && g.Any(c => MonitoringLabels.Key(c.Cell.Text) == SheetLabels.Level3))
            .Select(g => (int?)g.Key).FirstOrDefault();
        foreach (var (row, column, cell) in cells.Where(c => headRow is null || c.Row < headRow))
        {
            _labels.TryAdd(MonitoringLabels.Key(cell.Text), (row, column));
        }

        var name = Text(SheetLabels.Name);
        if (name is null)
        {
            Problem("name", _labels.GetValueOrDefault(SheetLabels.Name, (1, 1)), "缺少项目名称");
            return null;
        }

        var through = Through(cells);
        var (goal, progress) = Goals();
        return new MonitoringForm
        {
            Year = Year(cells),
            Through = through ?? 0,
            Name = name,
            Department = Text(SheetLabels.Department) ?? "",
            Unit = Text(SheetLabels.Unit) ?? "",
            DepartmentCode = Text(MonitoringLabels.DepartmentCode),
            BasedOn = Text(MonitoringLabels.BasedOn) is { } basis ? new MonitoringBasis(basis, WholeNumber(MonitoringLabels.BasedOnYear, "basedOn.year")) : null,
            Budget = Budget(headRow ?? grid.LastRow + 1),
            Goal = goal ?? "",
            GoalProgress = progress,
            Indicators = headRow is { } head ? Indicators(head) : [],
            Line = WholeNumber(SheetLabels.LineNumber, "line") ?? 0,
        };
    }

    /// <summary>截至月份: its own cell (the template), else the period printed in a head (<c>1–7月执行数</c>) or the subtitle.</summary>
    private int? Through(List<(int Row, int Column, GridCell Cell)> cells)
    {
        if (_labels.ContainsKey(MonitoringLabels.Through))
        {
            return WholeNumber(MonitoringLabels.Through, "through");
        }

        foreach (var c in cells)
        {
            if (MonitoringLabels.MonthOf(c.Cell.Text) is { } month)
            {
                return month;
            }

            if (Subtitle().Match(SheetLabels.Canonical(c.Cell.Text)) is { Success: true, Groups: [_, _, { Success: true } m] })
            {
                return int.Parse(m.ValueSpan, CultureInfo.InvariantCulture);
            }
        }

        Problem("through", (1, 1), "缺少截至月份（如 1–7月）");
        return null;
    }

    private int? Year(List<(int Row, int Column, GridCell Cell)> cells)
    {
        if (_labels.ContainsKey(SheetLabels.Year))
        {
            return WholeNumber(SheetLabels.Year, "year");
        }

        return cells.Select(c => Subtitle().Match(SheetLabels.Canonical(c.Cell.Text)))
            .Where(m => m.Success).Select(m => (int?)int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture)).FirstOrDefault();
    }

    /// <summary>The money block: heads in the row holding 年初预算数, rows by their labels between it and the indicator table.</summary>
    private MonitoringBudget Budget(int tableRow)
    {
        if (!_labels.TryGetValue(MonitoringLabels.Initial, out var head))
        {
            return new MonitoringBudget(null);
        }

        var columns = grid.Cells.Where(c => c.Row == head.Row)
            .GroupBy(c => MonitoringLabels.Key(c.Cell.Text)).ToDictionary(g => g.Key, g => g.First().Column);
        var cause = columns.FirstOrDefault(c => c.Key.Contains("原因", StringComparison.Ordinal)).Value;
        var rows = MonitoringLabels.BudgetRows.Select(r =>
        {
            var label = SheetLabels.Canonical(r.Label);
            var at = grid.Cells.FirstOrDefault(c => c.Row > head.Row && c.Row < tableRow && MonitoringLabels.Key(c.Cell.Text) == label);
            if (at.Cell is null)
            {
                return null;
            }

            var v = MonitoringLabels.BudgetColumns
                .Select(b => columns.TryGetValue(b.Label, out var column) ? Amount(at.Row, column, $"budget.{r.Field}.{b.Field}", b.Label) : null)
                .ToArray();
            var text = cause > 0 ? NonEmpty(grid.At(at.Row, cause)?.Text) : null;
            return v.All(x => x is null) && text is null ? null : new MonitoringBudgetRow(v[0], v[1], v[2], v[3], v[4], text);
        }).ToArray();
        return new MonitoringBudget(rows[0], rows[1], rows[2]);
    }

    /// <summary>全年预期目标 and 目标实际完成情况: below their heads when the heads share a row (the official layout), else right of them.</summary>
    private (string? Goal, string? Progress) Goals()
    {
        var goal = _labels.TryGetValue(MonitoringLabels.Goal, out var g) ? g : ((int Row, int Column)?)null;
        var progress = _labels.TryGetValue(MonitoringLabels.Progress, out var p) ? p : ((int Row, int Column)?)null;
        var heads = goal is { } a && progress is { } b && a.Row == b.Row;
        string? Read((int Row, int Column)? at)
        {
            if (at is not { } cell)
            {
                return null;
            }

            var (r, c) = heads ? grid.Below(cell.Row, cell.Column) : grid.RightOf(cell.Row, cell.Column);
            return NonEmpty(grid.At(r, c)?.Text);
        }

        return (Read(goal) ?? Text(MonitoringLabels.GoalBlock), Read(progress));
    }

    private List<MonitoringIndicator> Indicators(int head)
    {
        var columns = grid.Cells.Where(c => c.Row == head)
            .GroupBy(c => MonitoringLabels.Key(c.Cell.Text)).ToDictionary(g => g.Key, g => g.First().Column);

        // The official form heads the cause boxes on a second row (经费保障 … 其他) that has no 三级指标;
        // the template names the causes in one cell of each indicator's row.
        var labels = Enum.GetValues<DeviationCause>().Select(c => c.Label()).ToHashSet();
        var second = grid.Cells.Where(c => c.Row == head + 1).ToList();
        var subHead = second.Any(c => labels.Contains(MonitoringLabels.Key(c.Cell.Text)))
            && !(columns.TryGetValue(SheetLabels.Level3, out var nameColumn) && second.Any(c => c.Column == nameColumn));
        if (subHead)
        {
            foreach (var (_, column, cell) in second)
            {
                columns.TryAdd(MonitoringLabels.Key(cell.Text), column);
            }
        }

        var boxes = subHead
            ? Enum.GetValues<DeviationCause>().Select(c => (Cause: c, Column: columns.GetValueOrDefault(c.Label()))).Where(b => b.Column > 0).ToList()
            : [];
        var first = subHead ? head + 2 : head + 1;
        var list = new List<MonitoringIndicator>();
        string? Cell(int row, string label) => columns.TryGetValue(label, out var c) ? NonEmpty(grid.At(row, c)?.Text) : null;
        for (var row = first; row <= grid.LastRow; row++)
        {
            var k = list.Count;
            var name = Cell(row, SheetLabels.Level3);
            if (name is null)
            {
                continue;
            }

            var previous = list.LastOrDefault();
            var target = Cell(row, SheetLabels.Target) ?? "";
            list.Add(new MonitoringIndicator
            {
                Level1 = Cell(row, SheetLabels.Level1) ?? previous?.Level1 ?? "",
                Level2 = Cell(row, SheetLabels.Level2) ?? previous?.Level2 ?? "",
                Name = name,
                Target = target,
                TargetValue = ValueGrammar.Parse(target),
                Actual = Cell(row, MonitoringLabels.Actual),
                Forecast = Cell(row, MonitoringLabels.Forecast),
                Causes = boxes.Count > 0
                    ? [.. boxes.Where(b => NonEmpty(grid.At(row, b.Column)?.Text) is { } mark && !Unticked.Contains(mark.Trim())).Select(b => b.Cause)]
                    : Causes(row, columns.GetValueOrDefault(MonitoringLabels.Causes), $"indicators[{k}].causes"),
                CauseText = Cell(row, MonitoringLabels.CauseText),
                Likelihood = Likelihood(row, columns.GetValueOrDefault(MonitoringLabels.Likelihood), $"indicators[{k}].likelihood"),
                Note = Cell(row, MonitoringLabels.Note),
                Line = columns.TryGetValue(SheetLabels.LineNumber, out var l) && grid.At(row, l)?.Text is { } line
                    && int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0,
            });
        }

        return list;
    }

    /// <summary>Causes named in one cell, by label (经费保障) or code (funding), separated by 、 , ； or spaces.</summary>
    private List<DeviationCause> Causes(int row, int column, string field)
    {
        var causes = new List<DeviationCause>();
        if (column == 0 || NonEmpty(grid.At(row, column)?.Text) is not { } text)
        {
            return causes;
        }

        foreach (var word in text.Split(['、', ',', '，', ';', '；', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var cause = Enum.GetValues<DeviationCause>().Where(c => c.Label() == word).Select(c => (DeviationCause?)c).FirstOrDefault()
                ?? MonitoringWords.CauseFromCode(word);
            if (cause is { } c)
            {
                causes.Add(c);
            }
            else
            {
                Problem(field, (row, column), $"偏差原因 \"{word}\" 不是 {string.Join("、", Enum.GetValues<DeviationCause>().Select(x => x.Label()))} 之一");
            }
        }

        return causes;
    }

    private Likelihood? Likelihood(int row, int column, string field)
    {
        if (column == 0 || NonEmpty(grid.At(row, column)?.Text) is not { } text)
        {
            return null;
        }

        var word = text.Trim();
        var likelihood = Enum.GetValues<Likelihood>().Where(l => l.Label() == word).Select(l => (Likelihood?)l).FirstOrDefault()
            ?? MonitoringWords.LikelihoodFromCode(word);
        if (likelihood is null)
        {
            Problem(field, (row, column), $"完成目标可能性 \"{word}\" 不是 {string.Join("、", Enum.GetValues<Likelihood>().Select(x => x.Label()))} 之一");
        }

        return likelihood;
    }

    /// <summary>An amount: a number cell, or text such as <c>1,085.40</c>; blank, <c>-</c> and <c>/</c> are empty.</summary>
    private decimal? Amount(int row, int column, string field, string label)
    {
        var cell = grid.At(row, column);
        if (GridCell.TryAmount(cell, percent: true, out var amount))
        {
            return amount;
        }

        var text = cell!.Text.Trim();
        Problem(field, (row, column), $"{label} \"{text}\" 不是有效的数字");
        return null;
    }

    /// <summary>A whole number right of its label (年度, 截至月份, the hidden 行号).</summary>
    private int? WholeNumber(string label, string field)
    {
        if (!_labels.TryGetValue(label, out var at))
        {
            return null;
        }

        var (row, column) = grid.RightOf(at.Row, at.Column);
        var text = NonEmpty(grid.At(row, column)?.Text)?.Trim().TrimEnd('年', '月');
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        Problem(field, (row, column), $"{label} \"{text}\" 不是整数");
        return null;
    }

    private string? Text(string label)
    {
        if (!_labels.TryGetValue(label, out var at))
        {
            return null;
        }

        var (row, column) = grid.RightOf(at.Row, at.Column);
        return NonEmpty(grid.At(row, column)?.Text);
    }

    private void Problem(string field, (int Row, int Column) at, string message) =>
        problems.Add(new InputProblem(_prefix + field, $"{grid.Reference(at.Row, at.Column)}: {message}"));

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>（2024年度 1–7月）: the year, and the last month when printed.</summary>
    [GeneratedRegex(@"^\((\d{4})年度?(?:1[-–—~～至](\d{1,2})月)?\)$")]
    private static partial Regex Subtitle();
}
