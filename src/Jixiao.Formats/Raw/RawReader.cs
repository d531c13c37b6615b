using System.Text.RegularExpressions;
using Jixiao.Domain.Model;
using Jixiao.Formats.Disclosure;
using Jixiao.Formats.Layout;

namespace Jixiao.Formats.Raw;

/// <summary>
/// Reads raw <c>pdftotext</c> text (no <c>-layout</c>) of any printing: tokens (<see cref="RawTokens"/>) →
/// items with labels joined (<see cref="RawItems"/>) → per form, fields (<see cref="RawFields"/>) and
/// indicator rows (<see cref="RawRows"/>) → a tidy pseudo-page (<see cref="RawGrid"/>) → the one form
/// assembler. Bounded work: linear in the text apart from small fixed windows; never throws on bad input.
/// </summary>
public static partial class RawReader
{
    /// <summary>The most tokens read (a raw text larger than this is no form printing; the line reader reads it).</summary>
    public const int MaxTokens = 400_000;

    /// <summary>The longest text this reader takes (characters; a printing of 100 forms is about 1 MB): a larger one is left to the streaming line reader.</summary>
    public const int MaxChars = 16_000_000;

    /// <summary>The most items one form may have (the longest seed form has about 600 cells): a larger "form" is no form.</summary>
    public const int MaxItemsPerForm = 20_000;

    /// <summary>The most indicator rows one form may have (the longest seed form has 40).</summary>
    public const int MaxRowsPerForm = 400;

    /// <summary>Items after 总分 in which its two numbers are looked for (labels and headers may stand between).</summary>
    public const int TotalWindow = 4;

    /// <summary>
    /// How much fuller (<see cref="LayoutReader.Completeness"/>, summed over forms) this reader's reading must
    /// be to be kept over the line reader's: the line reader is exact on the seeds it was built for, where
    /// this reader scores up to 3 % more by finding rows that are not there (seeds 001 and 004); on other
    /// printings it scores 7 % to 90 % more.
    /// </summary>
    public const double KeepMargin = 1.10;

    /// <summary>The line reader's reading unless this reader's is clearly fuller (<see cref="KeepMargin"/>).</summary>
    public static DisclosureDocument Better(DisclosureDocument lines, DisclosureDocument raw)
    {
        var l = lines.Forms.Sum(LayoutReader.Completeness);
        var r = raw.Forms.Sum(LayoutReader.Completeness);
        return r > l * KeepMargin ? raw : lines;
    }

    /// <summary>The pseudo-page before assembly, for <c>bench raw-grid</c> (set by one thread at a time).</summary>
    internal static Action<IReadOnlyList<Cell>>? Laid { get; set; }

    public static DisclosureDocument Read(string text, string source)
    {
        try
        {
            return ReadCore(text, source);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new DisclosureDocument(source, [], [new Diagnostic(Severity.Error, 1, DiagnosticCodes.UnreadRow, $"原始文本读取失败：{ex.GetType().Name}: {ex.Message}")]);
        }
    }

    private static DisclosureDocument ReadCore(string text, string source)
    {
        var diagnostics = new DiagnosticBag();
        if (text.Length > MaxChars)
        {
            return new DisclosureDocument(source, [], [new Diagnostic(Severity.Info, 1, DiagnosticCodes.FormTruncated, $"原始文本有{text.Length}个字符，超过{MaxChars}个，只按行读取。")]);
        }

        var tokens = RawTokens.Read(text);
        if (tokens.Count > MaxTokens)
        {
            return new DisclosureDocument(source, [], [new Diagnostic(Severity.Error, 1, DiagnosticCodes.FormTruncated, $"原始文本有{tokens.Count}段，超过{MaxTokens}段，未按原始文本读取。")]);
        }

        var paragraphs = RawTokens.Paragraphed(text);
        var items = RawItems.Read(tokens, diagnostics);
        var grid = new RawGrid();
        var titles = Enumerable.Range(0, items.Count).Where(k => items[k].Kind == RawKind.Title).ToList();
        var headings = titles.Select(start => Heading(items, start)).ToList();
        for (var t = 0; t < titles.Count; t++)
        {
            var start = titles[t];
            var end = t + 1 < titles.Count ? titles[t + 1] : items.Count;
            var form = items.GetRange(start, end - start);
            // A group heading (…汇总表) just before the next title belongs to the next form.
            var next = t + 1 < titles.Count ? headings[t + 1] : 0;
            form.RemoveRange(Math.Max(1, form.Count - next), form.Count - Math.Max(1, form.Count - next));
            while (form.Count > 1 && form[^1].Kind == RawKind.Value && form[^1].Text.EndsWith("汇总表", StringComparison.Ordinal))
            {
                form.RemoveAt(form.Count - 1);
            }

            string? group = null;
            if (headings[t] > 0)
            {
                group = string.Concat(items.GetRange(start - headings[t], headings[t]).Select(i => i.Text));
                if (headings[t] > 1)
                {
                    diagnostics.Info(items[start - headings[t]].Line, DiagnosticCodes.OrphanText, $"第{items[start - headings[t]].Line}行：汇总表标题折成{headings[t]}行，连读为“{group}”。");
                }
            }
            if (form.Count > MaxItemsPerForm)
            {
                diagnostics.Error(form[0].Line, DiagnosticCodes.FormTruncated, $"第{form[0].Line}行：此表有{form.Count}段文字，超过{MaxItemsPerForm}段，不是一张绩效表，未读取。");
                continue;
            }

            Form(form, group, paragraphs, grid, diagnostics);
        }

        Laid?.Invoke(grid.Cells);
        var document = FormAssembler.Assemble(grid.Cells, source);
        document = document with { Forms = [.. document.Forms.Select(f => Level1FromLevel2(f, diagnostics))] };
        return document with { Diagnostics = [.. diagnostics.Items, .. document.Diagnostics] };
    }

