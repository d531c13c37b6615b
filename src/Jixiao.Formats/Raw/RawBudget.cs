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

    internal static List<RawBudgetRow> Read(List<RawItem> items, DiagnosticBag diagnostics)
    {
        var order = new List<Column>();
        foreach (var item in items.Where(i => i.Kind == RawKind.Header))
        {
            if (Labels.BudgetColumn(item.Text) is { } c && !order.Contains(c))
            {
                order.Add(c);
            }
        }

        var rows = new List<(Field Field, int Line, List<string> Amounts)>();
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
            else if (item.Kind == RawKind.Value && rows.Count > 0 && Amount().IsMatch(item.Text))
            {
                rows[^1].Amounts.Add(item.Text.TrimEnd('%'));
            }
        }

        var columns = order.Count == Official.Length ? order.ToArray() : Official;
        if (!Agrees(rows, columns) && Agrees(rows, Official))
        {
            columns = Official;
        }

        var result = new List<RawBudgetRow>();
        foreach (var (field, line, amounts) in rows)
        {
            // A row without weight and score (all but the total) has its four amounts in the columns left.
            var cols = amounts.Count >= columns.Length ? columns : [.. columns.Where(c => c is not (Column.Weight or Column.Score))];
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

    [GeneratedRegex(@"^-?\d{1,15}(?:,\d{3})*(?:\.\d{1,6})?%?$")]
    private static partial Regex Amount();
}
