using Jixiao.Domain.Model;
using Jixiao.Domain.Values;

namespace Jixiao.Formats.Disclosure;

/// <summary>What a table reader found: the rows and, for self-evaluations, the totals.</summary>
internal sealed record TableResult(List<Indicator> Indicators, decimal? TotalWeight, decimal? TotalScore, string? Grade);

/// <summary>
/// Reads an indicator table printed as tab-separated rows whose columns shift from row to row (seed 001).
/// Labels are recognised by what they say, not where they stand.
/// </summary>
internal sealed class TabTableReader(FormKind kind, DiagnosticBag diagnostics)
{
    private sealed record Row(Indicator Indicator, bool HadLabels, int NameColumn, bool BlankAfter);

    public TableResult Read(ReadOnlySpan<SourceLine> lines)
    {
        var labels = new LabelTracker(diagnostics);
        var rows = new List<Row>();
        decimal? totalWeight = null, totalScore = null;
        string? grade = null;
        var found = new List<(string Label, int Line)>();
        var content = new List<(string Text, int Column)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (TableTotals.Skip(line, diagnostics))
            {
                continue;
            }

            if (TableTotals.TryRead(line, ref totalWeight, ref totalScore, ref grade))
            {
                continue;
            }

            var cells = line.Cells;
            found.Clear();
            var c = 0;
            for (; c < cells.Length; c++)
            {
                var cell = TextTools.RemoveWhitespace(cells[c]);
                if (cell.Length == 0 || cell is "绩效指标" or "绩效" or "指标" or "项目绩效目标")
                {
                    continue;
                }

                if (IndicatorLevels.IsLabel(cell))
                {
                    found.Add((cell, line.Number));
                    continue;
                }

                break;
            }

            content.Clear();
            for (; c < cells.Length; c++)
            {
                if (cells[c].Length > 0)
                {
                    content.Add((cells[c], c));
                }
            }

            if (content.Count == 0)
            {
                if (found.Count > 0)
                {
                    labels.Apply(found, line.Number);
                }

                continue;
            }

            labels.Apply(found, line.Number);
            if (labels.Level1.Length == 0 && labels.Level2.Length == 0)
            {
                diagnostics.Warn(line.Number, DiagnosticCodes.OrphanText, $"指标表中无法归类的文字“{Shorten(line.Text)}”，已忽略。");
                continue;
            }

            var indicator = BuildRow(content, line.Number, labels);
            var blankAfter = i + 1 < lines.Length && lines[i + 1].IsBlank;
            rows.Add(new Row(indicator, found.Count > 0, content[0].Column, blankAfter));
        }

        labels.Finish(lines.Length > 0 ? lines[^1].Number : 0);
        return new TableResult(AttachLabelsPrintedAfterRows(rows), totalWeight, totalScore, grade);
    }

    private Indicator BuildRow(List<(string Text, int Column)> content, int line, LabelTracker labels)
    {
        var name = TextTools.StripMarkup(content[0].Text).Trim();
        var target = content.Count > 1 ? ValueGrammar.Clean(content[1].Text) : "";
        if (content.Count == 1)
        {
            diagnostics.Warn(line, DiagnosticCodes.TargetMissing, $"指标“{name}”没有指标值。");
        }

        if (kind == FormKind.SelfEvaluation && content.Count >= 5)
        {
            var actual = ValueGrammar.Clean(content[2].Text);
            return new Indicator(labels.Level1, labels.Level2, name, target, ValueGrammar.Parse(target), actual, ValueGrammar.Parse(actual),
                DisclosureReader.ParseNumber(content[3].Text), DisclosureReader.ParseNumber(content[4].Text),
                content.Count > 5 ? string.Concat(content.Skip(5).Select(x => x.Text)) : null, line);
        }

        return new Indicator(labels.Level1, labels.Level2, name, target, ValueGrammar.Parse(target), Line: line);
    }

    /// <summary>
    /// A merged label cell is printed at its vertical middle, so the first row of a group can come out
    /// before its labels: a row without labels whose name stands in another column than its predecessor's,
    /// followed by a page gap and a labelled row, belongs to that row's group.
    /// </summary>
    private List<Indicator> AttachLabelsPrintedAfterRows(List<Row> rows)
    {
        var result = new List<Indicator>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (!row.HadLabels && row.BlankAfter && i > 0 && i + 1 < rows.Count && rows[i + 1].HadLabels
                && rows[i - 1].NameColumn != row.NameColumn
                && (rows[i + 1].Indicator.Level1 != row.Indicator.Level1 || rows[i + 1].Indicator.Level2 != row.Indicator.Level2))
            {
                var next = rows[i + 1].Indicator;
                diagnostics.Warn(row.Indicator.Line, DiagnosticCodes.LabelAfterRows,
                    $"指标“{row.Indicator.Name}”的一级/二级标签印在其后（{next.Level1}/{next.Level2}），已归入该组。");
                result.Add(row.Indicator with { Level1 = next.Level1, Level2 = next.Level2 });
                continue;
            }

            result.Add(row.Indicator);
        }

        return result;
    }

    internal static string Shorten(string s) => s.Length <= 30 ? s : s[..30] + "…";
}

/// <summary>
/// Lines every table reader passes over (blank lines, markdown table rules), and the closing rows of a
/// self-evaluation: <c>100 98.95</c> or <c>总分 100.00 99.97</c>, and <c>评分等级 优</c>.
/// </summary>
internal static class TableTotals
{
    /// <summary>True for a line that holds no cell: blank, or a markdown rule (reported).</summary>
    public static bool Skip(SourceLine line, DiagnosticBag diagnostics)
    {
        if (line.IsBlank)
        {
            return true;
        }

        if (line.IsTableRule)
        {
            diagnostics.Info(line.Number, DiagnosticCodes.TableRule, "Markdown 表格分隔线，已忽略。");
            return true;
        }

        return false;
    }

    public static bool TryRead(SourceLine line, ref decimal? weight, ref decimal? score, ref string? grade)
    {
        var first = line.IsBlank ? ' ' : line.Span[0];
        if (!char.IsAsciiDigit(first) && first is not ('总' or '评'))
        {
            return false;
        }

        if (first == '评' && TextTools.CompactStartsWith(line.Span, "评分等级"))
        {
            var g = line.Compact["评分等级".Length..].TrimStart('：', ':');
            grade = g.Length > 0 ? g[..1] : null;
            return true;
        }

        // The tokens between spaces and tabs; only lines of two or three tokens can be totals.
        var text = line.Span;
        Span<Range> tokens = stackalloc Range[4];
        var count = 0;
        foreach (var range in text.SplitAny(' ', '\t'))
        {
            if (text[range].Length == 0)
            {
                continue;
            }

            if (count == tokens.Length)
            {
                return false;
            }

            tokens[count++] = range;
        }

        var start = count > 0 && text[tokens[0]].StartsWith("总分", StringComparison.Ordinal) ? 1 : 0;
        if (count - start == 2 && DisclosureReader.IsNumberToken(text[tokens[start]]) && DisclosureReader.IsNumberToken(text[tokens[start + 1]]))
        {
            var w = DisclosureReader.ParseNumber(text[tokens[start]]);
            if (start == 1 || w >= 100)
            {
                weight = w;
                score = DisclosureReader.ParseNumber(text[tokens[start + 1]]);
                return true;
            }
        }

        return false;
    }
}