    /// <summary>
    /// The most lines a group heading (…年度项目绩效目标汇总表) is wrapped over: a unit's long name in a
    /// portrait page's width (LibreOffice, Chromium: …（上海医药采购中心）2024年 / 度项目绩效目标汇总表).
    /// </summary>
    public const int MaxHeadingLines = 3;

    /// <summary>
    /// How many items before the title at <paramref name="start"/> make its group heading: the one ending with
    /// 汇总表, and the lines wrapped before it, each on the line right above and at least as long as the
    /// line after it (a wrapped heading's earlier lines are full width), never a form's label or title.
    /// </summary>
    private static int Heading(List<RawItem> items, int start)
    {
        if (start == 0 || !items[start - 1].Text.EndsWith("汇总表", StringComparison.Ordinal))
        {
            return 0;
        }

        var h = start - 1;
        while (h > 0 && start - h < MaxHeadingLines && items[h - 1].Kind == RawKind.Value && items[h - 1].Line == items[h].Line - 1
            && items[h - 1].Text.Length >= items[h].Text.Length && !items[h - 1].Text.EndsWith("汇总表", StringComparison.Ordinal))
        {
            h--;
        }

        return start - h;
    }

    private static void Form(List<RawItem> items, string? group, bool paragraphs, RawGrid grid, DiagnosticBag diagnostics)
    {
        var title = items[0];
        var self = title.Text.Contains(Labels.SelfEvaluationTitle, StringComparison.Ordinal);
        if (group is not null)
        {
            grid.Row(title.Line, group);
        }

        grid.Row(title.Line, null, title.Text);
        var year = items.FirstOrDefault(i => i.Kind == RawKind.Value && YearMark().IsMatch(i.Text));
        if (year is not null)
        {
            grid.Row(year.Line, null, year.Text);
        }

        var table = items.FindIndex(i => i.Kind == RawKind.Header && Labels.IndicatorColumn(i.Text) is Column.Level1 or Column.Level2 or Column.Name);
        if (table >= 0 && LoneLevel1Header(items, table) is { } run)
        {
            // 一级指标 printed in the label column as a block, before the head's values (LibreOffice,
            // gen0-023-calc): the table starts at the header row after the head's labels.
            diagnostics.Info(items[table].Line, DiagnosticCodes.OrphanText, $"第{items[table].Line}行：“{items[table].Text}”印在表头字段之前，指标表从第{items[run].Line}行的表头读起。");
            table = run;
        }

        if (table < 0)
        {
            table = items.FindIndex(i => i.Kind is RawKind.Level1 or RawKind.Level2);
        }

        if (table < 0)
        {
            table = items.Count;
        }

        var head = items.GetRange(1, table - 1).Where(i => i != year).ToList();
        var rest = items.GetRange(table, items.Count - table);
        // A header field printed after the table (Chromium puts a row's cells after a taller neighbour's):
        // its label and the values on its line are the header's.
        var moved = new HashSet<RawItem>();
        for (var k = 0; k < rest.Count; k++)
        {
            if (rest[k].Kind == RawKind.Label && rest[k].Field is not (Field.TotalScore or Field.Grade or null))
            {
                moved.Add(rest[k]);
                head.Add(rest[k]);
                for (var j = k + 1; j < rest.Count && rest[j].Kind == RawKind.Value && rest[j].Line == rest[k].Line; j++)
                {
                    moved.Add(rest[j]);
                    head.Add(rest[j]);
                }

                diagnostics.Info(rest[k].Line, DiagnosticCodes.OrphanText, $"第{rest[k].Line}行：“{rest[k].Text}”印在指标表之后，按表头读取。");
            }
        }

        rest = [.. rest.Where(i => !moved.Contains(i))];
        List<RawBudgetRow> budget = [];
        if (self)
        {
            // The money table first: amounts of its total row printed apart (beside the header, after the
            // table's first header) are taken out before the fields and the rows read them.
            var before = rest.FindIndex(i => i.Kind == RawKind.Header && Labels.IndicatorColumn(i.Text) == Column.Name);
            budget = RawBudget.Read(head, before > 0 ? rest.GetRange(0, before) : [], diagnostics, out var taken);
            head = [.. head.Where(i => !taken.Contains(i))];
            rest = [.. rest.Where(i => !taken.Contains(i))];
        }

        var fields = RawFields.Read(head, paragraphs, diagnostics);
        RawHeadWords.Sentences(fields, diagnostics);
        RawHeadWords.Untangle(fields, diagnostics);
        RawHeadWords.Unlabelled(fields, head, diagnostics);
        // The goal (the outcome, on a self-evaluation) printed after the table's first header line and before
        // its 三级指标 header (gen0-001-calc: 实际完成情况's text after 一级指标 二级指标): the field's value.
        var goalField = self ? Field.Outcome : Field.Goal;
        var nameHeader = rest.FindIndex(i => i.Kind == RawKind.Header && Labels.IndicatorColumn(i.Text) == Column.Name);
        var overflow = nameHeader > 0 ? rest.Take(nameHeader).Where(i => i.Kind == RawKind.Value && RawRows.KindOf(i.Text) == RawValueKind.Text).ToList() : [];
        if (overflow.Sum(i => i.Text.Length) >= MinGoalChars && !fields.Any(f => f.Field == goalField && f.Value.Length > 0))
        {
            fields.RemoveAll(f => f.Field == goalField);
            fields.Add((goalField, string.Concat(overflow.Select(i => i.Text)), overflow[0].Line));
            rest = [.. rest.Where(i => !overflow.Contains(i))];
            diagnostics.Info(overflow[0].Line, DiagnosticCodes.OrphanText, $"第{overflow[0].Line}行：指标表头之间的文字按“{Labels.Fields[goalField][0]}”读取。");
        }

        foreach (var (field, value, line) in fields)
        {
            if (field is Field.TotalScore or Field.Grade or Field.ExpectedGoal or Field.Outcome || self && field is Field.Goal or Field.FundsTotal or Field.FundsCurrentYear or Field.FundsCarryOver or Field.FundsOther)
            {
                continue;
            }

            grid.Row(line, Labels.Fields[field][0], value);
        }

        if (self)
        {
            if (budget.Count > 0)
            {
                grid.Row(budget[0].Line, null, "年初预算数", "全年预算数", "全年执行数", "执行率", "分值", "得分");
                foreach (var b in budget)
                {
                    grid.Row(b.Line, b.Row == Field.FundsCurrentYear ? "其中：当年财政拨款" : Labels.Fields[b.Row][0] == "年度资金申请总额" ? "年度资金总额" : Labels.Fields[b.Row][0], b.Initial, b.Full, b.Executed, b.Rate, b.Weight, b.Score);
                }
            }
        }

        if (self)
        {
            // 预期目标 and 实际完成情况 side by side, as the form prints them.
            string? Of(Field f) => fields.FirstOrDefault(x => x.Field == f).Value;
            var goal = Of(Field.ExpectedGoal) ?? Of(Field.Goal);
            var outcome = Of(Field.Outcome);
            grid.Row(title.Line, null, "预期目标", "实际完成情况");
            grid.Row(title.Line, "年度总体目标", goal ?? "-", outcome ?? "-");
        }

        var grade = rest.FirstOrDefault(i => i.Kind == RawKind.Value && i.Text is "优" or "良" or "中" or "差");
        // 总分: the two numbers printed after it (on its line or the next lines) are the totals.
        var totals = new List<RawItem>();
        var total = rest.FindIndex(i => i.Kind == RawKind.Label && i.Field == Field.TotalScore);
        for (var k = total + 1; self && total >= 0 && k < rest.Count && k <= total + TotalWindow && totals.Count < 2; k++)
        {
            if (rest[k].Kind == RawKind.Value && RawRows.KindOf(rest[k].Text) == RawValueKind.Number)
            {
                totals.Add(rest[k]);
            }
            else if (rest[k].Kind is RawKind.Value or RawKind.Level1 or RawKind.Level2)
            {
                break;
            }
        }

        if (totals.Count < 2)
        {
            totals.Clear();
        }

        var body = rest.Where(i => i != grade && !totals.Contains(i) && i.Kind != RawKind.Label && i.Kind != RawKind.Side).ToList();
        foreach (var stray in body.Where(i => i.Kind == RawKind.Value && NotIndicator(i.Text)).ToList())
        {
            // A head value or a header's piece printed among the rows (a label column printed as a block,
            // Chromium's cells after a taller neighbour's): read as an indicator it shifts every row after it.
            body.Remove(stray);
            diagnostics.Info(stray.Line, DiagnosticCodes.OrphanText, $"第{stray.Line}行：“{stray.Text}”不是指标的值（日期、项目性质或类别、表头的一段），未读入指标表。");
        }

        var rows = RawRows.Read(body, self, budget.FirstOrDefault(b => b.Row == Field.FundsTotal)?.Weight, diagnostics, out var trailing);
        if (rows.Count > MaxRowsPerForm)
        {
            // The assembler compares a form's pieces pairwise: a table this long is no form and would take minutes.
            diagnostics.Error(title.Line, DiagnosticCodes.FormTruncated, $"第{title.Line}行：此表有{rows.Count}行指标，超过{MaxRowsPerForm}行，指标未读取。");
            rows.Clear();
        }
        if (self)
        {
            grid.Row(rest.Count > 0 ? rest[0].Line : title.Line, "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分");
        }
        else
        {
            grid.Row(rest.Count > 0 ? rest[0].Line : title.Line, "一级指标", "二级指标", "三级指标", "年度指标值");
        }

        var places = new List<int>(rows.Count);
        foreach (var r in rows)
        {
            places.Add(r.Spanned
                ? grid.Row(r.Line, null, null, r.Name, r.Target, r.Actual, r.Weight, r.Score)
                : grid.Row(r.Line, r.Level1, r.Level2, r.Name, r.Target, r.Actual, r.Weight, r.Score));
        }

        Spans(rows, places, grid);

        if (totals.Count == 2)
        {
            grid.Row(totals[0].Line, "总分", null, null, null, null, totals[0].Text, totals[1].Text);
        }
        else if (self && trailing.Count >= 2)
        {
            grid.Row(title.Line, "总分", null, null, null, null, trailing[^2], trailing[^1]);
        }

        if (grade is not null)
        {
            grid.Row(grade.Line, "评分等级", grade.Text);
        }
    }

