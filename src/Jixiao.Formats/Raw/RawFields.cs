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
public static class RawFields
{
    internal static List<(Field Field, string Value, int Line)> Read(List<RawItem> items, bool paragraphs, DiagnosticBag diagnostics)
    {
        items = paragraphs ? items : Stacked(items, diagnostics);
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
                    if (current is { } c && Fits(c.Field, item.Text) && (!paragraphs || item.Paragraph == c.Paragraph || c.Values.Count == 0 || item.Paragraph == lastParagraph))
                    {
                        c.Values.Add(item);
                        lastParagraph = item.Paragraph;
                    }
                    else if (orphans.Count > 0 && orphans[^1][^1].Paragraph == item.Paragraph)
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
                    current = null;
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

    /// <summary>
    /// Whether a value can be a field's: amounts are numbers, dates have digits, texts are not bare numbers
    /// or empty marks (LibreOffice prints a neighbouring number between a label and its text).
    /// </summary>
    public static bool Fits(Field field, string value)
    {
        var numeric = value.All(c => char.IsAsciiDigit(c) || c is ',' or '.' or '-' or '%' or '/');
        return field switch
        {
            Field.FundsTotal or Field.FundsCurrentYear or Field.FundsCarryOver or Field.FundsOther => numeric,
            Field.StartDate or Field.EndDate => value.Any(char.IsAsciiDigit),
            _ => !numeric,
        };
    }

    /// <summary>
    /// Labels printed in a run with their values in a run after them (a money block printed horizontally,
    /// labels stacked in one cell): when there are as many values (or value lines) as labels, each label
    /// is put right before its value, so the pairing below reads them in order. A diagnostic says so.
    /// </summary>
    private static List<RawItem> Stacked(List<RawItem> items, DiagnosticBag diagnostics)
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

            var values = new List<RawItem>();
            while (j < items.Count && items[j].Kind == RawKind.Value)
            {
                values.Add(items[j++]);
            }

            var byLine = values.GroupBy(v => v.Line).Select(g => g.ToList()).ToList();
            var groups = labels.Count >= 2 && values.Count == labels.Count ? values.Select(v => new List<RawItem> { v }).ToList()
                : labels.Count >= 2 && byLine.Count == labels.Count ? byLine : null;
            if (groups is null)
            {
                result.AddRange(items.Skip(k).Take(j - k));
            }
            else
            {
                result.AddRange(sides);
                for (var g = 0; g < labels.Count; g++)
                {
                    result.Add(labels[g] with { Paragraph = groups[g][0].Paragraph });
                    result.AddRange(groups[g]);
                }

                diagnostics.Info(labels[0].Line, DiagnosticCodes.LabelSplit, $"第{labels[0].Line}行：{labels.Count}个标签连印，其值按顺序在其后。");
            }

            k = j;
        }

        return result;
    }
}
