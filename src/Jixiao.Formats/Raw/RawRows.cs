using System.Text.RegularExpressions;
using Jixiao.Domain.Values;
using Jixiao.Formats.Disclosure;
using Jixiao.Formats.Layout;

namespace Jixiao.Formats.Raw;

/// <summary>One indicator row as read from raw text; a level label is kept only on the row it was printed beside.</summary>
public sealed record RawRow(string? Level1, string? Level2, string Name, string Target, string? Actual = null, string? Weight = null, string? Score = null, int Line = 0);

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
    public const int WrapWindow = 4;

    /// <summary>The longest rest of a wrapped name (characters): the shortest last line of a wrapped cell is short.</summary>
    public const int MaxWrapRest = 4;

    /// <summary>A name at least this much shorter than the widest is not full: it ended, it did not wrap.</summary>
    public const int FullSlack = 1;

    internal static List<RawRow> Read(List<RawItem> items, bool selfEvaluation, DiagnosticBag diagnostics, out List<string> trailing)
    {
        trailing = [];
        var values = Join(items, diagnostics);
        var costIsLevel1 = items.Any(i => i.Kind == RawKind.Level2 && i.Text.Contains("成本指标", StringComparison.Ordinal) && i.Text.Length > 4);

        // Streams.
        var pairs = new List<(int Pos, string Name, string Target, int Line)>();
        var actuals = new List<string>();
        var numbers = new List<string>();
        var nameOrTarget = new List<(int Pos, RawItem Item, RawValueKind Kind)>();
        for (var k = 0; k < values.Count; k++)
        {
            var (item, kind) = values[k];
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
                    nameOrTarget.Add((k, item, kind));
                    break;
            }
        }

        foreach (var p in Pair(nameOrTarget))
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

            var nearest = 0;
            for (var r = 1; r < pairs.Count; r++)
            {
                if (Math.Abs(pairs[r].Pos - k) <= Math.Abs(pairs[nearest].Pos - k))
                {
                    nearest = r;
                }
            }

            var text = Labels.Strip(item.Text);
            var level1 = item.Kind == RawKind.Level1 || costIsLevel1 && text == "成本指标";
            var row = rows[nearest];
            rows[nearest] = level1 ? row with { Level1 = row.Level1 ?? text } : row with { Level2 = row.Level2 ?? text };
        }

        _ = count;
        return rows;
    }

    /// <summary>
    /// Names and targets into rows. Each row is a name and a target, printed in either order; a text target
    /// is told from a name by how it reads. The cheapest split of the sequence into rows is kept.
    /// </summary>
    private static List<(int Pos, string Name, string Target, int Line)> Pair(List<(int Pos, RawItem Item, RawValueKind Kind)> seq)
    {
        var n = seq.Count;
        var cost = new double[n + 1];
        var step = new int[n + 1];
        Array.Fill(cost, double.PositiveInfinity);
        cost[0] = 0;
        for (var i = 0; i < n; i++)
        {
            if (double.IsPositiveInfinity(cost[i]))
            {
                continue;
            }

            var a = seq[i];
            // A lone item: a name without target or a target without name.
            Relax(i + 1, cost[i] + LoneCost, 1);
            if (i + 1 < n)
            {
                var b = seq[i + 1];
                var c = (a.Kind, b.Kind) switch
                {
                    (RawValueKind.Text, RawValueKind.Text) => Math.Min(NameCost(a.Item.Text) + TextTargetCost(b.Item.Text), SwapCost + NameCost(b.Item.Text) + TextTargetCost(a.Item.Text)),
                    (RawValueKind.Text, _) => NameCost(a.Item.Text),
                    (_, RawValueKind.Text) => SwapCost / 2 + NameCost(b.Item.Text),
                    _ => 2 * LoneCost,
                };
                Relax(i + 2, cost[i] + c, 2);
            }
        }

        var result = new List<(int, string, string, int)>();
        var at = n;
        var spans = new List<(int Start, int Length)>();
        while (at > 0)
        {
            spans.Add((at - step[at], step[at]));
            at -= step[at];
        }

        spans.Reverse();
        foreach (var (start, length) in spans)
        {
            var a = seq[start];
            if (length == 1)
            {
                result.Add(a.Kind == RawValueKind.Text ? (a.Pos, a.Item.Text, "", a.Item.Line) : (a.Pos, "", a.Item.Text, a.Item.Line));
                continue;
            }

            var b = seq[start + 1];
            if (a.Kind == RawValueKind.Text && b.Kind == RawValueKind.Text)
            {
                var straight = NameCost(a.Item.Text) + TextTargetCost(b.Item.Text);
                var swapped = SwapCost + NameCost(b.Item.Text) + TextTargetCost(a.Item.Text);
                result.Add(straight <= swapped ? (a.Pos, a.Item.Text, b.Item.Text, a.Item.Line) : (b.Pos, b.Item.Text, a.Item.Text, b.Item.Line));
            }
            else if (a.Kind == RawValueKind.Text)
            {
                result.Add((a.Pos, a.Item.Text, b.Item.Text, a.Item.Line));
            }
            else if (b.Kind == RawValueKind.Text)
            {
                result.Add((b.Pos, b.Item.Text, a.Item.Text, b.Item.Line));
            }
            else
            {
                result.Add((a.Pos, "", a.Item.Text, a.Item.Line));
                result.Add((b.Pos, "", b.Item.Text, b.Item.Line));
            }
        }

        return result;

        void Relax(int to, double c, int s)
        {
            if (c < cost[to])
            {
                cost[to] = c;
                step[to] = s;
            }
        }
    }

    /// <summary>Cost of a row with only a name or only a target: rare, so dear.</summary>
    private const double LoneCost = 6;

    /// <summary>Cost of a row printed target first (Chromium, when the name wraps and the target is centred).</summary>
    private const double SwapCost = 1;

    /// <summary>Endings of indicator names (what is measured).</summary>
    private static readonly string[] NameEndings = ["率", "性", "度", "数", "量", "次数", "时间", "数量", "人数", "天数", "金额", "成本", "面积", "比例", "周期", "情况", "效果", "费用", "时长", "件数", "户数", "能力"];

    /// <summary>How little a text reads like a name.</summary>
    private static double NameCost(string s)
    {
        var c = 0.0;
        if (NameEndings.Any(e => s.EndsWith(e, StringComparison.Ordinal)))
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
        if (NameEndings.Any(e => s.EndsWith(e, StringComparison.Ordinal)) && s.Length > 2)
        {
            c += 1.5;
        }

        return c;
    }

    /// <summary>What a value token looks like.</summary>
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
                var full = kind == RawValueKind.Text && text.Length >= widest - FullSlack && widest >= 6;
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
