namespace Jixiao.Formats.Layout;

/// <summary>
/// The goal and outcome texts of a PDF printed without full borders (free pieces placed by their letters):
/// rules that need real geometry (bands between horizontal rules, line pitch in points, column starts).
/// </summary>
internal sealed partial class FormBuilder
{
    /// <summary>
    /// Pieces within this much of a column's start (in em) begin that column: left-aligned text starts within
    /// rounding of one x (chromium-borderless: 301.1 for every outcome line).
    /// </summary>
    internal const double ColumnStartTolerance = 0.3;

    /// <summary>How far apart (in em) two pieces' tops may be to lie on one printed line.</summary>
    internal const double PdfLineTolerance = 0.3;

    /// <summary>Each geometry repair behind this form's cells (PdfCells, CellPlane) as a diagnostic with its page and box.</summary>
    private void NoteRepairs(int line)
    {
        foreach (var repair in _plane.Repairs)
        {
            diagnostics.Info(line, Disclosure.DiagnosticCodes.CellRepaired, repair);
        }
    }

    /// <summary>
    /// A PDF row of labels at the foot of a page whose values are the first row of the next (calc-borderless: the
    /// money labels on page 1, their amounts on page 2 under a repeated 项目资金（元）): the values stand within
    /// three lines of the top of their page's text.
    /// </summary>
    private bool RowGoesOnOverPage(Cell label, Cell next) =>
        IsPdfPiece(label) && next.Page == label.Page + 1
        && next.Box.Top - Cells.Where(c => c.Page == next.Page).Min(c => c.Box.Top) <= 3 * label.Unit;

    /// <summary>
    /// How much wider than the column's tightest line pitch (in em) the step to a piece's next line may be
    /// for both to be lines of one wrapped cell: chromium-borderless-landscape's deviation steps 12.0 and
    /// 12.8 pt at 9 pt; a row's padding parts two rows' texts by more.
    /// </summary>
    internal const double BlockPitchSlack = 0.25;

    /// <summary>
    /// A PDF column of free pieces (the deviation) by wrapped blocks: lines that start at one x and follow at the
    /// column's line pitch are one cell, and go whole to the row their middle stands in (chromium-borderless-
    /// landscape: a four-line deviation centred on its row, its first line level with the row above). Null
    /// when no block has two lines or the pieces are not a PDF's.
    /// </summary>
    /// <remarks>
    /// With <paramref name="withinRow"/> (targets, actuals) a block is kept only when its middle stands in a row
    /// and no line of it stands in another row (gen83-014-chromium: a six-line target centred on its row, its
    /// first two lines between that row and the one above); other blocks go line by line, as single-line cells
    /// of rows one line apart would otherwise be joined.
    /// </remarks>
    private static List<Cell>[]? PdfBlocks(List<Row> rows, List<Cell> pieces, Action<Cell, int>? carried = null, bool withinRow = false)
    {
        if (pieces.Count < 2 || !pieces.All(IsPdfPiece))
        {
            return null;
        }

        var sorted = pieces.OrderBy(p => p.Box.Top).ToList();
        var steps = sorted.Zip(sorted.Skip(1), (a, b) => b.Box.Top - a.Box.Top).Where(d => d > PdfLineTolerance * sorted[0].Unit).ToList();
        if (steps.Count == 0)
        {
            return null;
        }

        var pitch = steps.Min();
        var blocks = new List<List<Cell>> { new() { sorted[0] } };
        foreach (var p in sorted.Skip(1))
        {
            var last = blocks[^1][^1];
            if (p.Box.Top - last.Box.Top <= pitch + BlockPitchSlack * p.Unit && Math.Abs(p.Box.Left - last.Box.Left) <= ColumnStartTolerance * p.Unit)
            {
                blocks[^1].Add(p);
            }
            else
            {
                blocks.Add([p]);
            }
        }

        if (withinRow)
        {
            blocks = blocks.SelectMany(b => b.Count > 1 && InOneRow(rows, b) ? [b] : b.Select(p => new List<Cell> { p })).ToList();
        }

        if (blocks.All(b => b.Count < 2))
        {
            return null;
        }

        return AssignWhole(rows, blocks, b => b.Skip(1).Aggregate(b[0], (a, c) => a.Joined(c, a.Text + c.Text)), carried);
    }

