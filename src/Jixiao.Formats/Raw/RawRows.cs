using Jixiao.Domain.Model;
using System.Text.RegularExpressions;
using Jixiao.Domain.Values;
using Jixiao.Formats.Disclosure;
using Jixiao.Formats.Layout;

namespace Jixiao.Formats.Raw;

/// <summary>One indicator row as read from raw text; a level label is kept only on the row it was printed beside.</summary>
/// <param name="Spanned">The levels were given to every row of their group (<see cref="RawRows"/> placed them): the grid prints each label once, centred over its rows.</param>
public sealed record RawRow(string? Level1, string? Level2, string Name, string Target, string? Actual = null, string? Weight = null, string? Score = null, int Line = 0, bool Spanned = false);

/// <summary>What a value token of the indicator table looks like.</summary>
public enum RawValueKind
{
    /// <summary>Free text: a name, a text target, a deviation.</summary>
    Text,

    /// <summary>A value led by an operator: a target (<c>≥90.00(%)</c>).</summary>
    Target,

    /// <summary>A number with a unit and no operator: an actual value (<c>85.00(%)</c>).</summary>
    Measure,

    /// <summary>A plain number: a weight or a score.</summary>
    Number,

    /// <summary>A text actual (<c>达成指标</c>).</summary>
    Achieved,

    /// <summary>An empty-cell mark (<c>-</c>, <c>/</c>).</summary>
    Empty,
}

/// <summary>
/// Stage 4 of the raw-text reader: the items of one form's indicator table to rows. Raw text keeps each
/// column's values in order but not the rows: a target may come before its name, names may come as one
/// block before the values. So values are sorted into streams by what they look like (targets, measured
/// actuals, weight/score numbers), names and text targets are told apart by a small dynamic programme over
/// their order, and the streams are zipped. A wrapped name's last piece (<c>告</c> after
/// <c>我市药品行政审批制度改革评估报</c>) is joined back to it. Every join is a diagnostic.
/// </summary>
public static partial class RawRows
{
    /// <summary>Items after a full-width name in which its wrapped rest is looked for (a row's other cells stand between).</summary>
    public const int WrapWindow = 6;

    /// <summary>The longest rest of a wrapped name (characters): the shortest last line of a wrapped cell is short.</summary>
    public const int MaxWrapRest = 4;

    /// <summary>A name at least this much shorter than the widest is not full: it ended, it did not wrap.</summary>
    public const int FullSlack = 1;

    /// <summary>Marks that end a clause: a name or a target is a noun phrase, a deviation (偏差原因分析) a sentence.</summary>
    private static readonly char[] ClauseMarks = ['，', '。', '；', ',', ';'];

    /// <summary>A 偏差原因分析 cell saying there is none: never an indicator's name or target (a target states a level, a name a measure).</summary>
    private static readonly string[] NoDeviation = ["无", "无偏差"];

    /// <summary>The most pieces a wrapped deviation runs on after its first clause mark before its 。 (a cell of three to four lines).</summary>
    public const int MaxSentenceRun = 3;

    /// <summary>
    /// Text pieces of a self-evaluation's table that belong to a 偏差原因分析 sentence: a piece with a clause mark
    /// (<c>采购流程较长，设备于</c>), and the pieces wrapped after it up to the one ending with 。 (<c>12月到货。</c>),
    /// each on a later line and next in order. Names and text targets (<c>及时</c>, <c>逐步提高</c>) have no clause marks.
    /// </summary>
    internal static bool[] Deviations(List<(RawItem Item, RawValueKind Kind)> values)
    {
        var marks = new bool[values.Count];
        for (var k = 0; k < values.Count; k++)
        {
            var (item, kind) = values[k];
            if (item.Kind == RawKind.Value && kind == RawValueKind.Text && Array.IndexOf(NoDeviation, item.Text.Trim()) >= 0)
            {
                marks[k] = true;
                continue;
            }

            if (item.Kind != RawKind.Value || kind != RawValueKind.Text || item.Text.IndexOfAny(ClauseMarks) < 0 || marks[k])
            {
                continue;
            }

            marks[k] = true;

            // Its first lines before it, one a line right above (LibreOffice: 采购流程较 / 7.08 长，设备于; 资金结余主 / 4 要为政府采 / 购节约。),
            // only a row's numbers between.
            var above = item.Line;
            var back = 0;
            for (var j = k - 1; j >= 0 && back < MaxSentenceRun; j--)
            {
                var prev = values[j];
                if (prev.Item.Kind == RawKind.Value && prev.Kind == RawValueKind.Number && prev.Item.Line == above)
                {
                    continue;
                }

                if (prev.Item.Kind != RawKind.Value || prev.Kind != RawValueKind.Text || prev.Item.Line != above - 1 || marks[j]
                    || prev.Item.Text.TrimEnd().EndsWith('。') || prev.Item.Text.TrimEnd().EndsWith('；'))
                {
                    break;
                }

                marks[j] = true;
                above = prev.Item.Line;
                back++;
            }

            var text = item.Text.TrimEnd();
            var line = item.Line;
            for (var j = k + 1; j < values.Count && j <= k + MaxSentenceRun && !text.EndsWith('。') && !text.EndsWith('；'); j++)
            {
                var next = values[j];
                if (next.Item.Kind != RawKind.Value || next.Kind != RawValueKind.Text || next.Item.Line <= line)
                {
                    break;
                }

                marks[j] = true;
                text = next.Item.Text.TrimEnd();
                line = next.Item.Line;
            }
        }

        return marks;
    }