    /// <summary>
    /// The levels of rows placed by their groups (<see cref="RawRow.Spanned"/>): each run of one label printed
    /// once, centred over the run's rows, as a merged cell is; rows read in pieces between keep their place
    /// for the assembler to join.
    /// </summary>
    private static void Spans(List<RawRow> rows, List<int> places, RawGrid grid)
    {
        foreach (var (column, label) in new (int, Func<RawRow, string?>)[] { (0, r => r.Level1), (1, r => r.Level2) })
        {
            for (var k = 0; k < rows.Count; k++)
            {
                if (!rows[k].Spanned || label(rows[k]) is not { Length: > 0 } text)
                {
                    continue;
                }

                var end = k;
                while (end + 1 < rows.Count && rows[end + 1].Spanned && label(rows[end + 1]) == text)
                {
                    end++;
                }

                grid.Centred(rows[k].Line, column, text, places[k], places[end]);
                k = end;
            }
        }
    }

    /// <summary>
    /// Each row's 一级 label agreeing with its 二级: raw text gives no places, so a 一级 label printed once for its
    /// group goes to a row by order and can land one row off (chromium-horizontal-money: 满意度指标 printed on the
    /// line of 服务对象满意 before the row's name), leaving the next group's first row under the group before. A
    /// 二级 label of the official list has one 一级 (数量指标 → 产出指标, 服务对象满意度指标 → 满意度指标); a row whose
    /// 一级 differs takes that one. 成本指标 is left alone: it is a 二级 under 产出指标 and a 一级 of its own.
    /// </summary>
    internal static PerformanceForm Level1FromLevel2(PerformanceForm form, DiagnosticBag diagnostics)
    {
        var indicators = form.Indicators.ToList();
        var changed = false;
        for (var k = 0; k < indicators.Count; k++)
        {
            var row = indicators[k];
            var level2 = IndicatorLevels.CanonicalLevel2(row.Level2 ?? "");
            if (level2 == IndicatorLevels.Cost || !IndicatorLevels.Level2.TryGetValue(level2, out var level1) || row.Level1 == level1)
            {
                continue;
            }

            diagnostics.Info(row.Line, DiagnosticCodes.Level1Inferred, $"第{row.Line}行：指标“{row.Name}”的一级指标“{row.Level1}”与二级指标“{row.Level2}”不符，按二级指标读作“{level1}”。");
            indicators[k] = row with { Level1 = level1 };
            changed = true;
        }

        return changed ? form with { Indicators = indicators } : form;
    }

