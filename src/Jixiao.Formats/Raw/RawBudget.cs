using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Formats.Disclosure;
using Jixiao.Formats.Layout;

namespace Jixiao.Formats.Raw;

/// <summary>One row of a self-evaluation's money table as read: its label and its amounts by column (null where not printed).</summary>
public sealed record RawBudgetRow(Field Row, string? Initial, string? Full, string? Executed, string? Rate, string? Weight, string? Score, int Line);

/// <summary>
/// Stage 3b of the raw-text reader: the self-evaluation's money table (年初预算数 … 得分). Raw text prints it
/// row by row (Chromium and LibreOffice alike, when the table keeps its rows): the amounts after a row's
/// label are its cells, in the columns' printed order. That order is taken from the header words when
/// they are all there, and kept only when each row's 执行率 agrees with its amounts
/// (<see cref="RateTolerance"/>); otherwise the official order is tried. A row that cannot be read is left
/// out with a diagnostic.
/// </summary>
public static partial class RawBudget
{
    /// <summary>How far (percentage points) a printed 执行率 may be from 执行数 / 全年预算数 × 100: printings round to 2 decimals or to whole percent.</summary>
    public const decimal RateTolerance = 0.6m;

    private static readonly Column[] Official = [Column.Initial, Column.Full, Column.Executed, Column.Rate, Column.Weight, Column.Score];

    /// <summary>How far a printed budget 得分 may be from 分值 × 执行率 (capped at 100 %): printings round to 2 decimals.</summary>
    public const decimal ScoreTolerance = 0.01m;

    /// <summary>The most a budget 分值 can be (the whole form's weight).</summary>
    public const decimal MaxWeight = 100m;

    /// <summary>Money cells a row other than the total has (年初预算数, 全年预算数, 全年执行数, 执行率).</summary>
    private const int MoneyCells = 4;

    internal static List<RawBudgetRow> Read(List<RawItem> items, DiagnosticBag diagnostics) => Read(items, [], diagnostics, out _);

    /// <summary>
    /// The money table from the head's items. <paramref name="extra"/> are items printed after the table's
    /// first header and before its 三级指标 header, where a total row's 分值 and 得分 may stand (LibreOffice,
    /// calc-self: <c>一级指标 10.00 8.95</c>); <paramref name="used"/> are the items of the head and of
    /// <paramref name="extra"/> taken for cells of the total row that its own run did not hold.
    /// </summary>
    internal static List<RawBudgetRow> Read(List<RawItem> items, List<RawItem> extra, DiagnosticBag diagnostics, out List<RawItem> used)
    {
        used = [];
        var order = new List<Column>();
        foreach (var item in items.Where(i => i.Kind == RawKind.Header))
        {
            if (Labels.BudgetColumn(item.Text) is { } c && !order.Contains(c))
            {
                order.Add(c);
            }
        }

        var rows = new List<(Field Field, int Line, List<RawItem> Amounts)>();
        // Amounts no row's run holds: before the first row label (a total row's cells printed beside the
        // header, Chromium: 分值 执行率 10.00 91.78 得分), or past a row's cells (a cell printed after the table).
        var strays = new List<RawItem>();
        // Each row's cells in order, an empty mark (-, /) as null.
        var cells = new List<List<RawItem?>>();
        var printed = new Dictionary<RawItem, int>(ReferenceEqualityComparer.Instance);
        foreach (var item in items)
        {
            if (item.Kind == RawKind.Label && item.Field is Field.FundsTotal or Field.FundsCurrentYear or Field.FundsCarryOver or Field.FundsOther)
            {
                if (rows.Any(r => r.Field == item.Field))
                {
                    break;
                }

                rows.Add((item.Field.Value, item.Line, []));
            }
            else if (item.Kind == RawKind.Value && (Amount().IsMatch(item.Text) || GluedEmpty().Match(item.Text) is { Success: true }))
            {
                // An amount glued to the empty mark of the cell after it (gen91c-000-calc: 0/ for 0 and an empty 执行率).
                var glued = GluedEmpty().Match(item.Text);
                var amount = glued.Success ? item with { Text = glued.Groups[1].Value } : item;
                printed.TryAdd(amount, printed.Count);
                (rows.Count > 0 ? rows[^1].Amounts : strays).Add(amount);
                if (rows.Count > 0)
                {
                    cells[rows.Count - 1].Add(amount);
                    if (glued.Success)
                    {
                        cells[rows.Count - 1].Add(null);
                    }
                }
            }
            else if (item.Kind == RawKind.Value && rows.Count > 0 && TextNormaliser.IsEmptyMark(item.Text))
            {
                cells[rows.Count - 1].Add(null);
            }

            while (cells.Count < rows.Count)
            {
                cells.Add([]);
            }
        }

        var weighted = order.Count == 0 || order.Contains(Column.Weight) || order.Contains(Column.Score);
        var shared = Unblock(rows, weighted, diagnostics);
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            // A row holds its money cells (the total also 分值 and 得分): more amounts after it are strays;
            // so are amounts past as many cells, empty marks counted, as the table has columns (a row
            // printing / for 分值 and 得分 ends there: gen91c-000-calc's 10.00 6.89 after 其他资金's / / /).
            var most = row.Field == Field.FundsTotal && weighted ? Official.Length : MoneyCells;
            if (!shared && weighted && cells[r].Count > Official.Length)
            {
                var past = cells[r].Skip(Official.Length).OfType<RawItem>().ToList();
                cells[r].RemoveRange(Official.Length, cells[r].Count - Official.Length);
                strays.AddRange(past);
                row.Amounts.RemoveAll(past.Contains);
            }

            if (row.Amounts.Count > most)
            {
                strays.AddRange(row.Amounts.Skip(most));
                row.Amounts.RemoveRange(most, row.Amounts.Count - most);
            }
        }