    internal static List<RawRow> Read(List<RawItem> items, bool selfEvaluation, DiagnosticBag diagnostics, out List<string> trailing) =>
        Read(items, selfEvaluation, null, diagnostics, out trailing);

    /// <param name="budgetWeight">The money table's 分值 when read: the total weight is the rows' and its.</param>
    internal static List<RawRow> Read(List<RawItem> items, bool selfEvaluation, string? budgetWeight, DiagnosticBag diagnostics, out List<string> trailing)
    {
        trailing = [];
        var values = Join(items, diagnostics);
        var widest = values.Where(x => x.Item.Kind == RawKind.Value && x.Kind == RawValueKind.Text).Select(x => x.Item.Text.Length).DefaultIfEmpty(0).Max();
        var costIsLevel1 = items.Any(i => i.Kind == RawKind.Level2 && i.Text.Contains("成本指标", StringComparison.Ordinal) && i.Text.Length > 4);

        // Streams.
        var pairs = new List<(int Pos, string Name, string Target, int Line)>();
        var actuals = new List<string>();
        var numbers = new List<string>();
        var nameOrTarget = new List<Seq>();
        var targetBlock = false;
        var deviation = selfEvaluation ? Deviations(values) : new bool[values.Count];
        for (var k = 0; k < values.Count; k++)
        {
            var (item, kind) = values[k];
            if (deviation[k])
            {
                diagnostics.Info(item.Line, DiagnosticCodes.OrphanText, $"第{item.Line}行：“{item.Text}”是偏差原因的句子，不作指标名称或指标值。");
                continue;
            }

            if (item.Kind == RawKind.Header)
            {
                // A target column's header after names: the column follows as a block (Chromium across a page, LibreOffice).
                targetBlock = nameOrTarget.Count > 0 && Labels.IndicatorColumn(item.Text) is Column.Target or Column.Actual;
                continue;
            }

            if (item.Kind != RawKind.Value)
            {
                continue;
            }

            switch (kind)
            {
                case RawValueKind.Number:
                    numbers.Add(item.Text);
                    break;
                case RawValueKind.Measure when selfEvaluation:
                case RawValueKind.Achieved when selfEvaluation:
                    actuals.Add(item.Text);
                    break;
                case RawValueKind.Empty:
                    if (selfEvaluation)
                    {
                        actuals.Add("");
                    }

                    break;
                default:
                    var afterLevel = false;
                    for (var j = k - 1; j >= 0 && values[j].Item.Line == item.Line; j--)
                    {
                        afterLevel |= values[j].Item.Kind is RawKind.Level1 or RawKind.Level2;
                    }

                    var near = k > 0 && values[k - 1].Item.Kind is RawKind.Level1 or RawKind.Level2
                        || k + 1 < values.Count && values[k + 1].Item.Kind is RawKind.Level1 or RawKind.Level2;
                    var first = k == 0 || values[k - 1].Item.Line != item.Line;
                    var wrap = kind == RawValueKind.Text && first && Enumerable.Range(Math.Max(0, k - WrapWindow), k - Math.Max(0, k - WrapWindow))
                        .Any(j => values[j].Item.Kind == RawKind.Value && values[j].Kind == RawValueKind.Text && values[j].Item.Line < item.Line && values[j].Item.Text.Length >= widest - FullSlack);
                    // Right after a full-width name and one value (its row's target), on the name's line or its
                    // own (Chromium prints a wrapped name's first line, then the target, then the rest): almost
                    // surely the name's rest.
                    var closed = wrap && item.Text.Length <= MaxWrapRest && k > 0 && values[k - 1].Item.Kind == RawKind.Value
                        && values[k - 1].Item.Line < item.Line && (Enumerable.Range(Math.Max(0, k - 1 - WrapWindow), k - 1 - Math.Max(0, k - 1 - WrapWindow)).Any(j => values[j].Item.Line == values[k - 1].Item.Line
                            && values[j].Item.Kind == RawKind.Value && values[j].Kind == RawValueKind.Text && values[j].Item.Text.Length >= widest - FullSlack)
                            || k > 1 && values[k - 2].Item.Kind == RawKind.Value && values[k - 2].Kind == RawValueKind.Text && values[k - 2].Item.Text.Length >= widest - FullSlack);
                    nameOrTarget.Add(new Seq(k, item, kind, afterLevel ? LevelLineBonus : near ? NearLevelBonus : targetBlock ? -TargetBlockBonus : 0, wrap, closed));
                    break;
            }
        }

        nameOrTarget = FullRests(nameOrTarget, values);
        foreach (var p in Pair(nameOrTarget, widest, diagnostics))
        {
            pairs.Add(p);
        }

        var rows = new List<RawRow>();
        var weights = new List<(string W, string S)>();
        for (var k = 0; k + 1 < numbers.Count; k += 2)
        {
            weights.Add((numbers[k], numbers[k + 1]));
        }

        if (numbers.Count % 2 == 1)
        {
            trailing.Add(numbers[^1]);
        }
        else if (selfEvaluation && IsTotal(weights, budgetWeight))
        {
            // The 总分 row's two numbers printed before its label (calc-narrow: 100.00 99.97, then 总分):
            // its weight is the sum of the others'. Left to the reader as the totals, not taken as a row's.
            var (w, sc) = weights[^1];
            weights.RemoveAt(weights.Count - 1);
            trailing.Add(w);
            trailing.Add(sc);
            diagnostics.Info(values.Count > 0 ? values[^1].Item.Line : 0, DiagnosticCodes.OrphanText, $"“{w} {sc}”是其余分值之和，按总分读取。");
        }

        var count = selfEvaluation ? Math.Max(pairs.Count, Math.Min(weights.Count, pairs.Count + 1)) : pairs.Count;
        for (var r = 0; r < pairs.Count; r++)
        {
            var p = pairs[r];
            rows.Add(new RawRow(null, null, p.Name, p.Target,
                selfEvaluation && r < actuals.Count ? actuals[r] : null,
                selfEvaluation && r < weights.Count ? weights[r].W : null,
                selfEvaluation && r < weights.Count ? weights[r].S : null,
                p.Line));
        }

        if (selfEvaluation && weights.Count > pairs.Count)
        {
            foreach (var (w, s) in weights.Skip(pairs.Count))
            {
                trailing.Add(w);
                trailing.Add(s);
            }
        }

        // Levels: each label goes to the row whose name stands nearest to it in the text.
        for (var k = 0; k < values.Count && rows.Count > 0; k++)
        {
            var item = values[k].Item;
            if (item.Kind is not (RawKind.Level1 or RawKind.Level2))
            {
                continue;
            }

            // The row whose name follows on the label's line; else the row whose name stands nearest.
            var nearest = pairs.FindIndex(p => p.Pos > k && p.Line == item.Line);
            if (nearest < 0)
            {
                nearest = 0;
                for (var r = 1; r < pairs.Count; r++)
                {
                    if (Math.Abs(pairs[r].Pos - k) <= Math.Abs(pairs[nearest].Pos - k))
                    {
                        nearest = r;
                    }
                }
            }

            var text = Labels.Strip(item.Text);
            var level1 = item.Kind == RawKind.Level1 || costIsLevel1 && text == "成本指标";
            var row = rows[nearest];
            rows[nearest] = level1 ? row with { Level1 = row.Level1 ?? text } : row with { Level2 = row.Level2 ?? text };
        }

        _ = count;
        // 二级 labels printed as a block away from their rows: placed by their order and the rows' words.
        // (成本指标 is left out: it is also the 一级 label printed beside a cost group's 二级.)
        var namePlaces = pairs.Select(p => p.Pos).ToHashSet();
        var stream = values.Select((v, k) => (Pos: k, v.Item.Kind, Cost: Labels.Strip(v.Item.Text) == IndicatorLevels.Cost))
            .Where(x => x.Kind == RawKind.Level2 && !x.Cost || namePlaces.Contains(x.Pos))
            .Select(x => (x.Pos, x.Kind == RawKind.Level2)).ToList();
        if (rows.Count > 0 && RawLevels.Bunched(stream))
        {
            // Each label with the row whose name is printed on its line or a line next to it (Chromium prints a
            // wrapped label's pieces around its row's one-line name: 社会效益指 / 车辆正常运转率 / 标), else none.
            var labelled = values.Where(v => v.Item.Kind == RawKind.Level2)
                .Select(v => (Label: Canonical(Labels.Strip(v.Item.Text)), Anchor: pairs.FindIndex(p => Math.Abs(p.Line - v.Item.Line) <= RawLevels.AnchorLines), v.Item.Page))
                .ToList();
            for (var k = labelled.Count - 1; k > 0; k--)
            {
                // One label printed twice on a page is one group; on the next page it is the group's part there.
                if (labelled[k].Label == labelled[k - 1].Label && labelled[k].Page == labelled[k - 1].Page)
                {
                    labelled[k - 1] = labelled[k - 1] with { Anchor = labelled[k - 1].Anchor >= 0 ? labelled[k - 1].Anchor : labelled[k].Anchor };
                    labelled.RemoveAt(k);
                }
            }

            var hasCost = labelled.Any(l => RawLevels.Level1Of(l.Label) == IndicatorLevels.Cost);
            if (hasCost)
            {
                // 成本指标 is then the 一级 label of the cost group, not a group of its own.
                labelled.RemoveAll(l => l.Label == IndicatorLevels.Cost);
            }

            var labels = labelled.Select(l => l.Label).ToList();
            var pages = new RawLevels.Pages(RowPages(pairs, values), [.. labelled.Select(l => l.Page)]);
            if (RawLevels.Assign(rows, labels, diagnostics, labelled.Select(l => l.Anchor).ToList(), null, out _, pages) is { } assigned)
            {
                for (var r = 0; r < rows.Count; r++)
                {
                    var l1 = assigned[r] == IndicatorLevels.Cost && hasCost ? IndicatorLevels.Cost : RawLevels.Level1Of(assigned[r]);
                    rows[r] = rows[r] with { Level1 = l1, Level2 = assigned[r] == IndicatorLevels.Cost && hasCost ? null : assigned[r] };
                }
            }
        }
        else if (rows.Count > 0)
        {
            Placed(rows, values, pairs, diagnostics);
        }

        return rows;
    }