    /// <summary>
    /// When the table's first header (at <paramref name="table"/>) is a lone 一级指标 followed by the head's
    /// field labels before the next 二级/三级 header and before any 一级/二级 label: that next header. 一级
    /// labels right after the header are its column printed as a block (Chromium, gen0-027-chromium: the
    /// page's label column, 一级 labels and the next form's field labels, before any value); they are skipped,
    /// and each row's 一级 is then inferred from its 二级.
    /// </summary>
    internal static int? LoneLevel1Header(List<RawItem> items, int table)
    {
        if (Labels.IndicatorColumn(items[table].Text) != Column.Level1)
        {
            return null;
        }

        var head = false;
        var block = true;
        for (var k = table + 1; k < items.Count; k++)
        {
            var item = items[k];
            // 一级 labels right under the header are the label column's block (gen0-027-chromium): skipped.
            block &= item.Kind == RawKind.Level1;
            if (block)
            {
                continue;
            }

            if (item.Kind is RawKind.Level1 or RawKind.Level2 or RawKind.Title)
            {
                return null;
            }

            if (item.Kind == RawKind.Header && Labels.IndicatorColumn(item.Text) is Column.Level1 or Column.Level2 or Column.Name)
            {
                return head ? k : null;
            }

            head |= item.Kind == RawKind.Label && item.Field is not (Field.TotalScore or Field.Grade or null);
        }

        return null;
    }

