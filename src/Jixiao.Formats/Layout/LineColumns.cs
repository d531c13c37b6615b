using Jixiao.Domain.Values;

namespace Jixiao.Formats.Layout;

/// <summary>
/// The columns of the pieces of one line of an indicator table in <c>pdftotext -layout</c> text, by their
/// order as well as their place. pdftotext prints a line as wide as its characters need, so on a dense line
/// a piece can stand under the neighbouring column's header (gen0-022-chromium: <c>成本控制率 ≥0.00(%)</c> one
/// space apart, the target left of 指标值's gutter), but the pieces of a line are always in the columns'
/// order. Each line is aligned to the columns by a small dynamic programme: the pieces keep their order,
/// each costs its distance from its column, and a piece that cannot be in a column by what it says (a
/// target in 三级指标, a word in 得分) costs as much as being far away.
/// </summary>
internal static class LineColumns
{
    /// <summary>What a piece that cannot be what its column holds costs, in characters of distance.</summary>
    private const double Misfit = 12;

    /// <summary>What a second piece in a column already given one on the line costs: cells rarely hold a space.</summary>
    private const double Shared = 2.5;

    /// <summary>The column of each piece of each line; lines are the pieces with one top on one page.</summary>
    public static Dictionary<Cell, Column> Align(IEnumerable<Cell> pieces, Func<Cell, IReadOnlyDictionary<Column, (double Left, double Right)>> columnsAt)
    {
        var result = new Dictionary<Cell, Column>(ReferenceEqualityComparer.Instance);
        foreach (var line in pieces.GroupBy(c => (c.Page, c.Box.Top)))
        {
            var cells = line.OrderBy(c => c.Box.Left).ToList();
            var columns = columnsAt(cells[0]).OrderBy(kv => kv.Value.Left).ToList();
            if (columns.Count == 0)
            {
                continue;
            }

            foreach (var (cell, column) in cells.Zip(AlignLine(cells, columns)))
            {
                result[cell] = column;
            }
        }

        return result;
    }

    private static Column[] AlignLine(List<Cell> cells, List<KeyValuePair<Column, (double Left, double Right)>> columns)
    {
        int n = cells.Count, m = columns.Count;
        // cost[i, k]: best cost of the first i + 1 pieces with piece i in column k; from[i, k]: piece i - 1's column.
        var cost = new double[n, m];
        var from = new int[n, m];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < m; k++)
            {
                var own = Cost(cells[i], columns[k].Key, columns[k].Value);
                if (i == 0)
                {
                    cost[i, k] = own;
                    continue;
                }

                cost[i, k] = double.PositiveInfinity;
                for (var p = 0; p <= k; p++)
                {
                    var c = cost[i - 1, p] + own + (p == k ? Shared : 0);
                    if (c < cost[i, k])
                    {
                        cost[i, k] = c;
                        from[i, k] = p;
                    }
                }
            }
        }

        var result = new Column[n];
        var best = 0;
        for (var k = 1; k < m; k++)
        {
            if (cost[n - 1, k] < cost[n - 1, best])
            {
                best = k;
            }
        }

        for (var i = n - 1; i >= 0; i--)
        {
            result[i] = columns[best].Key;
            best = from[i, best];
        }

        return result;
    }

    private static double Cost(Cell cell, Column column, (double Left, double Right) range)
    {
        var x = cell.Box.CenterX;
        var distance = x < range.Left ? range.Left - x : x >= range.Right ? x - range.Right : 0;
        return distance + (Fits(cell, column) ? 0 : Misfit);
    }

    /// <summary>
    /// Whether a piece can be (part of) what a column holds. A 一级/二级 column holds pieces of level labels
    /// (<c>满意</c>, <c>度指</c>, <c>标</c>) and the table's side label (<c>绩效</c>/<c>指标</c>), nothing else
    /// (gen0-012-chromium: <c>奖励发放及时性</c> centred under 二级指标 on a continuation page).
    /// </summary>
    internal static bool Fits(Cell cell, Column column) => column switch
    {
        Column.Level1 or Column.Level2 => FormBuilder.IsLevelPiece(cell.Compact) || FormBuilder.IsLabelFragment(cell),
        Column.Name => !ComparisonOperators.StartsWithOperator(cell.Compact),
        Column.Weight or Column.Score => FormAssembler.Number(cell.Compact, out _) is not null || TextNormaliser.IsEmptyMark(cell.Compact),
        _ => true,
    };
}