    /// <summary>
    /// The narrowest gap between two lines of a PDF column that start at one x (a wrapped cell's line spacing), or
    /// infinity when none is found: a wider gap by more than <see cref="BlockPitchSlack"/> parts two rows
    /// (gen107-020-calc: name lines 0.6 pt apart, the next row's name 8.3 pt below 预算执/行率).
    /// </summary>
    private static double PdfPitchGap(List<Cell> column) => PdfLineGaps(column).Select(p => p.Gap).DefaultIfEmpty(double.PositiveInfinity).Min();

    /// <summary>The gaps between consecutive lines of a PDF column that start at one x, with the upper line.</summary>
    private static IEnumerable<(Cell Upper, double Gap)> PdfLineGaps(List<Cell> column)
    {
        var sorted = column.Where(IsPdfPiece).OrderBy(c => c.Page).ThenBy(c => c.Box.Top).ToList();
        return sorted.Zip(sorted.Skip(1), (a, b) => (a, b))
            .Where(p => p.a.Page == p.b.Page && Math.Abs(p.a.Box.Left - p.b.Box.Left) <= ColumnStartTolerance * p.a.Unit && p.b.Box.Top >= p.a.Box.Bottom - 0.1 * p.a.Unit)
            .Select(p => (p.a, Math.Max(0, p.b.Box.Top - p.a.Box.Bottom)));
    }

    /// <summary>
    /// Where a PDF column's line spacing ends and its row spacing begins, when its gaps show both: the
    /// narrowest gap under a line that reaches the column's right edge (a wrapped cell's line), found at least
    /// twice, and the median gap under lines that end short of the edge (a cell's last line), at least
    /// <see cref="RowGapMargin"/> letters wider; the limit is halfway (word-gen157-024-chromium: lines 0.56 of a
    /// letter apart, rows 0.76). Else infinity: a column of one-line cells shows only rows.
    /// </summary>
    private static double PdfLeading(List<Cell> column, double columnRight)
    {
        var gaps = PdfLineGaps(column).ToList();
        if (gaps.Count == 0)
        {
            return double.PositiveInfinity;
        }

        var unit = gaps[0].Upper.Unit;
        var wraps = gaps.Where(g => g.Upper.Box.Right >= columnRight - 1.5 * unit).Select(g => g.Gap).Order().ToList();
        var ends = gaps.Where(g => g.Upper.Box.Right < columnRight - 1.5 * unit).Select(g => g.Gap).Order().ToList();
        return wraps.Count >= 2 && wraps[1] - wraps[0] <= 0.1 * unit && ends.Count >= 2 && ends[ends.Count / 2] >= wraps[0] + RowGapMargin * unit
            ? (wraps[0] + ends[ends.Count / 2]) / 2
            : double.PositiveInfinity;
    }

    /// <summary>
    /// How much wider than a cell's line spacing a gap between rows is at least (letter heights): a word
    /// processor's borderless table spaces its rows little wider than its lines (word-gen157-013-calc, Writer:
    /// lines 0.65 of a letter apart, rows 0.81; at 0.2 each line of a wrapped name was read as a row of its own).
    /// </summary>
    internal const double RowGapMargin = 0.1;

    /// <summary>
    /// The widest gap between two lines of one wrapped name: a wrap gap, or in a PDF whose name column is set
    /// with wider line spacing (a word processor's table: word-gen157-007-chromium, lines 0.64 of a letter apart,
    /// rows 0.95) the limit its gaps show (<see cref="PdfLeading"/>), up to <see cref="MaxLeading"/>.
    /// </summary>
    private static double WrapLimit(Cell c, double leading) =>
        Math.Max((CellPlane.WrapGap - 1) * c.Unit, IsPdfPiece(c) && !double.IsInfinity(leading) ? Math.Min(leading, MaxLeading * c.Unit) : 0);