    /// <summary>
    /// A value that is no indicator's: a whole date (the plan's dates), a project nature or category, or a
    /// piece of a header word (<c>年度(/项目)指标</c>, <c>分析及改</c>) or the start of a 二级 label cut
    /// in a narrow column (<c>经济成</c>, <c>经济成本指</c>). None of the forms in the zoos has such a name or target.
    /// </summary>
    internal static bool NotIndicator(string text)
    {
        var t = TextNormaliser.Value(text);
        if (WholeDate().IsMatch(t) || HeadWord().IsMatch(t))
        {
            return true;
        }

        return t.Length >= MinHeaderPiece && (Labels.HeaderWords.Any(h => h.Length > t.Length && h.Contains(t, StringComparison.Ordinal)) && !Labels.HeaderWords.Contains(t)
            || Level2Prefix(t));

        // 经济成 / 经济成本指 of 经济成本指标 (a label cut in a narrow column, its rest joined elsewhere).
        static bool Level2Prefix(string t) => !IndicatorLevels.IsLabel(t)
            && IndicatorLevels.Level2.Keys.Concat(IndicatorLevels.Level2Aliases.Keys).Any(l => l.Length > t.Length && l.StartsWith(t, StringComparison.Ordinal));
    }

    /// <summary>The shortest header piece taken for one (<c>进措施</c> of 偏差原因分析及改进措施, gen0-004-calc); two characters may be a name's.</summary>
    public const int MinHeaderPiece = 3;

    [GeneratedRegex(@"^(\d{4}([-/.])\d{1,2}\2\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)$")]
    private static partial Regex WholeDate();

    [GeneratedRegex(@"^((特定目标|其他运转|其他人员)类|(其他)?(经常性|一次性)项目|经常性专项业务费)$")]
    private static partial Regex HeadWord();

    /// <summary>The shortest text taken for a goal printed inside the table's header (the zoos' shortest goal is 19 characters).</summary>
    public const int MinGoalChars = 19;

    [GeneratedRegex(@"^[(（]\d{4}年度?[)）]$")]
    private static partial Regex YearMark();
}