    /// <summary>
    /// 二级 labels printed among their rows: each over the rows whose middle its place is (<see
    /// cref="RawLevels.PlaceCost"/>), every row given its label and the 一级 above it. Left to the assembler, a
    /// label on one row is centred on that row, and a group of two whose label stands on its first row loses
    /// its second row to the next label (chromium-horizontal-money: 基金监管宣传月系列活动计划完成数 under 质量指标).
    /// </summary>
    private static void Placed(List<RawRow> rows, List<(RawItem Item, RawValueKind Kind)> values, List<(int Pos, string Name, string Target, int Line)> pairs, DiagnosticBag diagnostics)
    {
        var placed = values.Where(v => v.Item.Kind == RawKind.Level2)
            .Select(v => (Label: Canonical(Labels.Strip(v.Item.Text)), Place: Place(v.Item.Line), v.Item.Page))
            .ToList();
        if (placed.Count == 0)
        {
            return;
        }

        if (placed.Any(l => RawLevels.Level1Of(l.Label) == IndicatorLevels.Cost))
        {
            // 成本指标 is then the 一级 label of the cost group, not a group of its own.
            placed.RemoveAll(l => l.Label == IndicatorLevels.Cost);
        }

        for (var k = placed.Count - 1; k > 0; k--)
        {
            // One label read twice at one place (its pieces); a group cut by a page break prints it once a page, rows apart.
            if (placed[k].Label == placed[k - 1].Label && Math.Abs(placed[k].Place - placed[k - 1].Place) < 1)
            {
                placed.RemoveAt(k);
            }
        }

        var said = diagnostics.Count;
        var pages = new RawLevels.Pages(RowPages(pairs, values), [.. placed.Select(l => l.Page)]);
        if (RawLevels.Assign(rows, [.. placed.Select(l => l.Label)], diagnostics, null, [.. placed.Select(l => (double?)l.Place)], out var misplaced, pages) is not { } assigned
            || misplaced > RawLevels.MaxMisplaced)
        {
            // Labels away from where merged cells print them (rows read in pieces, a label column printed apart):
            // each stays on the row it stands nearest, for the assembler to centre.
            diagnostics.Truncate(said);
            return;
        }

        for (var r = 0; r < rows.Count; r++)
        {
            rows[r] = rows[r] with { Level1 = RawLevels.Level1Of(assigned[r]) ?? rows[r].Level1, Level2 = assigned[r], Spanned = true };
        }

        // The row whose name is on the label's line, else half a row above the first row below it.
        double Place(int line)
        {
            var on = pairs.FindIndex(p => p.Line == line);
            return on >= 0 ? on : pairs.Count(p => p.Line < line) - 0.5;
        }
    }

