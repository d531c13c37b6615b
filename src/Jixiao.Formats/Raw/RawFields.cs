using Jixiao.Formats.Disclosure;
using Jixiao.Formats.Layout;

namespace Jixiao.Formats.Raw;

/// <summary>
/// Stage 3 of the raw-text reader: a form's field labels paired with their values. A value follows its
/// label, on the same line or after it, until the next label (Chromium prints a wrapped value's lines in
/// order). When cells come as paragraphs (LibreOffice), a label takes its own paragraph's rest or the next
/// paragraph; a later value paragraph that no label took (LibreOffice prints a row's cells column block by
/// column block) goes to the first label before it still without a value. That inference is a diagnostic.
/// </summary>
public static partial class RawFields
{
    internal static List<(Field Field, string Value, int Line)> Read(List<RawItem> items, bool paragraphs, DiagnosticBag diagnostics)
    {
        items = MoneyBlock(items, diagnostics);
        items = Stacked(items, paragraphs, diagnostics);
        var labels = new List<(Field Field, int Line, int Paragraph, List<RawItem> Values)>();
        var orphans = new List<List<RawItem>>();
        (Field Field, int Line, int Paragraph, List<RawItem> Values)? current = null;
        var lastParagraph = -1;
        foreach (var item in items)
        {
            switch (item.Kind)
            {
                case RawKind.Label when item.Field is { } f:
                    current = (f, item.Line, item.Paragraph, new List<RawItem>());
                    labels.Add(current.Value);
                    break;
                case RawKind.Value:
                    if (current is { } c && Fits(c.Field, item.Text) && (!paragraphs || item.Paragraph == c.Paragraph || c.Values.Count == 0 || item.Paragraph == lastParagraph
                        || RunsOn(c.Field, c.Values[^1], item, lastParagraph)))
                    {
                        c.Values.Add(item);
                        lastParagraph = item.Paragraph;
                    }
                    else if (orphans.Count > 0 && orphans[^1][^1].Paragraph == item.Paragraph && !WholeDate().IsMatch(item.Text) && !WholeDate().IsMatch(orphans[^1][^1].Text))
                    {
                        orphans[^1].Add(item);
                    }
                    else
                    {
                        current = null;
                        orphans.Add([item]);
                    }

                    break;
                case RawKind.Side when paragraphs:
                    // A block label ends the value before it, unless printed inside the value's own paragraph
                    // (calc-borderless: 项目绩效目标 on the second line of the goal's wrapped text).
                    if (current is not { Values.Count: > 0 } open || open.Values[^1].Paragraph != item.Paragraph)
                    {
                        current = null;
                    }

                    break;
            }
        }

        // Orphan values to the first label before them still without one (its field not read elsewhere).
        var result = new List<(Field, string, int)>();
        foreach (var orphan in orphans)
        {
            var line = orphan[0].Line;
            var done = labels.Where(l => l.Values.Count > 0).Select(l => l.Field).ToHashSet();
            var text = string.Concat(orphan.Select(o => o.Text));
            var target = labels.FindIndex(l => l.Values.Count == 0 && l.Line <= line && !done.Contains(l.Field) && Fits(l.Field, text));
            if (target < 0)
            {
                continue;
            }

            labels[target].Values.AddRange(orphan);
            diagnostics.Info(line, DiagnosticCodes.OrphanText, $"第{line}行：值“{string.Concat(orphan.Select(o => o.Text))}”不在标签旁，按顺序归于“{Labels.Fields[labels[target].Field][0]}”。");
        }

        foreach (var l in labels)
        {
            if (l.Values.Count > 0 && !result.Any(r => r.Item1 == l.Field))
            {
                result.Add((l.Field, string.Concat(l.Values.Select(v => v.Text)), l.Line));
            }
        }

        return result;
    }

    /// <summary>Fields whose text is sentences, wrapped over many lines in a tall cell.</summary>
    private static readonly Field[] Sentences = [Field.Goal, Field.ExpectedGoal, Field.Outcome];

    /// <summary>
    /// Whether a goal's wrapped text runs on into the next paragraph: LibreOffice leaves a blank line inside a
    /// tall cell (calc-borderless: 按时完成… / 项目绩效目标 宣传… / blank / 、新疆兵团…), so a text paragraph right
    /// after one that ends mid-sentence (no 。 or ；) is its rest.
    /// </summary>
    private static bool RunsOn(Field field, RawItem last, RawItem next, int lastParagraph) =>
        Array.IndexOf(Sentences, field) >= 0 && next.Paragraph == lastParagraph + 1 && next.Line > last.Line
        && !last.Text.EndsWith('。') && !last.Text.EndsWith('；') && next.Text.Length > 1;

