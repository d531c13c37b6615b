using System.Text.RegularExpressions;
using Jixiao.Domain.Model;

namespace Jixiao.Formats.Disclosure;

/// <summary>Reads one form's block of lines: header, money, goal, indicator table, totals.</summary>
internal sealed partial class FormReader(DisclosureReader.FormBlock block, DiagnosticBag diagnostics, double nameColumnWidth)
{
    private readonly List<SourceLine> _lines = block.Lines;

    public PerformanceForm? Read()
    {
        var title = _lines[0];
        var year = FindYear();
        var nameAt = IndexOf(l => l.CompactStartsWith("项目名称"), 0);
        if (nameAt < 0)
        {
            diagnostics.Error(title.Number, DiagnosticCodes.FormTruncated, "表头后未找到“项目名称”，该表不完整，未读取。");
            return null;
        }

        var deptAt = IndexOf(l => l.CompactContains("主管部门"), nameAt);
        var (name, nature, category) = ReadNameLine(nameAt, deptAt < 0 ? nameAt + 1 : deptAt);
        if (name.Length == 0)
        {
            diagnostics.Error(_lines[nameAt].Number, DiagnosticCodes.FormTruncated, "项目名称为空，该表未读取。");
            return null;
        }

        var (department, unit) = deptAt < 0 ? ("", "") : ReadDepartment(_lines[deptAt]);
        if (deptAt < 0)
        {
            diagnostics.Warn(_lines[nameAt].Number, DiagnosticCodes.MissingField, $"表“{name}”缺少“主管部门/实施单位”。");
        }

        var form = new PerformanceForm
        {
            Kind = block.Kind,
            Year = year,
            Group = block.Group,
            Line = title.Number,
            Name = name,
            Nature = nature,
            Category = category,
            Department = department,
            Unit = unit,
        };

        var after = Math.Max(deptAt, nameAt) + 1;
        var goalAt = block.Kind == FormKind.Target
            ? IndexOf(l => l.CompactContains("年度总体目标"), after)
            : IndexOf(l => l.CompactContains("预期目标"), after);
        var headerAt = IndexOf(IsTableHeaderStart, goalAt < 0 ? after : goalAt + 1);
        var moneyEnd = goalAt >= 0 ? goalAt : headerAt >= 0 ? headerAt : _lines.Count;

        if (block.Kind == FormKind.Target)
        {
            var dates = ReadDates(after, moneyEnd);
            form = form with { StartDate = dates.Start, EndDate = dates.End, Funds = ReadFunds(after, moneyEnd) };
        }
        else
        {
            form = form with { Budget = ReadBudget(after, moneyEnd) };
        }

        if (goalAt < 0)
        {
            diagnostics.Warn(_lines[Math.Min(after, _lines.Count - 1)].Number, DiagnosticCodes.MissingField, $"表“{name}”缺少年度总体目标。");
        }

        var goalEnd = headerAt >= 0 ? headerAt : _lines.Count;
        var goalLines = goalAt < 0 ? [] : _lines.GetRange(goalAt + 1, Math.Max(0, goalEnd - goalAt - 1));
        if (block.Kind == FormKind.Target)
        {
            form = form with { Goal = GoalText.Join(goalLines) };
        }
        else
        {
            var (goal, outcome) = GoalText.SplitGoalAndOutcome(goalLines, year);
            form = form with { Goal = goal, Outcome = outcome };
        }

        if (headerAt < 0)
        {
            diagnostics.Error(title.Number, DiagnosticCodes.FormTruncated, $"表“{name}”没有指标表（一级指标/二级指标/三级指标），表不完整。");
            return form;
        }

        var tableStart = SkipTableHeader(headerAt);
        var table = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_lines)[tableStart..];
        var tabs = IsTabTable(table);
        var result = tabs
            ? new TabTableReader(block.Kind, diagnostics).Read(table)
            : new LineTableReader(block.Kind, diagnostics, nameColumnWidth, form.Goal).Read(table);

        var indicators = RepeatedBlocks.Remove(result.Indicators, diagnostics);
        form = form with
        {
            Indicators = indicators,
            TotalWeight = result.TotalWeight,
            TotalScore = result.TotalScore,
            Grade = result.Grade,
        };
        if (indicators.Count == 0)
        {
            diagnostics.Warn(title.Number, DiagnosticCodes.FormTruncated, $"表“{name}”未读到任何指标。");
        }

        if (block.Kind == FormKind.SelfEvaluation && result.TotalScore is null)
        {
            diagnostics.Warn(_lines[^1].Number, DiagnosticCodes.FormTruncated, $"自评表“{name}”缺少总分行，表可能被截断。");
        }