    /// <summary>The page each row's name is printed on.</summary>
    private static List<int> RowPages(List<(int Pos, string Name, string Target, int Line)> pairs, List<(RawItem Item, RawValueKind Kind)> values) =>
        [.. pairs.Select(p => values[Math.Clamp(p.Pos, 0, values.Count - 1)].Item.Page)];

    private static string Canonical(string level2) => IndicatorLevels.Level2Aliases.TryGetValue(level2, out var c) ? c : level2;

    /// <summary>
    /// Names and targets into rows. Raw text keeps each column's order (a row's target may come just before
    /// its name, or all targets as a block after all names), so the text items are classed as name, text
    /// target or the wrapped rest of the name before, and the two streams are zipped. The classing is the
    /// cheapest one (by how each text reads, and whether it stands on a line after a 一级/二级 label, as names
    /// do) that gives as many names as targets and never lets targets lead names by more than
    /// <see cref="MaxLead"/>.
    /// </summary>
    private static List<(int Pos, string Name, string Target, int Line)> Pair(List<Seq> seq, int widest, DiagnosticBag diagnostics)
    {
        var n = seq.Count;
        const int Off = MaxLead;
        var width = Math.Min(n, MaxRun) + Off + 2;
        var cost = new double[n + 1, width];
        var from = new byte[n + 1, width];
        for (var i = 0; i <= n; i++)
        {
            for (var d = 0; d < width; d++)
            {
                cost[i, d] = double.PositiveInfinity;
            }
        }

        cost[0, Off] = 0;
        for (var i = 0; i < n; i++)
        {
            var x = seq[i];
            var text = x.Item.Text;
            // Once per item, not per state: the table is items × run width, and these scan every name ending.
            var asName = x.Kind == RawValueKind.Text ? NameCost(text) - x.Bonus : 0;
            var asTarget = x.Kind == RawValueKind.Text ? TextTargetCost(text) + x.Bonus : 0;
            for (var d = 0; d < width; d++)
            {
                var c0 = cost[i, d];
                if (double.IsPositiveInfinity(c0))
                {
                    continue;
                }

                var lead = d - Off;
                var spread = Math.Max(0, Math.Abs(lead) - 1) * SpreadCost;
                if (x.Kind != RawValueKind.Text)
                {
                    Relax(i, d - 1, c0 + spread, Class.Target);
                    continue;
                }

                Relax(i, d + 1, c0 + spread + asName, Class.Name);
                Relax(i, d - 1, c0 + spread + asTarget, Class.Target);
                if (x.FullRest)
                {
                    Relax(i, d, c0 + spread + FullRestCost, Class.Rest);
                }
                else if (x.WrapCandidate)
                {
                    Relax(i, d, c0 + spread + (x.ClosedLine ? ClosedWrapCost : WrapCost), Class.Rest);
                }
            }
        }

        // The end: as many names as targets, or the nearest count.
        var end = Off;
        for (var k = 1; k < width && double.IsPositiveInfinity(cost[n, end]); k++)
        {
            if (Off + k < width && !double.IsPositiveInfinity(cost[n, Off + k]))
            {
                end = Off + k;
            }
            else if (Off - k >= 0 && !double.IsPositiveInfinity(cost[n, Off - k]))
            {
                end = Off - k;
            }
        }

        var classes = new Class[n];
        for (int i = n, d = end; i > 0; i--)
        {
            var c = (Class)from[i, d];
            classes[i - 1] = c;
            d -= c switch { Class.Name => 1, Class.Target => -1, _ => 0 };
            if (d < 0 || d >= width)
            {
                break;
            }
        }

        var names = new List<(int Pos, string Text, int Line)>();
        var targets = new List<string>();
        var last = Class.Name;
        for (var i = 0; i < n; i++)
        {
            switch (classes[i])
            {
                case Class.Name:
                    names.Add((seq[i].Pos, seq[i].Item.Text, seq[i].Item.Line));
                    last = Class.Name;
                    break;
                case Class.Target:
                    targets.Add(seq[i].Item.Text);
                    last = Class.Target;
                    break;
                case Class.Rest when seq[i].FullRest && last == Class.Target && targets.Count > 0:
                    // A wrapped text target's rest (不高于往年 / 水平).
                    targets[^1] += seq[i].Item.Text;
                    diagnostics.Info(seq[i].Item.Line, DiagnosticCodes.WrappedCell, $"第{seq[i].Item.Line}行：折行的指标值“{targets[^1]}”已合并。");
                    break;
                case Class.Rest when names.Count > 0:
                    names[^1] = (names[^1].Pos, names[^1].Text + seq[i].Item.Text, names[^1].Line);
                    diagnostics.Info(seq[i].Item.Line, DiagnosticCodes.WrappedCell, $"第{seq[i].Item.Line}行：折行的指标名称“{names[^1].Text}”已合并。");
                    break;
                default:
                    names.Add((seq[i].Pos, seq[i].Item.Text, seq[i].Item.Line));
                    break;
            }
        }

        var result = new List<(int, string, string, int)>();
        for (var r = 0; r < Math.Max(names.Count, targets.Count); r++)
        {
            var (pos, name, line) = r < names.Count ? names[r] : (seq[^1].Pos, "", seq[^1].Item.Line);
            result.Add((pos, name, r < targets.Count ? targets[r] : "", line));
        }

        return result;

        void Relax(int i, int d, double c, Class cls)
        {
            if (d < 0 || d >= width)
            {
                return;
            }

            if (c < cost[i + 1, d])
            {
                cost[i + 1, d] = c;
                from[i + 1, d] = (byte)cls;
            }
        }
    }

