namespace Jixiao.Formats.Layout;

/// <summary>
/// Rows of -layout text cut where each row's value line stands at its name's middle: pdftotext prints a wrapped
/// name's lines around its single-line value and interleaves them with the neighbouring rows' lines.
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
}
