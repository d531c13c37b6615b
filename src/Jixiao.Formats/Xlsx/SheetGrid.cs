using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Domain.Model;

namespace Jixiao.Formats.Xlsx;

/// <summary>A cell's content: its text, and its number when the cell holds one.</summary>
internal sealed record GridCell(string Text, decimal? Number)
{
    /// <summary>
    /// A cell read as an amount: its number, or text such as <c>4,855,541.00</c> (a trailing <c>%</c> dropped
    /// when <paramref name="percent"/>); blank and the empty marks <c>-</c>, <c>—</c>, <c>－</c>, <c>/</c> are null.
    /// False when the text is no number.
    /// </summary>
    public static bool TryAmount(GridCell? cell, bool percent, out decimal? amount)
    {
        amount = cell?.Number;
        var text = cell?.Text.Trim() ?? "";
        if (amount is not null || text is "" or "-" or "—" or "－" or "/")
        {
            return true;
        }

        text = text.Replace(",", "", StringComparison.Ordinal);
        if (decimal.TryParse(percent ? text.TrimEnd('%') : text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
        {
            amount = parsed;
            return true;
        }

        return false;
    }
}

/// <summary>
/// One worksheet as a grid of values: a merged range reads as its top-left value from every cell it
/// covers, numbers keep the decimals their format shows (<c>#,##0.00</c> gives 4855541.00), text is
/// unescaped. Positions are 1-based (row, column).
/// </summary>
internal sealed class SheetGrid
{
    private readonly Dictionary<(int Row, int Column), GridCell> _cells;
    private readonly Dictionary<(int Row, int Column), (int Top, int Left, int Bottom, int Right)> _merged = [];

    /// <summary>
    /// The grid of <paramref name="cells"/> with <paramref name="merges"/> clipped to the used range
    /// (<paramref name="used"/>: the last row and column of a cell element, valued or not): a range beyond it
    /// covers nothing readable. Every cell a merge covers is counted against <see cref="XlsxLimits.MaxCells"/>.
    /// </summary>
    private SheetGrid(string name, Dictionary<(int, int), GridCell> cells, IEnumerable<(int Top, int Left, int Bottom, int Right)> merges,
        (int Row, int Column) used, XlsxLimits limits, List<Diagnostic>? diagnostics)
    {
        Name = name;
        _cells = cells;
        LastRow = cells.Count == 0 ? 0 : cells.Keys.Max(k => k.Item1);
        var (rows, columns) = used;
        long covered = cells.Count;
        foreach (var merge in merges)
        {
            if (merge.Top > rows || merge.Left > columns || merge.Bottom < merge.Top || merge.Right < merge.Left)
            {
                continue;
            }

            var m = (merge.Top, merge.Left, Math.Min(merge.Bottom, rows), Math.Min(merge.Right, columns));
            if (m != merge && diagnostics is not null)
            {
                var (code, text) = XlsxMessages.MergeClipped(CellRefs.Quote(name), $"{CellRefs.Of(merge.Top, merge.Left)}:{CellRefs.Of(merge.Bottom, merge.Right)}", $"{CellRefs.Of(m.Item1, m.Item2)}:{CellRefs.Of(m.Item3, m.Item4)}");
                diagnostics.Add(new Diagnostic(Severity.Warning, merge.Top, code, text));
            }

            covered += (long)(m.Item3 - m.Item1 + 1) * (m.Item4 - m.Item2 + 1);
            if (covered > limits.MaxCells)
            {
                throw new XlsxLimitException(XlsxMessages.TooManyCells(CellRefs.Quote(name), limits.MaxCells));
            }

            for (var r = m.Item1; r <= m.Item3; r++)
            {
                for (var c = m.Item2; c <= m.Item4; c++)
                {
                    _merged[(r, c)] = m;
                }
            }
        }
    }

    public string Name { get; }

    public int LastRow { get; }

    /// <summary>Non-empty cells (merge anchors included) in reading order.</summary>
    public IEnumerable<(int Row, int Column, GridCell Cell)> Cells =>
        _cells.Where(c => c.Value.Text.Length > 0).OrderBy(c => c.Key.Row).ThenBy(c => c.Key.Column).Select(c => (c.Key.Row, c.Key.Column, c.Value));

    /// <summary>The value shown at a cell: its own, or its merged range's.</summary>
    public GridCell? At(int row, int column)
    {
        var (r, c) = _merged.TryGetValue((row, column), out var m) ? (m.Top, m.Left) : (row, column);
        return _cells.GetValueOrDefault((r, c));
    }

    /// <summary>The cell just right of the (merged) cell at a position.</summary>
    public (int Row, int Column) RightOf(int row, int column) =>
        (row, _merged.TryGetValue((row, column), out var m) ? m.Right + 1 : column + 1);

    /// <summary>The cell just below the (merged) cell at a position.</summary>
    public (int Row, int Column) Below(int row, int column) =>
        (_merged.TryGetValue((row, column), out var m) ? m.Bottom + 1 : row + 1, column);

    public string Reference(int row, int column) => CellRefs.Of(Name, row, column);

    /// <summary>Every worksheet of a workbook, in tab order.</summary>
    public static IEnumerable<SheetGrid> Load(SpreadsheetDocument document) => Load(document, XlsxLimits.Default, null);

    /// <summary>Every worksheet under <paramref name="limits"/> (<see cref="XlsxLimitException"/> past one); clipped merges are reported in <paramref name="diagnostics"/>.</summary>
    public static IEnumerable<SheetGrid> Load(SpreadsheetDocument document, XlsxLimits limits, List<Diagnostic>? diagnostics)
    {
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook part");
        var strings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(TextOf).ToArray() ?? [];
        var decimals = NumberFormats.DecimalsByStyle(workbook.WorkbookStylesPart?.Stylesheet);
        foreach (var sheet in workbook.Workbook.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
            {
                continue;
            }

            var cells = new Dictionary<(int, int), GridCell>();
            var rowIndex = 0;
            long count = 0;
            var (usedRows, usedColumns) = (0, 0);
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                rowIndex = row.RowIndex?.Value is { } r ? (int)r : rowIndex + 1;
                var columnIndex = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    if (++count > limits.MaxCells)
                    {
                        throw new XlsxLimitException(XlsxMessages.TooManyCells(CellRefs.Quote(sheet.Name?.Value ?? ""), limits.MaxCells));
                    }

                    columnIndex = CellRefs.TryParse(cell.CellReference?.Value, out _, out var c) ? c : columnIndex + 1;
                    (usedRows, usedColumns) = (Math.Max(usedRows, rowIndex), Math.Max(usedColumns, columnIndex));
                    var style = (int)(cell.StyleIndex?.Value ?? 0);
                    if (Read(cell, strings, style < decimals.Count ? decimals[style] : null) is { } value)
                    {
                        cells[(rowIndex, columnIndex)] = value;
                    }
                }
            }

            var merges = part.Worksheet.Descendants<MergeCell>().Select(m => m.Reference?.Value?.Split(':'))
                .Where(p => p is { Length: 2 } && CellRefs.TryParse(p[0], out _, out _) && CellRefs.TryParse(p[1], out _, out _))
                .Select(p =>
                {
                    CellRefs.TryParse(p![0], out var top, out var left);
                    CellRefs.TryParse(p[1], out var bottom, out var right);
                    return (top, left, bottom, right);
                });
            yield return new SheetGrid(sheet.Name?.Value ?? "", cells, merges, (usedRows, usedColumns), limits, diagnostics);
        }
    }

    private static GridCell? Read(Cell cell, string[] strings, int? decimals)
    {
        var raw = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? new GridCell(TextOf(inline), null) : null;
        }

        if (raw is null)
        {
            return null;
        }

        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, out var i) && i >= 0 && i < strings.Length ? new GridCell(strings[i], null) : null;
        }

        if (type == CellValues.String || type == CellValues.Error || type == CellValues.Date)
        {
            return new GridCell(XlsxText.Unescape(raw), null);
        }

        if (type == CellValues.Boolean)
        {
            return new GridCell(raw == "1" ? "TRUE" : "FALSE", null);
        }

        if (!decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return new GridCell(raw, null);
        }

        number = NumberFormats.Shown(number, decimals);
        return new GridCell(number.ToString(CultureInfo.InvariantCulture), number);
    }

    /// <summary>The text of a shared or inline string, rich-text runs joined, phonetic hints left out.</summary>
    private static string TextOf(DocumentFormat.OpenXml.OpenXmlElement item) =>
        XlsxText.Unescape(string.Concat(item.Elements<Text>().Select(t => t.Text)
            .Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? ""))));
}