    /// <summary>A text item of the indicator table, with what its line tells.</summary>
    private sealed record Seq(int Pos, RawItem Item, RawValueKind Kind, double Bonus, bool WrapCandidate, bool ClosedLine, bool FullRest = false);

    /// <summary>Lines a wrapped cell's next line may stand below its line (pieces of a neighbouring label cell's wrapped text between: 零售药店家庭废 / 标 / 标 / 弃药品回收箱制).</summary>
    public const int MaxWrapLineGap = 3;

    /// <summary>
    /// The fewest wrapped lines of one width (see <see cref="FullWidth"/>) that make it a column's width: two
    /// names of one length followed by text targets are common, three wrapped cells of one width in a table
    /// without wraps are not.
    /// </summary>
    public const int MinFullHeads = 3;

    /// <summary>
    /// The width (<see cref="LayoutTextCells.Width"/>: 2 a CJK character) of the table's full lines. A text
    /// followed on the next lines (no blank line) by another text, with no value between, is a wrapped cell's
    /// line or a name then its text target. A wrapped column's lines all have the column's width (CJK text
    /// fills a line to the character); other pairs have scattered widths. So: the widest width of at least
    /// <see cref="MinFullHeads"/> such heads, and of at least one in <see cref="FullHeadShare"/> of them, that
    /// at most <see cref="MaxWiderTexts"/> of the table's texts (<paramref name="widths"/>) exceed; else none
    /// (calc-narrow: 6 characters, chromium-narrow-uming: 7, gen0-012-chromium: 15).
    /// </summary>
    internal static int? FullWidth(IReadOnlyList<int> heads, IReadOnlyList<int> widths)
    {
        // Most such pairs are wrapped lines where a column wraps; a column printed as a block of one-line names
        // has pairs of every width (chromium-long-thead: three names of the widest width among 20).
        foreach (var g in heads.GroupBy(w => w).Where(g => g.Count() >= MinFullHeads && g.Count() * FullHeadShare >= heads.Count).OrderByDescending(g => g.Key))
        {
            // No column is narrower than its widest text: a column of one-line names has names wider than its
            // common width (gen0-028-chromium's names printed as a block, many of 9 characters).
            if (widths.Count(w => w > g.Key + 1) <= MaxWiderTexts)
            {
                return g.Key;
            }
        }

        return null;
    }

