namespace Jixiao.Formats.Xlsx;

/// <summary>
/// One worksheet being laid out: values with their <see cref="Look"/>, merged ranges, column widths, row
/// heights and print setup. Rows a writer does not size get a height estimated from their wrapped text,
/// because neither Excel nor LibreOffice fits the height of merged cells when a file is opened.
/// </summary>
internal sealed class SheetBuilder(string name, IReadOnlyList<double> widths)
{
    /// <summary>Points per line of 11 pt CJK text, with the leading the fonts use.</summary>
    private const double LinePoints = 15.5;
    private const double MaxRowPoints = 409;

    private readonly SortedDictionary<int, SortedDictionary<int, Placed>> _rows = [];
    private readonly List<Range> _merges = [];
    private readonly Dictionary<int, double> _heights = [];

    /// <summary>A value at a cell; a merge's anchor has its span, the cells it covers have none.</summary>
    internal readonly record struct Placed(object? Value, Look Look, int Columns, int Rows);

    internal readonly record struct Range(int Row, int Column, int Rows, int Columns)
    {
        public override string ToString() => $"{CellRefs.Of(Row, Column)}:{CellRefs.Of(Row + Rows - 1, Column + Columns - 1)}";
    }

    public string Name => name;

    public IReadOnlyList<double> Widths => widths;

    /// <summary>Columns inside the print area (the rest, such as a hidden 行号, are not printed).</summary>
    public int PrintColumns { get; init; } = widths.Count;

    public IReadOnlySet<int> HiddenColumns { get; init; } = new HashSet<int>();

    public bool Landscape { get; init; }

    public int LastRow => _rows.Count == 0 ? 1 : _rows.Keys.Last();

    public IReadOnlyList<Range> Merges => _merges;

    public IEnumerable<(int Row, IEnumerable<(int Column, Placed Cell)> Cells)> Rows =>
        _rows.Select(r => (r.Key, r.Value.Select(c => (c.Key, c.Value))));

    /// <summary>Puts <paramref name="value"/> (string, decimal, int or null) at a cell, merged over the given span.</summary>
    public void Put(int row, int column, object? value, Look look, int columns = 1, int rows = 1)
    {
        for (var r = row; r < row + rows; r++)
        {
            for (var c = column; c < column + columns; c++)
            {
                RowAt(r)[c] = new Placed(null, look, 0, 0);
            }
        }

        RowAt(row)[column] = new Placed(value, look, columns, rows);
        if (columns > 1 || rows > 1)
        {
            _merges.Add(new Range(row, column, rows, columns));
        }
    }

    public void SetHeight(int row, double points) => _heights[row] = points;

    /// <summary>The height set for a row, or one estimated from the lines its wrapped text needs.</summary>
    public double HeightOf(int row)
    {
        if (_heights.TryGetValue(row, out var set))
        {
            return set;
        }

        var lines = 1;
        if (_rows.TryGetValue(row, out var cells))
        {
            foreach (var (column, cell) in cells)
            {
                if (cell.Rows == 1 && cell.Value is string text && cell.Look.Wrap)
                {
                    var width = Enumerable.Range(column, cell.Columns).Sum(c => c <= widths.Count ? widths[c - 1] : 8.43);
                    lines = Math.Max(lines, LinesOf(text, width));
                }
            }
        }

        return Math.Min(MaxRowPoints, lines * LinePoints + 5);
    }

    /// <summary>Lines a text wraps to in a cell <paramref name="width"/> characters wide (a CJK character is two).</summary>
    internal static int LinesOf(string text, double width)
    {
        var usable = Math.Max(2, width - 1.5);
        return text.Split('\n').Sum(line => Math.Max(1, (int)Math.Ceiling(line.Sum(c => c >= '\u2000' ? 2 : 1) / usable)));
    }

    private SortedDictionary<int, Placed> RowAt(int row)
    {
        if (!_rows.TryGetValue(row, out var cells))
        {
            cells = [];
            _rows[row] = cells;
        }

        return cells;
    }
}