        return form;
    }

    /// <summary>A tab table: more than a third of the filled lines have two or more filled tab-separated cells.</summary>
    private static bool IsTabTable(ReadOnlySpan<SourceLine> table)
    {
        int tabbed = 0, filled = 0;
        foreach (var line in table)
        {
            if (!line.IsBlank)
            {
                filled++;
            }

            if (line.HasTabs && FilledCells(line.Cells) >= 2)
            {
                tabbed++;
            }
        }

        return tabbed > filled / 3;

        static int FilledCells(string[] cells)
        {
            var n = 0;
            foreach (var c in cells)
            {
                n += c.Length > 0 ? 1 : 0;
            }

            return n;
        }
    }

    private int? FindYear()
    {
        for (var i = 0; i < Math.Min(_lines.Count, 6); i++)
        {
            if (!_lines[i].Span.Contains("年度", StringComparison.Ordinal))
            {
                continue; // what the pattern needs: spare the regex the lines without it
            }

            var m = DisclosureReader.YearPattern.Match(_lines[i].Text);
            if (m.Success && int.TryParse(m.Groups[1].Value, out var y))
            {
                return y;
            }
        }

        return null;
    }

    private int IndexOf(Func<SourceLine, bool> predicate, int from)
    {
        for (var i = Math.Max(0, from); i < _lines.Count; i++)
        {
            if (predicate(_lines[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsTableHeaderStart(SourceLine line)
    {
        if (line.IsBlank || line.Span[0] != '一')
        {
            return false; // every header starts with 一; spare the compact text of the lines before it
        }

        var c = line.Compact;
        return c.StartsWith("一级指标", StringComparison.Ordinal) || c == "一级" || c.StartsWith("一级指标二级指标", StringComparison.Ordinal);
    }

    private int SkipTableHeader(int headerAt)
    {
        var i = headerAt;
        var third = IndexOf(l => l.CompactContains("三级指标"), headerAt);
        if (third >= 0 && third - headerAt <= 8)
        {
            i = third;
        }

        i++;
        while (i < _lines.Count && (_lines[i].IsBlank || _lines[i].Compact is "偏差原因分析" or "及改进措施" or "偏差原因分析及改进措施" or "（及改进措施）" or "(及改进措施)"))
        {
            i++;
        }

        return i;
    }

    private (string Name, string? Nature, string? Category) ReadNameLine(int from, int to)
    {
        var first = _lines[from];
        string rawName;
        string? nature = null;
        string? category = null;
        if (first.HasTabs)
        {
            var cells = first.Cells;
            rawName = CellAfter(cells, "项目名称") ?? "";
            nature = CellAfter(cells, "项目性质");
            category = CellAfter(cells, "项目类别");
        }
        else
        {
            var pieces = new List<string>();
            for (var i = from; i < Math.Max(to, from + 1) && i < _lines.Count; i++)
            {
                if (!_lines[i].IsBlank)
                {
                    pieces.Add(_lines[i].Text);
                }
            }

            if (pieces.Count > 1)
            {
                diagnostics.Info(first.Number, DiagnosticCodes.WrappedCell, "项目名称折行，已合并。");
            }

            var joined = string.Join("\n", pieces);
            var natureAt = joined.IndexOf("项目性质", StringComparison.Ordinal);
            var categoryAt = joined.IndexOf("项目类别", StringComparison.Ordinal);
            var nameEnd = natureAt >= 0 ? natureAt : categoryAt >= 0 ? categoryAt : joined.Length;
            rawName = joined[4..Math.Max(4, nameEnd)];
            if (natureAt >= 0)
            {
                var end = categoryAt > natureAt ? categoryAt : joined.Length;
                nature = Clean(joined[(natureAt + 4)..end]);
            }

            if (categoryAt >= 0)
            {
                category = Clean(joined[(categoryAt + 4)..]);
            }
        }

        var name = string.Concat(rawName.Split('\n').Select(p => p.Trim())).Trim();
        // The suffix pattern ends in a digit: spare the regex the names that do not.
        var suffix = name.Length > 0 && char.IsDigit(name[^1]) ? NameSuffixRegex().Match(name) : Match.Empty;
        if (suffix.Success)
        {
            diagnostics.Warn(first.Number, DiagnosticCodes.NameSuffix, $"项目名称“{name}”末尾的“{suffix.Value.Trim()}”是印刷标记，已去除。");
            name = name[..suffix.Index];
        }

        name = TextTools.StripMarkup(name).Trim();
        return (name, nature is { Length: > 0 } ? nature : null, category is { Length: > 0 } ? category : null);

        static string Clean(string s) => TextTools.RemoveWhitespace(s);
    }

    private static string? CellAfter(string[] cells, string key)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (TextTools.RemoveWhitespace(cells[i]) == key)
            {
                for (var j = i + 1; j < cells.Length; j++)
                {
                    if (cells[j].Length > 0)
                    {
                        return cells[j];
                    }
                }
            }
        }

        return null;
    }

    private static (string Department, string Unit) ReadDepartment(SourceLine line)
    {
        if (line.HasTabs)
        {
            return (CellAfter(line.Cells, "主管部门") ?? "", CellAfter(line.Cells, "实施单位") ?? "");
        }

        var m = DepartmentRegex().Match(line.Text);
        return m.Success ? (TextTools.RemoveWhitespace(m.Groups[1].Value), TextTools.RemoveWhitespace(m.Groups[2].Value)) : ("", "");
    }

    private (DateOnly? Start, DateOnly? End) ReadDates(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (_lines[i].CompactContains("计划开始日期") || _lines[i].CompactContains("计划完成日期"))
            {
                var c = _lines[i].Compact;
                var matches = DisclosureReader.DatePattern.Matches(_lines[i].Text);
                var start = matches.Count > 0 && c.Contains("计划开始日期", StringComparison.Ordinal) ? DisclosureReader.ParseDate(matches[0]) : null;
                var end = matches.Count > 0 ? DisclosureReader.ParseDate(matches[^1]) : null;
                return (start, matches.Count > 1 || !c.Contains("计划开始日期", StringComparison.Ordinal) ? end : null);
            }
        }

        return (null, null);
    }

    private Funds? ReadFunds(int from, int to)
    {
        decimal? total = null, current = null, carry = null, other = null;
        var any = false;
        for (var i = from; i < to; i++)
        {
            var line = _lines[i];
            var value = LastNumber(line);
            if (value is null)
            {
                continue;
            }

            var c = line.Compact;

            if (c.Contains("年度资金申请总额", StringComparison.Ordinal) || c.Contains("项目资金总额", StringComparison.Ordinal) && total is null)
            {
                total = value;
            }
            else if (c.Contains("当年财政拨款", StringComparison.Ordinal))
            {
                current = value;
            }
            else if (c.Contains("上年结转资金", StringComparison.Ordinal))
            {
                carry = value;
            }
            else if (c.Contains("其他资金", StringComparison.Ordinal))
            {
                other = value;
            }
            else
            {
                continue;
            }

            any = true;
        }

        return any ? new Funds(total, current, carry, other) : null;
    }

    /// <summary>The last token (between spaces and tabs, leading colons off) that is a number.</summary>
    private static decimal? LastNumber(SourceLine line)
    {
        var text = line.Span;
        var end = text.Length;
        while (end > 0)
        {
            if (text[end - 1] is ' ' or '\t')
            {
                end--;
                continue;
            }

            var start = text[..end].LastIndexOfAny(' ', '\t') + 1;
            var t = text[start..end].TrimStart(Colons);
            if (DisclosureReader.IsNumberToken(t))
            {
                return DisclosureReader.ParseNumber(t);
            }

            end = start;
        }

        return null;
    }

    private const string Colons = "：:";

    private Budget? ReadBudget(int from, int to)
    {
        BudgetRow? total = null, current = null, carry = null, other = null;
        for (var i = from; i < to; i++)
        {
            var line = _lines[i];
            string? key = line.CompactContains("年度资金总额") ? "total"
                : line.CompactContains("当年财政") ? "current"
                : line.CompactContains("上年结转资金") ? "carry"
                : line.CompactContains("其他资金") ? "other"
                : null;
            if (key is null)
            {
                continue;
            }

            // The label may wrap (其中：当年财政 / 拨款) with the numbers on a later line.
            var values = BudgetValues(_lines[i]);
            for (var j = i + 1; values.Count < 3 && j < to && j <= i + 4; j++)
            {
                var next = BudgetValues(_lines[j]);
                if (next.Count >= 3)
                {
                    values = next;
                    diagnostics.Info(_lines[i].Number, DiagnosticCodes.WrappedCell, "预算行标签折行，数字在后续行。");
                    break;
                }
            }

            if (values.Count < 3)
            {
                continue;
            }

            var row = ToBudgetRow(values, key == "total");
            switch (key)
            {
                case "total": total ??= row; break;
                case "current": current ??= row; break;
                case "carry": carry ??= row; break;
                default: other ??= row; break;
            }
        }

        return total is null && current is null ? null : new Budget(total, current, carry, other);
    }

    /// <summary>The numeric cells of a budget row: numbers and the "-" of empty cells.</summary>
    private static List<string> BudgetValues(SourceLine line)
    {
        var values = new List<string>();
        var text = line.Span;
        foreach (var range in text.SplitAny(' ', '\t'))
        {
            var t = text[range].TrimStart(Colons);
            if (text[range].Length > 0 && (t is "-" or "—" || DisclosureReader.IsNumberToken(t)))
            {
                values.Add(t.ToString());
            }
        }

        return values;
    }

    private static BudgetRow ToBudgetRow(List<string> v, bool isTotal)
    {
        decimal? At(int i) => i < v.Count && v[i] is not ("-" or "—") ? DisclosureReader.ParseNumber(v[i]) : null;

        // 年初预算数 全年预算数 全年执行数 分数 执行率(%) 得分
        return v.Count >= 6
            ? new BudgetRow(At(0), At(1), At(2), At(4), isTotal ? At(3) : null, isTotal ? At(5) : null)
            : new BudgetRow(At(0), At(1), At(2), At(3));
    }

    [GeneratedRegex(@"\s+\d$")]
    private static partial Regex NameSuffixRegex();

    [GeneratedRegex(@"主管部门\s*(.*?)\s*实施单位\s*(.*)$")]
    private static partial Regex DepartmentRegex();
}