    /// <summary>The full width's heads are at least 1 in this many of all the texts followed by a text.</summary>
    public const int FullHeadShare = 2;

    /// <summary>Texts wider than a full width that may stand among the rows (a group heading of the next form, a goal's line).</summary>
    public const int MaxWiderTexts = 1;

    private static int Width(string s) => s.Sum(LayoutTextCells.Width);

    /// <summary>
    /// Texts that continue the text right before them: on one of the next <see cref="MaxWrapLineGap"/> lines
    /// with no blank line between (a cell's lines are one block of raw text; a row's next cell starts its
    /// own), no value between, after a line of the table's full width (<see cref="FullWidth"/>; a half-width
    /// character off for a line holding Latin letters or digits, whose widths differ from font to font).
    /// </summary>
    private static List<Seq> FullRests(List<Seq> seq, List<(RawItem Item, RawValueKind Kind)> values)
    {
        bool Adjacent(int i) => i > 0 && seq[i].Kind == RawValueKind.Text && seq[i - 1].Kind == RawValueKind.Text
            && seq[i].Item.Line > seq[i - 1].Item.Line && seq[i].Item.Line - seq[i - 1].Item.Line <= MaxWrapLineGap && seq[i].Item.Paragraph == seq[i - 1].Item.Paragraph
            && Enumerable.Range(seq[i - 1].Pos + 1, Math.Max(0, seq[i].Pos - seq[i - 1].Pos - 1)).All(j => values[j].Item.Kind != RawKind.Value);

        var heads = Enumerable.Range(1, Math.Max(0, seq.Count - 1)).Where(Adjacent).Select(i => Width(seq[i - 1].Item.Text)).ToList();
        if (FullWidth(heads, [.. seq.Where(x => x.Kind == RawValueKind.Text).Select(x => Width(x.Item.Text))]) is not { } full)
        {
            return seq;
        }

        var result = new List<Seq>(seq.Count);
        for (var i = 0; i < seq.Count; i++)
        {
            var head = i > 0 ? seq[i - 1].Item.Text : "";
            var isFull = Width(head) == full || Math.Abs(Width(head) - full) == 1 && head.Any(c => LayoutTextCells.Width(c) == 1);
            // A whole name then its text target (培训人员技能提升情况 / 有所提升): the head reads as a name, the rest
            // does not end as one.
            var nameThenTarget = i > 0 && EndsAsName(head) && !EndsAsName(seq[i].Item.Text);
            result.Add(Adjacent(i) && isFull && !nameThenTarget ? seq[i] with { FullRest = true } : seq[i]);
        }

        return result;
    }