    /// <summary>The widest line spacing (gap between lines, in letter heights) taken for a wrapped cell's when the column shows it.</summary>
    internal const double MaxLeading = 0.85;

    /// <summary>
    /// Whether a target or number stands between two consecutive lines of the name column, on neither: the row's
    /// value centred on a name of two lines (gen113c-025-chromium: 宣传海报数量 / （大小海报合计）, wrapped short of
    /// the column's edge, its ≥14.64（小时） and 10 level with the gap).
    /// </summary>
    private static bool ValueBetween(Cell upper, Cell lower, List<Cell> targets, List<Cell> numbers) =>
        !targets.Concat(numbers).Any(t => Holds(upper, t) || Holds(lower, t))
        && targets.Concat(numbers).Any(t => t.Page == upper.Page && t.Box.CenterY > upper.Box.CenterY + PdfLineTolerance * upper.Unit
            && t.Box.CenterY < lower.Box.CenterY - PdfLineTolerance * upper.Unit);

    /// <summary>Whether a wrapped block's middle stands in a row and none of its lines in another row.</summary>
    private static bool InOneRow(List<Row> rows, List<Cell> block)
    {
        var middle = (block[0].Box.Top + block[^1].Box.Bottom) / 2;
        var home = rows.FindIndex(r => Distance(middle, r.Top, r.Bottom) == 0);
        return home >= 0 && block.All(p => rows.FindIndex(r => Distance(p.Box.CenterY, r.Top, r.Bottom) == 0) is var i && (i < 0 || i == home));
    }

    /// <summary>A piece of a PDF, not a -layout text character grid.</summary>
    private static bool IsPdfPiece(Cell c) => c.Unit > 1 && !c.Whole;

    /// <summary>
    /// 预期目标 above 实际完成情况 as row labels in a PDF, each beside its text (gen0-032-calc, chromium-borderless-
    /// landscape). With horizontal rules (calc-swapped) each text is the pieces in its label's band. Without,
    /// the lines right of both labels, from the money table down to the indicator table, split where the gap
    /// between two lines is widest beyond the line pitch (a cell's padding) and each label stands nearest the
    /// middle of its text. Null when the lines are no such block.
    /// </summary>
    private (string Goal, string? Outcome)? PdfStackedTexts(Cell goal, Cell outcome, double tableTop)
    {
        if (!IsPdfPiece(goal) || !IsPdfPiece(outcome))
        {
            return null;
        }

        var unit = goal.Unit;
        var left = Math.Max(goal.Box.Right, outcome.Box.Right) - 0.2 * unit;
        bool Free(Cell c) => !c.Whole && !_plane.IsUsed(c) && c != goal && c != outcome && c.Box.Top < tableTop && c.Box.Left >= left;
        bool IsText(Cell c) => !IsAnyLabel(c) && !IsLabelFragment(c) && FormAssembler.Number(c.Compact, out _) is null && !TextNormaliser.IsEmptyMark(c.Compact);

        if (goal.Band is { } goalBand && outcome.Band is { } outcomeBand && goalBand.Bottom <= outcomeBand.Top + 0.1)
        {
            var goalParts = Cells.Where(c => Free(c) && c.Band == goalBand && IsText(c)).ToList();
            var outcomeParts = Cells.Where(c => Free(c) && c.Band == outcomeBand && IsText(c)).ToList();
            if (goalParts.Count == 0 && outcomeParts.Count == 0)
            {
                return null;
            }

            foreach (var c in goalParts.Concat(outcomeParts))
            {
                _plane.Use(c);
            }

            return (Join(goalParts), Join(outcomeParts));
        }

        var lines = PdfLines(Cells.Where(c => Free(c) && c.Box.Bottom > goal.Box.Top - GoalStraddleLines * 2 * unit), unit);
        // Every line at the left of the text column too: a line holding a number or a label (the money table)
        // bounds the block above and below.
        var near = PdfLines(Cells.Where(c => !c.Whole && c != goal && c != outcome && c.Box.Top < tableTop
            && c.Box.Bottom > goal.Box.Top - GoalStraddleLines * 2 * unit && !(c.Box.Left >= left && IsText(c))), unit);
        var above = near.Where(l => l[0].Box.Top <= goal.Box.Top).Select(l => l[0].Box.Bottom).DefaultIfEmpty(double.NegativeInfinity).Max();
        var below = near.Where(l => l[0].Box.Top > outcome.Box.Top).Select(l => l[0].Box.Top).DefaultIfEmpty(tableTop).Min();
        var block = lines.Where(l => l[0].Box.Top > above - 0.1 && l[0].Box.Bottom < below + 0.1).ToList();
        if (block.Count < 2 || !block.All(l => l.All(IsText)))
        {
            return null;
        }

        var gaps = Enumerable.Range(0, block.Count - 1).Select(s => block[s + 1][0].Box.Top - block[s][0].Box.Bottom).Order().ToList();
        var pitchGap = gaps[gaps.Count / 2 == gaps.Count ? 0 : (gaps.Count - 1) / 2];
        return SplitStacked(block, goal, outcome, (top, bottom) => Math.Max(0, bottom - top - pitchGap), PageFlow(block, pitchGap));
    }

