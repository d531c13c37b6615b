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

            foreach (var (cell, column) in cells.Zip(AlignLine(cells, columns, out _)))
            {
                result[cell] = column;
            }
        }

        return result;
    }

    /// <summary>
    /// How much further right (characters) than the lines of a wrapped cell above and below it a piece must start
    /// to be read as the next column's: a wrapped cell's lines start together (left-aligned) or centre together.
    /// </summary>
    private const double WedgeShift = 2;

    /// <summary>How far apart (characters) the starts of a wrapped cell's lines, or their middles, may be and still be one cell's.</summary>
    private const double WedgeAlign = 1;

    /// <summary>
    /// Moves to the next column a piece aligned into a column between two lines of a wrapped cell there that
    /// start (or centre) together while it stands further right, when the next column has nothing on its line
    /// or the lines beside: a single-line value of the next column printed at the row's middle, which
    /// pdftotext starts left of its column because the line left of it is empty (gen0-008-calc and
    /// calc-narrow: 达成指标 between 不高于往 and 年水平, read into the target). Returns the pieces moved.
    /// </summary>
    public static List<(Cell Cell, Column From, Column To)> MoveWedged(Dictionary<Cell, Column> aligned,
        Func<Cell, IReadOnlyDictionary<Column, (double Left, double Right)>> columnsAt)
    {
        var moved = new List<(Cell, Column, Column)>();
        var byLine = aligned.Keys.GroupBy(c => (c.Page, c.Box.Top)).ToDictionary(g => g.Key, g => g.OrderBy(c => c.Box.Left).ToList());
        foreach (var (cell, column) in aligned.ToList())
        {
            var order = columnsAt(cell).OrderBy(kv => kv.Value.Left).Select(kv => kv.Key).ToList();
            var at = order.IndexOf(column);
            if (at < 0 || at + 1 >= order.Count || !Fits(cell, order[at + 1]))
            {
                continue;
            }

            var next = order[at + 1];
            var line = byLine[(cell.Page, cell.Box.Top)];
            if (line.Any(c => c.Box.Left > cell.Box.Left && aligned[c] == column)
                || !(In(cell.Page, cell.Box.Top - cell.Unit, column) is { } above && In(cell.Page, cell.Box.Top + cell.Unit, column) is { } below))
            {
                continue;
            }

            var together = Math.Abs(above.Box.Left - below.Box.Left) <= WedgeAlign;
            var right = cell.Box.Left >= Math.Max(above.Box.Left, below.Box.Left) + WedgeShift;
            var centred = Math.Abs(cell.Box.CenterX - above.Box.CenterX) <= WedgeAlign || Math.Abs(cell.Box.CenterX - below.Box.CenterX) <= WedgeAlign;
            var nextEmpty = new[] { -cell.Unit, 0, cell.Unit }.All(d => byLine.GetValueOrDefault((cell.Page, cell.Box.Top + d))?.All(c => aligned[c] != next) ?? true);
            if (together && right && !centred && nextEmpty)
            {
                aligned[cell] = next;
                moved.Add((cell, column, next));
            }
        }

        return moved;

        // The last piece of a line read into the column, if any.
        Cell? In(int page, double top, Column column) => byLine.GetValueOrDefault((page, top))?.LastOrDefault(c => aligned[c] == column);
    }

    /// <summary>How many lines above the rest of a unit wrapped out of its bracket the piece it closes may stand.</summary>
    private const double CloserReach = 2;

    /// <summary>
    /// Moves to its value's column the rest of a unit wrapped out of its bracket (<c>米）</c>) that the line's
    /// order put in another column, when a piece above it, starting where it starts, leaves that bracket open
    /// (gen151c-001-calc, gen151c-002-chromium: 45914(平方 in 实际完成值, its 米) two lines lower read into
    /// 指标值). Returns the pieces moved.
    /// </summary>
    public static List<(Cell Cell, Column From, Column To)> MoveClosers(Dictionary<Cell, Column> aligned)
    {
        var moved = new List<(Cell, Column, Column)>();
        foreach (var (cell, column) in aligned.ToList())
        {
            if (!Closes(cell.Compact))
            {
                continue;
            }

            var opener = aligned.Keys.Where(c => c.Page == cell.Page && c.Box.Top < cell.Box.Top && cell.Box.Top - c.Box.Top <= CloserReach
                    && Math.Abs(c.Box.Left - cell.Box.Left) <= WedgeAlign && Opens(c.Compact))
                .MaxBy(c => c.Box.Top);
            if (opener is not null && aligned[opener] != column && !aligned.Any(kv => kv.Key.Page == cell.Page && kv.Key.Box.Top == cell.Box.Top && kv.Key.Box.Left > cell.Box.Left && kv.Value == aligned[opener]))
            {
                moved.Add((cell, column, aligned[opener]));
                aligned[cell] = aligned[opener];
            }
        }

        return moved;

        static int Balance(string s) => s.Count(c => c is '(' or '（') - s.Count(c => c is ')' or '）');
        static bool Closes(string s) => Balance(s) < 0 && s.IndexOfAny(['(', '（']) < 0;
        static bool Opens(string s) => Balance(s) > 0;
    }

    /// <summary>
    /// The scales of the header's columns a page's fit starts from besides the header's own and the page
    /// width's: the width misleads when one long piece sets it, and a header centred over narrow values
    /// stands apart from them (gen59-033-chromium: 分值 at character 29, its numbers at 50). Steps of 0.05
    /// read seed 59 better than steps of 0.1 (92.77 -> 93.12 %), the others no worse.
    /// </summary>
    private static readonly double[] PageScales = [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.05, 1.1, 1.15, 1.2, 1.25, 1.3, 1.4];

    /// <summary>
    /// How much less (characters of distance) the lines of the header's own page must cost in columns
    /// started from another scale than in the header's: two pieces sharing a column. With none,
    /// chromium-official's first page took a fit 2 cheaper that read a cut 二级 label's 标 as a name.
    /// </summary>
    private const double HeaderPageMargin = 2 * Shared;

    /// <summary>How many times a page's columns are re-fitted to the pieces the lines put in them.</summary>
    private const int FitRounds = 4;

    /// <summary>
    /// The columns of each page of -layout text, re-fitted to its lines. pdftotext gives a column the
    /// character where the widest text left of it on <em>that page</em> ends, so a continuation page without
    /// a repeated header (gen0-002-calc: 指标值 at character 62 on one page, its targets at 39 on the next),
    /// or one whose header is centred apart from its values (gen0-012-chromium), has other columns than the
    /// header says. Starting from the header's columns, each page's lines are aligned, each edge between two
    /// columns is moved to where the fewest pieces aligned left of it end right of it or pieces aligned right
    /// of it start left of it, and the lines are aligned again, until they stay put.
    /// </summary>
    public static Func<Cell, IReadOnlyDictionary<Column, (double Left, double Right)>> FitPages(
        IEnumerable<Cell> pieces, Func<Cell, IReadOnlyDictionary<Column, (double Left, double Right)>> columnsAt)
    {
        var fitted = new Dictionary<(int Page, object Header), IReadOnlyDictionary<Column, (double Left, double Right)>>();
        var extent = new Dictionary<object, double>(ReferenceEqualityComparer.Instance);
        foreach (var page in pieces.GroupBy(c => (c.Page, Header: (object)columnsAt(c))).OrderBy(g => g.Key.Page))
        {
            var header = columnsAt(page.First()).OrderBy(kv => kv.Value.Left).ToList();
            if (header.Count < 2)
            {
                continue;
            }

            // The page the header stands on measures how wide its lines are; a later page printed narrower or
            // wider starts from the header's columns scaled to its width, and every page from them scaled by
            // each of the PageScales as well (on the header's own page such a start must save HeaderPageMargin).
            var right = page.Max(c => c.Box.Right);
            var first = !extent.ContainsKey(page.Key.Header);
            var reference = extent.TryGetValue(page.Key.Header, out var r) ? r : extent[page.Key.Header] = right;
            var lines = page.GroupBy(c => c.Box.Top).Select(g => g.OrderBy(c => c.Box.Left).ToList()).ToList();
            var best = (Cost: double.PositiveInfinity, Ranges: header);
            foreach (var scale in PageScales.Prepend(reference > 0 ? right / reference : 1.0).Prepend(1.0).Distinct())
            {
                var start = header.Select(kv => new KeyValuePair<Column, (double Left, double Right)>(kv.Key, (kv.Value.Left * scale, kv.Value.Right * scale))).ToList();
                var (cost, ranges) = Fit(lines, start);
                if (first && scale != 1.0)
                {
                    cost += HeaderPageMargin;
                }

                if (cost < best.Cost - 1e-9)
                {
                    best = (cost, ranges);
                }
            }

            fitted[(page.Key.Page, page.Key.Header)] = best.Ranges.ToDictionary(kv => kv.Key, kv => kv.Value);
        }

        return c => fitted.TryGetValue((c.Page, columnsAt(c)), out var f) ? f : columnsAt(c);
    }

    /// <summary>The columns a page's lines fit best, refitting from <paramref name="columns"/>, and the lines' cost in them.</summary>
    private static (double Cost, List<KeyValuePair<Column, (double Left, double Right)>> Ranges) Fit(
        List<List<Cell>> lines, List<KeyValuePair<Column, (double Left, double Right)>> columns)
    {
        var cuts = columns.Skip(1).Select(kv => kv.Value.Left).ToArray();
        int[][]? previous = null;
        var best = (Cost: double.PositiveInfinity, Ranges: columns);
        for (var round = 0; round <= FitRounds; round++)
        {
            var ranges = round == 0 ? columns : Ranges(columns, cuts);
            var cost = 0.0;
            var assigned = lines.Select(line =>
            {
                var alignment = AlignLine(line, ranges, out var lineCost);
                cost += lineCost;
                return alignment.Select(c => columns.FindIndex(kv => kv.Key == c)).ToArray();
            }).ToArray();
            // A refit is kept only when the page's lines fit it better than the columns it started from.
            if (cost < best.Cost - 1e-9)
            {
                best = (cost, ranges);
            }

            if (previous is not null && assigned.Zip(previous).All(p => p.First.SequenceEqual(p.Second)))
            {
                break;
            }

            previous = assigned;
            cuts = Refit(lines, assigned, cuts);
        }

        return best;
    }

    private static List<KeyValuePair<Column, (double Left, double Right)>> Ranges(List<KeyValuePair<Column, (double Left, double Right)>> columns, double[] cuts) =>
        columns.Select((kv, k) => new KeyValuePair<Column, (double Left, double Right)>(kv.Key,
            (k == 0 ? double.NegativeInfinity : cuts[k - 1], k == columns.Count - 1 ? double.PositiveInfinity : cuts[k]))).ToList();

    /// <summary>Each edge between columns k and k + 1 where the fewest pieces aligned on either side cross it.</summary>
    private static double[] Refit(List<List<Cell>> lines, int[][] assigned, double[] cuts)
    {
        var placed = lines.SelectMany((line, i) => line.Select((c, j) => (c.Box.Left, c.Box.Right, Column: assigned[i][j]))).ToList();
        var result = (double[])cuts.Clone();
        for (var k = 0; k < cuts.Length; k++)
        {
            var left = placed.Where(p => p.Column <= k).ToList();
            var right = placed.Where(p => p.Column > k).ToList();
            if (left.Count == 0 || right.Count == 0)
            {
                continue;
            }

            var candidates = placed.SelectMany(p => new[] { p.Left, p.Right }).Distinct().Order().ToList();
            var best = (Crossing: int.MaxValue, Distance: double.MaxValue, At: cuts[k]);
            for (var i = 0; i + 1 < candidates.Count; i++)
            {
                var at = (candidates[i] + candidates[i + 1]) / 2;
                var crossing = left.Count(p => p.Right > at) + right.Count(p => p.Left < at);
                var distance = Math.Abs(at - cuts[k]);
                if (crossing < best.Crossing || crossing == best.Crossing && distance < best.Distance)
                {
                    best = (crossing, distance, at);
                }
            }

            result[k] = best.At;
        }

        for (var k = 1; k < result.Length; k++)
        {
            result[k] = Math.Max(result[k], result[k - 1]);
        }

        return result;
    }

    private static Column[] AlignLine(List<Cell> cells, List<KeyValuePair<Column, (double Left, double Right)>> columns, out double total)
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

        total = cost[n - 1, best];
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