        // Strays in the order printed (the pairs' search takes 分值 before 得分 as the header has them).
        strays = [.. strays.OrderBy(i => printed.GetValueOrDefault(i))];
        var columns = order.Count == Official.Length ? order.ToArray() : Official;
        if (!Agrees(Texts(rows), columns))
        {
            // A header wrapped over more lines starts higher and is printed first (calc-swapped: 全年预算 / 数
            // before 年初预算数), so its money columns may be out of order while 分值 and 得分, single words,
            // keep their places: the official money order in the header's money places, else the official order.
            var money0 = new Queue<Column>(Official.Where(c => c is not (Column.Weight or Column.Score)));
            var mixed = columns.Select(c => c is Column.Weight or Column.Score ? c : money0.Dequeue()).ToArray();
            columns = Agrees(Texts(rows), mixed) ? mixed : Agrees(Texts(rows), Official) ? Official : columns;
        }

        var money = columns.Where(c => c is not (Column.Weight or Column.Score)).ToArray();
        var totalAt = rows.FindIndex(r => r.Field == Field.FundsTotal);
        if (totalAt >= 0)
        {
            used = Complete(rows[totalAt], strays, extra, columns, money, weighted, diagnostics);
        }

        var result = new List<RawBudgetRow>();
        for (var r = 0; r < rows.Count; r++)
        {
            var (field, line, items0) = rows[r];
            var amounts = items0.Select(i => i.Text.TrimEnd('%')).ToList();
            // A row without weight and score (all but the total) has its four amounts in the columns left.
            var cols = amounts.Count >= columns.Length ? columns : money;
            if (amounts.Count != cols.Length && !shared && field != Field.FundsTotal && cells[r].OfType<RawItem>().SequenceEqual(items0)
                && (cells[r].Count == money.Length || weighted && cells[r].Count == columns.Length))
            {
                // Empty cells printed as marks (- or /) hold their columns' places: an empty 执行率 is read empty.
                var withEmpty = cells[r];
                var place = withEmpty.Count == money.Length ? money : columns;
                string? At(Column c) => Array.IndexOf(place, c) is var k and >= 0 ? withEmpty[k]?.Text.TrimEnd('%') : null;
                result.Add(new RawBudgetRow(field, At(Column.Initial), At(Column.Full), At(Column.Executed), At(Column.Rate), At(Column.Weight), At(Column.Score), line));
                diagnostics.Info(line, DiagnosticCodes.MissingField, $"第{line}行：资金行“{Labels.Fields[field][0]}”有空格（-、/），按列位读取。");
                continue;
            }

            if (amounts.Count != cols.Length)
            {
                diagnostics.Warn(line, DiagnosticCodes.MissingField, $"第{line}行：资金行“{Labels.Fields[field][0]}”有{amounts.Count}个金额，应为{cols.Length}个，未读取。");
                continue;
            }

            string? Get(Column c) => Array.IndexOf(cols, c) is var k and >= 0 ? amounts[k] : null;
            result.Add(new RawBudgetRow(field, Get(Column.Initial), Get(Column.Full), Get(Column.Executed), Get(Column.Rate), Get(Column.Weight), Get(Column.Score), line));
        }