    /// <summary>
    /// Heights of a block of lines that a page break cuts as one flow: each page's first line follows the previous
    /// page's last at the block's line gap (gen107-011-chromium: a goal of four lines, two at the foot of page 2 and two
    /// atop page 3, then the outcome; 实际完成情况 atop page 3). A height on a page without lines of the block is kept.
    /// </summary>
    private static Func<double, double> PageFlow(List<List<Cell>> block, double lineGap)
    {
        var shift = new Dictionary<long, double>();
        var pages = block.GroupBy(l => Flow.PageOf(l[0].Box.Top)).OrderBy(g => g.Key).ToList();
        var offset = 0.0;
        for (var i = 1; i < pages.Count; i++)
        {
            var previousBottom = pages[i - 1].Max(l => l[0].Box.Bottom) - offset;
            offset = pages[i].Min(l => l[0].Box.Top) - previousBottom - lineGap;
            shift[pages[i].Key] = offset;
        }

        return y => shift.TryGetValue(Flow.PageOf(y), out var d) ? y - d : y;
    }

    /// <summary>Pieces grouped into printed lines (tops within <see cref="PdfLineTolerance"/>), top to bottom.</summary>
    private static List<List<Cell>> PdfLines(IEnumerable<Cell> pieces, double unit)
    {
        var lines = new List<List<Cell>>();
        foreach (var c in pieces.OrderBy(c => c.Box.Top))
        {
            if (lines.Count > 0 && c.Box.Top - lines[^1][0].Box.Top <= PdfLineTolerance * unit)
            {
                lines[^1].Add(c);
            }
            else
            {
                lines.Add([c]);
            }
        }

        return lines.Select(l => l.OrderBy(c => c.Box.Left).ToList()).ToList();
    }

    /// <summary>
    /// Goal and outcome printed side by side under their headers in a PDF: a piece belongs to the outcome
    /// when it starts at or right of the outcome column's start (the leftmost start of the pieces centred
    /// right of the middle), so a short last line of the outcome (chromium-borderless: <c>益。</c>, centred
    /// left of the middle) stays with its text. Null for -layout text.
    /// </summary>
    private (List<Cell> Goal, List<Cell> Outcome)? PdfGoalColumns(Cell goalHeader, double left, double split, double top, double tableTop)
    {
        if (!IsPdfPiece(goalHeader))
        {
            return null;
        }

        var parts = Region(left, double.PositiveInfinity, top, tableTop);
        var start = parts.Where(p => p.Box.CenterX >= split).Select(p => p.Box.Left).DefaultIfEmpty(double.PositiveInfinity).Min();
        var tolerance = ColumnStartTolerance * goalHeader.Unit;
        var moved = parts.Where(p => p.Box.CenterX < split && p.Box.Left >= start - tolerance).ToList();
        foreach (var p in moved)
        {
            diagnostics.Info(p.Line, Disclosure.DiagnosticCodes.CellMoved, $"{p.Place}：“{p.Text.Trim()}”从其列首读入“实际完成情况”。");
        }

        return (parts.Where(p => p.Box.CenterX < split && p.Box.Left < start - tolerance).ToList(),
            parts.Where(p => p.Box.CenterX >= split || p.Box.Left >= start - tolerance).ToList());
    }