    private enum Class : byte
    {
        Name,
        Target,
        Rest,
    }

    /// <summary>
    /// The most names the programme lets run ahead of their targets (a column printed as a block of this many
    /// rows): bounds its work to items × <see cref="MaxRun"/> (the longest seed form has 40 rows).
    /// </summary>
    public const int MaxRun = 300;

    /// <summary>How many targets may be printed before their names (Chromium puts a single-line target above a wrapped name's first line).</summary>
    private const int MaxLead = 1;

    /// <summary>Cost per row that names run ahead of targets beyond one: rows interleave unless the counts say the columns come as blocks.</summary>
    private const double SpreadCost = 0.02;

    /// <summary>A text on the line of a 一级/二级 label, after it, is the row's name (Chromium prints them on one line).</summary>
    private const double LevelLineBonus = 1.5;

    /// <summary>A text next to a 一级/二级 label in the text (Chromium prints a merged label's pieces among the names).</summary>
    private const double NearLevelBonus = 0.75;

    /// <summary>A text after the target column's header printed after names: a target (the column comes as a block).</summary>
    private const double TargetBlockBonus = 1.5;

    /// <summary>
    /// Cost (a bonus) of taking a text right after a full-width line (<see cref="FullWidth"/>) as that cell's
    /// rest: more than any name or target reading of a text gains, less than a closed wrap.
    /// </summary>
    private const double FullRestCost = -2.0;

    /// <summary>Cost of taking a text as the wrapped rest of the name before it.</summary>
    private const double WrapCost = 1.0;

    /// <summary>
    /// Cost (a bonus) of taking a short text as the wrapped rest of a full-width name when just one value (its
    /// row's target) stands between them: gen0-012-chromium, <c>外出调研相关各省市带量采购工作 ≥5.00（人次）</c>
    /// then <c>经验</c>; <c>对于建立健全本市医药保障体系的</c>, <c>影响力扩大</c>, <c>影响</c>. -0.5 left most
    /// such rests to be read as targets (seed 0 +0.07 points against +0.45 at -2.5).
    /// </summary>
    private const double ClosedWrapCost = -2.5;

    /// <summary>Endings of indicator names (what is measured).</summary>
    private static readonly string[] NameEndings = ["率", "性", "度", "数", "量", "次数", "时间", "数量", "人数", "天数", "金额", "成本", "面积", "比例", "周期", "情况", "效果", "费用", "时长", "件数", "户数", "能力"];

    private static bool EndsAsName(string s) => NameEndings.Any(e => s.EndsWith(e, StringComparison.Ordinal));

    /// <summary>How little a text reads like a name.</summary>
    private static double NameCost(string s)
    {
        var c = 0.0;
        if (EndsAsName(s))
        {
            c -= 1;
        }

        if (s.Length <= 3)
        {
            c += 1.5;
        }

        return c;
    }

    /// <summary>How little a text reads like a text target (short words: 及时, 提升, 符合合同约定).</summary>
    private static double TextTargetCost(string s)
    {
        var c = s.Length <= 4 ? 0.0 : 0.25 * (s.Length - 4);
        if (EndsAsName(s) && s.Length > 2)
        {
            c += 1.5;
        }

        return c;
    }

    /// <summary>What a value token looks like.</summary>
    /// <summary>How far the total weight may differ from the sum of the rows' weights (rounding of printed decimals).</summary>
    public const decimal TotalTolerance = 0.01m;

    /// <summary>The total weight of a self-evaluation (every form in the zoos): no row's weight reaches it.</summary>
    public const decimal FullWeight = 100m;