        return result;
    }

    private static List<(Field Field, int Line, List<string> Amounts)> Texts(List<(Field Field, int Line, List<RawItem> Amounts)> rows) =>
        [.. rows.Select(r => (r.Field, r.Line, r.Amounts.Select(i => i.Text.TrimEnd('%')).ToList()))];

    /// <summary>
    /// Row labels printed as a block before their cells (Chromium, chromium-permuted: 其中：当年财政拨款,
    /// 上年结转资金, 其他资金, then three rows of amounts): rows left without amounts followed by a row holding
    /// exactly the cells of them all share those cells out in order.
    /// </summary>
    private static bool Unblock(List<(Field Field, int Line, List<RawItem> Amounts)> rows, bool weighted, DiagnosticBag diagnostics)
    {
        var shared = false;
        for (var k = 0; k < rows.Count; k++)
        {
            if (rows[k].Amounts.Count > 0)
            {
                continue;
            }

            var j = k;
            while (j < rows.Count && rows[j].Amounts.Count == 0)
            {
                j++;
            }

            if (j >= rows.Count)
            {
                return shared;
            }

            int Cells(int r) => rows[r].Field == Field.FundsTotal && weighted && rows[r].Amounts.Count != MoneyCells ? Official.Length : MoneyCells;
            var need = Enumerable.Range(k, j - k + 1).Sum(Cells);
            var pool = rows[j].Amounts;
            if (pool.Count < need || pool.Count > need + Official.Length)
            {
                k = j;
                continue;
            }

            var taken = pool.ToList();
            pool.Clear();
            var at = 0;
            for (var r = k; r <= j; r++)
            {
                var n = r == j ? taken.Count - at : Cells(r);
                rows[r].Amounts.AddRange(taken.Skip(at).Take(n));
                at += n;
            }

            diagnostics.Info(rows[k].Line, DiagnosticCodes.LabelSplit, $"第{rows[k].Line}行：资金行的标签连印在一起，其后的金额按行序分给各行。");
            shared = true;
            k = j;
        }

        return shared;
    }

    /// <summary>
    /// Completes the total row from amounts no row's run holds: a missing money cell that makes its 执行率
    /// agree, and 分值 / 得分 where 得分 = 分值 × 执行率 (capped at 100 %, <see cref="ScoreTolerance"/>), the
    /// budget's scoring rule; failing that, the head's only two strays in the header's order.
    /// </summary>
    private static List<RawItem> Complete((Field Field, int Line, List<RawItem> Amounts) total, List<RawItem> strays, List<RawItem> extra, Column[] columns, Column[] money, bool weighted, DiagnosticBag diagnostics)
    {
        var used = new List<RawItem>();
        var pool = strays.Concat(extra.Where(i => i.Kind == RawKind.Value && Amount().IsMatch(i.Text))).ToList();
        if (total.Amounts.Count == money.Length - 1)
        {
            for (var s = 0; s < pool.Count && total.Amounts.Count < money.Length; s++)
            {
                for (var at = 0; at <= total.Amounts.Count; at++)
                {
                    var trial = total.Amounts.Select(i => i.Text.TrimEnd('%')).ToList();
                    trial.Insert(at, pool[s].Text.TrimEnd('%'));
                    if (Agrees([(total.Field, total.Line, trial)], money))
                    {
                        total.Amounts.Insert(at, pool[s]);
                        used.Add(pool[s]);
                        diagnostics.Info(pool[s].Line, DiagnosticCodes.OrphanText, $"第{pool[s].Line}行：“{pool[s].Text}”与执行数、预算数相符，按资金总额的一格读取。");
                        break;
                    }
                }
            }

            pool.RemoveAll(used.Contains);
        }

        if (!weighted || total.Amounts.Count != money.Length)
        {
            return used;
        }

        var rateText = total.Amounts[Array.IndexOf(money, Column.Rate)].Text.TrimEnd('%');
        if (Number(rateText) is not { } rate)
        {
            return used;
        }

        var weightFirst = Array.IndexOf(columns, Column.Weight) < Array.IndexOf(columns, Column.Score);
        (RawItem W, RawItem S)? pick = null;
        for (var a = 0; a < pool.Count && pick is null; a++)
        {
            for (var b = a + 1; b < pool.Count && pick is null; b++)
            {
                var (w, s) = weightFirst ? (pool[a], pool[b]) : (pool[b], pool[a]);
                if (Number(w.Text) is { } wv && Number(s.Text) is { } sv && wv > 0 && wv <= MaxWeight && sv <= wv
                    && Math.Abs(sv - wv * Math.Min(rate, 100m) / 100m) <= ScoreTolerance)
                {
                    pick = (w, s);
                }
            }
        }

        if (pick is null && strays.Count(i => !used.Contains(i)) == 2)
        {
            var two = strays.Where(i => !used.Contains(i)).ToList();
            var (w, s) = weightFirst ? (two[0], two[1]) : (two[1], two[0]);
            if (Number(w.Text) is { } wv && Number(s.Text) is { } sv && wv > 0 && wv <= MaxWeight && sv <= wv)
            {
                pick = (w, s);
            }
        }

        if (pick is { } p)
        {
            var cells = total.Amounts.ToList();
            var full = new List<RawItem>();
            var m = 0;
            foreach (var c in columns)
            {
                full.Add(c == Column.Weight ? p.W : c == Column.Score ? p.S : cells[m++]);
            }

            total.Amounts.Clear();
            total.Amounts.AddRange(full);
            used.Add(p.W);
            used.Add(p.S);
            diagnostics.Info(p.W.Line, DiagnosticCodes.OrphanText, $"第{p.W.Line}行：“{p.W.Text}”“{p.S.Text}”印在资金总额一行之外，按其分值、得分读取。");
        }

        return used;
    }

    /// <summary>Whether every row read in these columns has a 执行率 that agrees with its amounts.</summary>
    private static bool Agrees(List<(Field Field, int Line, List<string> Amounts)> rows, Column[] columns)
    {
        var checkedAny = false;
        foreach (var (_, _, amounts) in rows)
        {
            var cols = amounts.Count >= columns.Length ? columns : [.. columns.Where(c => c is not (Column.Weight or Column.Score))];
            if (amounts.Count != cols.Length)
            {
                continue;
            }

            var full = Number(amounts[Array.IndexOf(cols, Column.Full)]);
            var executed = Number(amounts[Array.IndexOf(cols, Column.Executed)]);
            var rate = Number(amounts[Array.IndexOf(cols, Column.Rate)]);
            if (full is not > 0 || executed is null || rate is null)
            {
                continue;
            }

            checkedAny = true;
            if (Math.Abs(executed.Value / full.Value * 100 - rate.Value) > RateTolerance)
            {
                return false;
            }
        }

        return checkedAny;
    }

    private static decimal? Number(string s) =>
        decimal.TryParse(s.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;

    [GeneratedRegex(@"^(\d{1,15}(?:,\d{3})*(?:\.\d{1,6})?%?)[/／]$")]
    private static partial Regex GluedEmpty();

    [GeneratedRegex(@"^-?\d{1,15}(?:,\d{3})*(?:\.\d{1,6})?%?$")]
    private static partial Regex Amount();
}