    /// <summary>
    /// Where a wrapped text beside its label begins, above <paramref name="top"/> when the text stands as far above
    /// its label as below (gen83-034-calc: a goal of six lines, 年度总体目标 level with its fourth): the lines above
    /// that start where the text's lines do and follow at their pitch (<see cref="BlockPitchSlack"/>) are the text's.
    /// </summary>
    private double TextTop(Cell right, double top, double tableTop)
    {
        var tolerance = ColumnStartTolerance * right.Unit;
        var column = Cells.Where(c => IsPdfPiece(c) && !_plane.IsUsed(c) && Math.Abs(c.Box.Left - right.Box.Left) <= tolerance && c.Box.CenterY < tableTop
            && !IsAnyLabel(c) && !IsLabelFragment(c) && FormAssembler.Number(c.Compact, out _) is null).OrderBy(c => c.Box.Top).ToList();
        var lines = column.Where(c => c.Box.CenterY > top).ToList();
        var steps = lines.Zip(lines.Skip(1), (a, b) => b.Box.Top - a.Box.Top).Where(d => d > PdfLineTolerance * right.Unit).ToList();
        if (steps.Count == 0)
        {
            return top;
        }

        var reach = steps.Min() + BlockPitchSlack * right.Unit;
        var first = lines[0];
        for (var above = column.LastOrDefault(c => c.Box.Top < first.Box.Top - PdfLineTolerance * right.Unit);
             above is not null && first.Box.Top - above.Box.Top <= reach;
             above = column.LastOrDefault(c => c.Box.Top < first.Box.Top - PdfLineTolerance * right.Unit))
        {
            first = above;
        }

        return Math.Min(top, first.Box.CenterY - PdfLineTolerance * right.Unit);
    }

    /// <summary>
    /// The pieces of a wrapped text right of its label in a PDF: with horizontal rules, the label's band
    /// (calc-swapped: a goal of six lines whose first two stand above its label's reach); the next piece
    /// on the line right of the text bounds it only when no line of the text reaches past it (gen0-036-calc:
    /// <c>2、扩展…</c> printed a space after <c>1、优化…；</c>, the text's second line running under both).
    /// Null for -layout text and drawn cells.
    /// </summary>
    private List<Cell>? PdfTextBeside(Cell label, Cell right, double tableTop)
    {
        if (!IsPdfPiece(label) || !IsPdfPiece(right))
        {
            return null;
        }

        var (top, bottom) = label.Band is { } band && right.Band == band
            ? (band.Top, Math.Min(band.Bottom, tableTop))
            : (TextTop(right, label.Box.Top - 2 * label.Unit, tableTop), tableTop);
        var limit = double.PositiveInfinity;
        var (previous, joined) = (right, false);
        for (var next = _plane.RightOf(right); next is not null; (previous, next) = (next, _plane.RightOf(next)))
        {
            var edge = next.Box.Left;
            var crossed = Region(right.Box.Left - right.Unit, double.PositiveInfinity, top, bottom, exclude: label)
                .Any(p => p != next && p.Box.Left < edge && p.Box.Right > edge + label.Unit);
            // Once a line of the text runs under a piece, the pieces that follow it a space apart are the text too.
            if (!crossed && !(joined && edge - previous.Box.Right < label.Unit))
            {
                limit = edge;
                break;
            }

            joined = true;
            diagnostics.Info(next.Line, Disclosure.DiagnosticCodes.CellMoved, $"{next.Place}：“{next.Text.Trim()}”与左侧文字同属一格（下一行越过其左缘）。");
        }

        return Region(right.Box.Left - right.Unit, limit, top, bottom, exclude: label);
    }
}