    /// <summary>Whether the last weight/score pair is the total: its weight the sum of the others' or <see cref="FullWeight"/> (at least two rows).</summary>
    internal static bool IsTotal(IReadOnlyList<(string W, string S)> weights, string? budgetWeight = null)
    {
        if (weights.Count < 3 || Number(weights[^1].W) is not { } total || Number(weights[^1].S) is not { } score)
        {
            return false;
        }

        decimal sum = 0;
        for (var k = 0; k < weights.Count - 1; k++)
        {
            if (Number(weights[k].W) is not { } w || Number(weights[k].S) is null)
            {
                return false;
            }

            sum += w;
        }

        // The sum of the others', or the full 100 when the budget's weight is printed apart (calc-narrow: 90 + 10).
        // Or the others' and the money table's 分值 together (forms whose total is not 100: 76 = 66 + 10).
        var budget = budgetWeight is null ? null : Number(budgetWeight);
        return total > 0 && score <= total && (Math.Abs(total - sum) <= TotalTolerance || total == FullWeight && sum < FullWeight
            || budget is > 0 && Math.Abs(total - sum - budget.Value) <= TotalTolerance);

        static decimal? Number(string s) => decimal.TryParse(s.Replace(",", "", StringComparison.Ordinal), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    public static RawValueKind KindOf(string s)
    {
        if (TextNormaliser.IsEmptyMark(s))
        {
            return RawValueKind.Empty;
        }

        if (ComparisonOperators.IsStart(s[0]) || s[0] == '≠')
        {
            return RawValueKind.Target;
        }

        if (PlainNumber().IsMatch(s))
        {
            return RawValueKind.Number;
        }

        if (Measure().IsMatch(s))
        {
            return RawValueKind.Measure;
        }

        if (s.StartsWith("达成", StringComparison.Ordinal) || s.StartsWith("部分达成", StringComparison.Ordinal) || s.StartsWith("未达成", StringComparison.Ordinal))
        {
            return RawValueKind.Achieved;
        }

        return RawValueKind.Text;
    }

    /// <summary>
    /// Value tokens joined where a cell wrapped: a value whose bracket is still open takes the pieces that
    /// close it; a name as wide as the widest takes the short first piece of a later line.
    /// </summary>
    private static List<(RawItem Item, RawValueKind Kind)> Join(List<RawItem> items, DiagnosticBag diagnostics)
    {
        var list = items.Select(i => (Item: i, Kind: i.Kind == RawKind.Value ? KindOf(i.Text) : RawValueKind.Text)).ToList();
        var firstOnLine = new bool[list.Count];
        for (var k = 0; k < list.Count; k++)
        {
            firstOnLine[k] = k == 0 || list[k - 1].Item.Line != list[k].Item.Line;
        }

        var widest = list.Where(x => x.Item.Kind == RawKind.Value && x.Kind == RawValueKind.Text).Select(x => x.Item.Text.Length).DefaultIfEmpty(0).Max();
        var used = new bool[list.Count];
        var result = new List<(RawItem, RawValueKind)>();
        for (var k = 0; k < list.Count; k++)
        {
            if (used[k])
            {
                continue;
            }

            var (item, kind) = list[k];
            if (item.Kind == RawKind.Value)
            {
                var text = item.Text;
                var open = Open(text);
                var full = false;
                for (var j = k + 1; j < list.Count && j <= k + WrapWindow && (open || full); j++)
                {
                    var next = list[j];
                    if (used[j] || next.Item.Kind != RawKind.Value || !firstOnLine[j] || next.Item.Line <= item.Line)
                    {
                        continue;
                    }

                    if (open && (next.Item.Text.Contains(')') || next.Item.Text.Contains('）')) && next.Kind is RawValueKind.Text && next.Item.Text.Length <= 12)
                    {
                        text += next.Item.Text;
                        used[j] = true;
                        open = false;
                        diagnostics.Info(next.Item.Line, DiagnosticCodes.WrappedCell, $"第{next.Item.Line}行：折行的值“{text}”已合并。");
                    }
                    else if (full && next.Kind == RawValueKind.Text && next.Item.Text.Length <= MaxWrapRest)
                    {
                        text += next.Item.Text;
                        used[j] = true;
                        full = false;
                        diagnostics.Info(next.Item.Line, DiagnosticCodes.WrappedCell, $"第{next.Item.Line}行：折行的指标名称“{text}”已合并。");
                    }
                }

                item = item with { Text = text };
                kind = KindOf(text);
            }

            result.Add((item, kind));
        }

        return result;
    }

    private static bool Open(string s) => s.LastIndexOfAny(['(', '（']) > s.LastIndexOfAny([')', '）']);

    [GeneratedRegex(@"^-?\d{1,12}(?:,\d{3})*(?:\.\d{1,6})?$")]
    private static partial Regex PlainNumber();

    [GeneratedRegex(@"^\d{1,12}(?:,\d{3})*(?:\.\d{1,6})?(?:%|[(（][^()（）]{1,20}[)）]?)$")]
    private static partial Regex Measure();
}
