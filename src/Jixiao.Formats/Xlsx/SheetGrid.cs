using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jixiao.Formats.Xlsx;

/// <summary>A cell's content: its text, and its number when the cell holds one.</summary>
internal sealed record GridCell(string Text, decimal? Number);

/// <summary>
/// One worksheet as a grid of values: a merged range reads as its top-left value from every cell it
/// covers, numbers keep the decimals their format shows (<c>#,##0.00</c> gives 4855541.00), text is
/// unescaped. Positions are 1-based (row, column).
/// </summary>
internal sealed class SheetGrid
{
    private readonly Dictionary<(int Row, int Column), GridCell> _cells;
    private readonly Dictionary<(int Row, int Column), (int Top, int Left, int Bottom, int Right)> _merged = [];

    private SheetGrid(string name, Dictionary<(int, int), GridCell> cells, IEnumerable<(int Top, int Left, int Bottom, int Right)> merges)
    {
        Name = name;
        _cells = cells;
        foreach (var m in merges)
        {
            for (var r = m.Top; r <= m.Bottom; r++)
            {
                for (var c = m.Left; c <= m.Right; c++)
                {
                    _merged[(r, c)] = m;
                }
            }
        }

        LastRow = cells.Count == 0 ? 0 : cells.Keys.Max(k => k.Item1);
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
    public static IEnumerable<SheetGrid> Load(SpreadsheetDocument document)
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
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                rowIndex = row.RowIndex?.Value is { } r ? (int)r : rowIndex + 1;
                var columnIndex = 0;
                foreach (var cell in row.Elements<Cell>())
                {
                    columnIndex = CellRefs.TryParse(cell.CellReference?.Value, out _, out var c) ? c : columnIndex + 1;
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
            yield return new SheetGrid(sheet.Name?.Value ?? "", cells, merges);
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

        if (type is CellValues.String or CellValues.Error or CellValues.Date)
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
