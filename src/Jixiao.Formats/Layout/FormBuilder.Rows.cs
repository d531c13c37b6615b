namespace Jixiao.Formats.Layout;

/// <summary>
/// Rows of -layout text cut where each row's value line stands at its name's middle: pdftotext prints a wrapped
/// name's lines around its single-line value and interleaves them with the neighbouring rows' lines. A value
/// wrapped in its own column is joined first (<see cref="LayoutTargetUnits"/>) and cut about the rows the same way.
/// </summary>
internal sealed partial class FormBuilder
{
    /// <summary>Weight of a row's imbalance (name lines above its value line minus those below) against the
    /// likelihood of its joins: a wrapped cell's single-line value is printed at the cell's middle, so a name line
    /// between two rows' value lines goes with the row it balances (gen0-000-chromium: 医保系统内（含中心 above
    /// 内）统计分析查询按时 ≥85.00(%), not below 系统安全扫描、保养 =1.00(次/季)).</summary>
    private const double ImbalanceCost = 1.0;

    /// <summary>How many more name lines are expected below a value line than above it. A name of an even number
    /// of lines has its value on one of its two middle lines (chromium-long-thead: 政府信息公开 ≥1(次) over
    /// 相关调研次数); leaning to the upper one (0.25) lost 0.3–1 points of the tuning sets, the join likelihood
    /// settles these ties better.</summary>
    private const double EvenLean = 0;

    /// <summary>Weight of a join's likelihood (<see cref="JoinLikelihood"/>) against a row's imbalance: small, it
    /// breaks ties.</summary>
    private const double LikelihoodWeight = 0.01;

    /// <summary>Cost of joining two name lines with more than <see cref="BlankLines"/> lines between them.</summary>
    private const double BlankJoinCost = 10;

    /// <summary>A gap of more than this many lines between two name lines ends a row (one blank line does not:
    /// pdftotext leaves one inside a tall cell).</summary>
    private const double BlankLines = 1.5;

    /// <summary>Cost of carrying a name on after a short line: a cell's text fills each line but its last, so a line
    /// well short of the column's width ends its name (chromium-long-thead: 直属单位审计 / 覆盖率 then 政务网站信息,
    /// where balancing alone made 覆盖率 the first of three lines centred on the next row's value line). More than
    /// the imbalance a chain of two-line names shifted by one row saves, less than a blank gap.</summary>
    private const double ShortJoinCost = 3;

    /// <summary>A name line is short when its display width (CJK two columns) is under this share of the widest
    /// name line of the table: a wrapped line falls short of the column by a character or a word, never by a third.</summary>
    private const double ShortLine = 0.7;