    /// <summary>
    /// Whether a value can be a field's: amounts are numbers, dates have digits, texts are not bare numbers
    /// or empty marks (LibreOffice prints a neighbouring number between a label and its text).
    /// </summary>
    public static bool Fits(Field field, string value)
    {
        var numeric = value.All(c => char.IsAsciiDigit(c) || c is ',' or '.' or '-' or '%' or '/');
        return field switch
        {
            // A whole date is no amount (LibreOffice prints 计划完成日期's value after the money labels when its
            // cell is taller: 其他资金 / 2023-12-31).
            Field.FundsTotal or Field.FundsCurrentYear or Field.FundsCarryOver or Field.FundsOther => numeric && !WholeDate().IsMatch(value),
            Field.StartDate or Field.EndDate => value.Any(char.IsAsciiDigit),
            // A whole date is the plan's, never a name's or a unit's (Chromium prints 计划完成日期's value on the
            // line of 实施单位's: 上海市医疗保障局 2023-12-31).
            Field.Goal or Field.ExpectedGoal or Field.Outcome => !numeric,
            _ => !numeric && !WholeDate().IsMatch(value),
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d{4}([-/.])\d{1,2}\2\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)$")]
    private static partial System.Text.RegularExpressions.Regex WholeDate();

    /// <summary>The money block's columns in the official form's order.</summary>
    private static readonly Field[] FundsOrder = [Field.FundsTotal, Field.FundsCurrentYear, Field.FundsCarryOver, Field.FundsOther];

    /// <summary>How far the total may be from the sum of its parts (amounts are printed to the cent).</summary>
    public const decimal FundsTolerance = 0.01m;

    /// <summary>Whether the amounts paired in order with these labels give a total equal to the sum of its parts.</summary>
    private static bool AddsUp(List<RawItem> labels, List<RawItem> amounts)
    {
        decimal total = 0, parts = 0;
        for (var g = 0; g < labels.Count; g++)
        {
            if (!decimal.TryParse(amounts[g].Text.Replace(",", "", StringComparison.Ordinal), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v))
            {
                return false;
            }

            if (labels[g].Field == Field.FundsTotal)
            {
                total = v;
            }
            else
            {
                parts += v;
            }
        }

        return Math.Abs(total - parts) <= FundsTolerance;
    }

    private static bool IsFunds(RawItem i) => i.Kind == RawKind.Label && i.Field is Field.FundsTotal or Field.FundsCurrentYear or Field.FundsCarryOver or Field.FundsOther;

    private static bool IsAmount(RawItem i) => i.Kind == RawKind.Value && i.Text.Length > 0 && i.Text.Any(char.IsAsciiDigit) && Fits(Field.FundsTotal, i.Text);

    /// <summary>
    /// The head's money block (年度资金申请总额, 当年财政拨款, 上年结转资金, 其他资金) printed with its labels and
    /// amounts interleaved out of pairs: pdftotext reads a horizontal block column by column and a label wrapped
    /// taller than its neighbours ends its column later (calc-borderless: 总额, 当年财政拨款, 389820.00,
    /// 上年结转资金, 389820.00, 其他资金, 0.00, 0.00). From the first money label to the amount after the last,
    /// when there are as many amounts as distinct money labels, both in their printed order (a row of labels
    /// over a row of amounts, or a column of each), each label is put right before its amount; other labels
    /// standing between (项目总目标) follow the block. A diagnostic says so.
    /// </summary>
    private static List<RawItem> MoneyBlock(List<RawItem> items, DiagnosticBag diagnostics)
    {
        var start = items.FindIndex(IsFunds);
        if (start < 0)
        {
            return items;
        }

        var labels = new List<RawItem>();
        var amounts = new List<RawItem>();
        var others = new List<RawItem>();
        var end = start;
        for (var k = start; k < items.Count; k++)
        {
            var i = items[k];
            if (IsFunds(i))
            {
                if (labels.Any(l => l.Field == i.Field))
                {
                    break;
                }

                labels.Add(i);
            }
            else if (IsAmount(i))
            {
                amounts.Add(i);
                end = k;
            }
            else if (i.Kind is RawKind.Label or RawKind.Side && labels.Count > amounts.Count)
            {
                others.Add(i);
            }
            else
            {
                break;
            }
        }

        if (labels.Count < 2 || amounts.Count != labels.Count || end < start)
        {
            return items;
        }

        var inBlock = items.Skip(start).Take(end - start + 1).ToList();
        var pairedAlready = true;
        for (var k = 0; k + 1 < inBlock.Count && pairedAlready; k++)
        {
            pairedAlready = !IsFunds(inBlock[k]) || IsAmount(inBlock[k + 1]);
        }

        if (pairedAlready)
        {
            return items;
        }

        // A label wrapped over more lines than its neighbours starts higher and is printed first
        // (gen0-007-chromium: 上年结转资 / 金 before 年度资金总额), while single-line amounts keep the columns'
        // order: the official order is taken when its amounts add up (总额 = 当年财政拨款 + 上年结转资金 + 其他资金).
        var official = labels.OrderBy(l => Array.IndexOf(FundsOrder, l.Field!.Value)).ToList();
        if (labels.Count == FundsOrder.Length && AddsUp(official, amounts))
        {
            labels = official;
        }

        var result = items.Take(start).ToList();
        for (var g = 0; g < labels.Count; g++)
        {
            result.Add(labels[g] with { Paragraph = amounts[g].Paragraph });
            result.Add(amounts[g]);
        }

        result.AddRange(inBlock.Where(others.Contains));
        result.AddRange(items.Skip(end + 1));
        diagnostics.Info(labels[0].Line, DiagnosticCodes.LabelSplit, $"第{labels[0].Line}行：资金标签与金额交错印出，按顺序配对（{labels.Count}个）。");
        return result;
    }

    /// <summary>
    /// Labels printed in a run with their values in a run after them (a money block printed horizontally,
    /// labels stacked in one cell, a label column printed as a block): when there are as many values (or value
    /// lines) as labels, each label is put right before its value, so the pairing below reads them in order.
    /// A diagnostic says so.
    /// </summary>
    private static List<RawItem> Stacked(List<RawItem> items, bool paragraphs, DiagnosticBag diagnostics)
    {
        var result = new List<RawItem>(items.Count);
        var k = 0;
        while (k < items.Count)
        {
            if (items[k].Kind != RawKind.Label)
            {
                result.Add(items[k++]);
                continue;
            }

            var labels = new List<RawItem>();
            var sides = new List<RawItem>();
            var j = k;
            while (j < items.Count && items[j].Kind is RawKind.Label or RawKind.Side)
            {
                (items[j].Kind == RawKind.Label ? labels : sides).Add(items[j]);
                j++;
            }

            // A label column printed as a block may run on into the indicator table's first column (一级指标 and
            // its labels, gen149-005-chromium) before the values come.
            var skipped = new List<RawItem>();
            while (j < items.Count && items[j].Kind is RawKind.Header or RawKind.Level1 or RawKind.Level2)
            {
                skipped.Add(items[j++]);
            }

            var values = new List<RawItem>();
            while (j < items.Count && items[j].Kind == RawKind.Value)
            {
                values.Add(items[j++]);
            }

            // A self-evaluation's 年度总体目标 heads the row of 预期目标 and 实际完成情况: its text is theirs, not
            // one of the values after the block (项目名称 / 主管部门 / 实施单位 / 年度总体目标, then three values).
            var trailing = labels.Count > values.Count ? labels.AsEnumerable().Reverse().TakeWhile(l => Array.IndexOf(Sentences, l.Field ?? Field.Name) >= 0).Reverse().ToList() : [];
            var paired = labels.Count - trailing.Count == values.Count ? labels.Take(values.Count).ToList() : labels;
            var byLine = values.GroupBy(v => v.Line).Select(g => g.ToList()).ToList();
            // Where cells come as paragraphs only one paragraph of one value a line, as many as the labels, is
            // paired so (Chromium's value column printed as a block); values in paragraphs of their own are cells
            // LibreOffice printed column block by column block, in no order to go by (calc-borderless).
            var oneALine = byLine.Count == values.Count && values.Select(v => v.Paragraph).Distinct().Count() == 1;
            var groups = paired.Count >= 2 && values.Count == paired.Count && paired.Zip(values).All(p => Fits(p.First.Field!.Value, p.Second.Text)) && (!paragraphs || oneALine)
                ? values.Select(v => new List<RawItem> { v }).ToList()
                : !paragraphs && labels.Count >= 2 && skipped.Count == 0 && byLine.Count == labels.Count ? byLine : null;
            if (groups is null)
            {
                result.AddRange(items.Skip(k).Take(j - k));
            }
            else
            {
                paired = groups.Count == paired.Count ? paired : labels;
                result.AddRange(sides);
                result.AddRange(skipped);
                for (var g = 0; g < paired.Count; g++)
                {
                    result.Add(paired[g] with { Paragraph = groups[g][0].Paragraph });
                    result.AddRange(groups[g]);
                }

                result.AddRange(labels.Skip(paired.Count));
                diagnostics.Info(labels[0].Line, DiagnosticCodes.LabelSplit, $"第{labels[0].Line}行：{paired.Count}个标签连印，其值按顺序在其后。");
            }

            k = j;
        }

        return result;
    }
}
