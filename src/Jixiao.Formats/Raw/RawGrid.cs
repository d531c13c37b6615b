using Jixiao.Formats.Layout;

namespace Jixiao.Formats.Raw;

/// <summary>
/// Stage 5 of the raw-text reader: what was read, placed on a tidy pseudo-page of text pieces (a row a
/// line, a column a fixed band of <see cref="ColumnWidth"/> characters), so the one form assembler
/// (<see cref="FormAssembler"/>) reads it as it reads <c>-layout</c> text: labels beside values, tables by
/// their header words, 一级/二级 labels grouped by the rows they stand beside.
/// </summary>
public sealed class RawGrid
{
    /// <summary>The width of a pseudo column (characters): wider than any piece placed in it.</summary>
    public const int ColumnWidth = 60;

    /// <summary>Lines between two rows, so that no two rows are taken as one wrapped row (<see cref="CellPlane"/>'s wrap gap is 1.6).</summary>
    public const int RowStep = 2;

    private readonly List<Cell> _cells = [];
    private int _y;

    public List<Cell> Cells => _cells;

    /// <summary>
    /// Puts a label in <paramref name="column"/> centred over the rows placed at <paramref name="firstY"/> to
    /// <paramref name="lastY"/> (what <see cref="Row"/> returned), as a merged cell prints it: the assembler
    /// gives it the rows it is the middle of.
    /// </summary>
    public void Centred(int line, int column, string text, int firstY, int lastY)
    {
        var left = column * ColumnWidth;
        var width = Math.Min(ColumnWidth - 2, Math.Max(1, text.Sum(LayoutTextCells.Width)));
        var middle = (firstY + lastY) / 2.0;
        _cells.Add(new Cell(1, new Box(left, middle, left + width, middle + 1), text, line, Whole: false, Unit: 1));
    }

    /// <summary>Puts a row of pieces (null or empty ones left out) at the next row; returns its place.</summary>
    public int Row(int line, params string?[] pieces)
    {
        for (var c = 0; c < pieces.Length; c++)
        {
            if (string.IsNullOrEmpty(pieces[c]))
            {
                continue;
            }

            var left = c * ColumnWidth;
            var width = Math.Min(ColumnWidth - 2, Math.Max(1, pieces[c]!.Sum(LayoutTextCells.Width)));
            _cells.Add(new Cell(1, new Box(left, _y, left + width, _y + 1), pieces[c]!, line, Whole: false, Unit: 1));
        }

        var y = _y;
        _y += RowStep;
        return y;
    }
}