    /// <summary>Which name pieces end a line that is short (<see cref="ShortLine"/>); pieces of one line split at a space count together.</summary>
    private static bool[] ShortLines(List<Cell> ordered)
    {
        var width = ordered.GroupBy(c => (c.Page, c.Box.Top))
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Compact.Sum(LayoutTextCells.Width)));
        var widest = width.Values.DefaultIfEmpty(0).Max();
        return ordered.Select(c => widest > 0 && width[(c.Page, c.Box.Top)] < ShortLine * widest).ToArray();
    }

    /// <summary>
    /// The joins that cut the name lines into one run a value (target or 得分) line, each run as balanced about
    /// its value line as it can be (<see cref="ImbalanceCost"/>), ties going to the likelier joins; a name line
    /// printed on another row's value line stays out of the run. Null when the runs cannot be made.
    /// </summary>
    internal static HashSet<int>? BalancedJoins(List<Cell> ordered, List<Cell> anchors, Dictionary<int, double> likelihood)
    {
        var (n, m) = (ordered.Count, anchors.Count);
        if (m == 0 || n < m)
        {
            return null;
        }

        // The anchor whose line a name line stands on, if any.
        var onLine = ordered.Select(c => anchors.FindIndex(a => a.Page == c.Page && a.Box.Top == c.Box.Top)).ToArray();
        var shortLine = ShortLines(ordered);
        double RunCost(int k, int from, int to)
        {
            var anchor = anchors[k];
            var (above, below) = (0, 0);
            var cost = 0.0;
            for (var i = from; i < to; i++)
            {
                if (onLine[i] >= 0 && onLine[i] != k)
                {
                    return double.PositiveInfinity;
                }

                if (ordered[i].Box.Top < anchor.Box.Top)
                {
                    above++;
                }
                else if (ordered[i].Box.Top > anchor.Box.Top)
                {
                    below++;
                }

                if (i > from)
                {
                    var gap = ordered[i].Box.Top - ordered[i - 1].Box.Bottom;
                    cost += gap > BlankLines ? BlankJoinCost : 0;
                    cost += shortLine[i - 1] && ordered[i].Box.Top != ordered[i - 1].Box.Top ? ShortJoinCost : 0;
                    cost -= LikelihoodWeight * likelihood.GetValueOrDefault(i - 1);
                }
            }

            return cost + ImbalanceCost * Math.Abs(below - above - EvenLean);
        }

        var best = new double[m + 1, n + 1];
        var cut = new int[m + 1, n + 1];
        for (var k = 0; k <= m; k++)
        {
            for (var j = 0; j <= n; j++)
            {
                best[k, j] = double.PositiveInfinity;
            }
        }

        best[0, 0] = 0;
        for (var k = 1; k <= m; k++)
        {
            for (var j = k; j <= n - (m - k); j++)
            {
                for (var i = k - 1; i < j; i++)
                {
                    if (double.IsPositiveInfinity(best[k - 1, i]))
                    {
                        continue;
                    }

                    var c = best[k - 1, i] + RunCost(k - 1, i, j);
                    if (c < best[k, j])
                    {
                        (best[k, j], cut[k, j]) = (c, i);
                    }
                }
            }
        }

        if (double.IsPositiveInfinity(best[m, n]))
        {
            return null;
        }

        var joins = Enumerable.Range(0, n - 1).ToHashSet();
        for (var (k, j) = (m, n); k > 0; k--)
        {
            var i = cut[k, j];
            if (i > 0)
            {
                joins.Remove(i - 1);
            }

            j = i;
        }

        return joins;
    }

    /// <summary>How many lines below the last piece of a wrapped -layout target its next piece may stand: pdftotext
    /// prints the lines of a cell two apart when a neighbouring cell's lines fall between them (gen149-002-chromium:
    /// =8133.00(元/每 and 家) with the 二级 label's 成本 between).</summary>
    private const double MaxTargetStep = 2;

    /// <summary>
    /// The targets of -layout text as cells: a piece the one above says goes on (<see cref="TargetGoesOn"/>:
    /// an unclosed bracket, <c>=8133.00(元/每</c> / <c>家)</c>) within <see cref="MaxTargetStep"/> lines below it and
    /// under it joins it, so a wrapped target counts as one row.
    /// </summary>
    private static List<List<Cell>> LayoutTargetUnits(List<Cell> targets)
    {
        var units = new List<List<Cell>>();
        foreach (var t in targets.OrderBy(c => c.Page).ThenBy(c => c.Box.Top).ThenBy(c => c.Box.Left))
        {
            if (units.Count > 0 && units[^1][^1] is var last && last.Page == t.Page && t.Box.Top > last.Box.Top
                && t.Box.Top - last.Box.Top <= MaxTargetStep && t.Box.Left < last.Box.Right && t.Box.Right > units[^1][0].Box.Left
                && TargetGoesOn(string.Concat(units[^1].Select(c => c.Compact)), t.Compact) == true && !OpensOwnBracket(t.Compact))
            {
                units[^1].Add(t);
                continue;
            }

            units.Add([t]);
        }

        return units;
    }

    /// <summary>
    /// The values of a -layout self-evaluation's column cut into one run a 得分 line, as the names are
    /// (<see cref="BalancedJoins"/>; a wrapped value's pieces <see cref="LayoutTargetUnits"/> joined stay together): a
    /// value wrapped over two lines stands around its row's line, not nearest the row above (gen149-014-calc:
    /// 各项医保经办工 / 作顺利开展 a line above and below its row's 达成指标 5.00 5.00); ties go to the likelier joins
    /// (a value printed at its row's top: 确保软件正常 / 使用, gen149-009-chromium). Null unless each row gets a run,
    /// none holding a piece on another row's line.
    /// </summary>
    private static List<Cell>[]? ValuesAtScores(List<Row> rows, List<List<Cell>> units)
    {
        // A joined unit stands at its first line, its text whole.
        var wholes = units.Select(u => u.Count == 1 ? u[0] : new Cell(u[0].Page, u[0].Box, string.Concat(u.Select(c => c.Text)), u[0].Line, u[0].Whole, u[0].Unit)).ToList();
        var anchors = rows.Select(r => r.Anchor).ToList();
        if (BalancedJoins(wholes, anchors, JoinLikelihood(wholes, anchors).ToDictionary(x => x.Index, x => x.Score)) is not { } joins)
        {
            return null;
        }

        var result = rows.Select(_ => new List<Cell>()).ToArray();
        for (var (i, k) = (0, -1); i < units.Count; i++)
        {
            k += i > 0 && joins.Contains(i - 1) ? 0 : 1;
            result[k].AddRange(units[i]);
        }

        return result;
    }

    /// <summary>Values joined into cells (<see cref="LayoutTargetUnits"/>), each given whole to the row its middle stands nearest.</summary>
    private static List<Cell>[] AssignUnits(List<Row> rows, List<List<Cell>> units, Action<Cell, int>? carried) =>
        AssignWhole(rows, units, UnitAnchor, carried);

    /// <summary>
    /// Cells of several pieces, each given whole to one row (<see cref="Assign"/>) by the piece <paramref name="whole"/>
    /// makes of it; the rows get the cells' pieces.
    /// </summary>
    private static List<Cell>[] AssignWhole(List<Row> rows, List<List<Cell>> units, Func<List<Cell>, Cell> whole, Action<Cell, int>? carried)
    {
        var unitOf = new Dictionary<Cell, List<Cell>>(ReferenceEqualityComparer.Instance);
        var wholes = new List<Cell>(units.Count);
        foreach (var unit in units)
        {
            var w = whole(unit);
            unitOf[w] = unit;
            wholes.Add(w);
        }

        return [.. Assign(rows, wholes, carried).Select(row => row.SelectMany(w => unitOf[w]).ToList())];
    }

    /// <summary>
    /// Whether a piece opens a bracket of its own after some text and before it closes one: a value with its own
    /// unit (<c>505.00(批次)</c>), never the rest of an unclosed one above it (raw text read as -layout,
    /// gen149-003-chromium: every 实际完成值 after 20525.00(批 was joined to it). A bare unit (<c>(件)</c>) may
    /// still end the quantity above.
    /// </summary>
    internal static bool OpensOwnBracket(string piece) => piece.IndexOfAny(['(', '（', ')', '）']) is var i and > 0 && piece[i] is '(' or '（';

    /// <summary>The line a -layout target stands for among the name lines: its own, or the middle of a wrapped one's lines.</summary>
    private static Cell UnitAnchor(List<Cell> unit) => unit.Count == 1 ? unit[0]
        : unit[0] with { Box = unit[0].Box with { Top = (unit[0].Box.Top + unit[^1].Box.Top) / 2, Bottom = (unit[0].Box.Bottom + unit[^1].Box.Bottom) / 2 } };
}
