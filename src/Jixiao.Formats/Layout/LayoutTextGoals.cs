using Jixiao.Formats.Disclosure;

namespace Jixiao.Formats.Layout;

/// <summary>
/// 预期目标 and 实际完成情况 side by side in -layout text: the header line is placed on its own, so the outcome's
/// header stands far right of where the outcome's lines start (gen0-005-chromium: 实际完成情况 at character 54, the
/// outcome's lines at 22–23), and a split at the middle between the headers gives the outcome's first line, printed
/// above the goal's, to the goal.
/// </summary>
internal sealed partial class FormBuilder
{
    /// <summary>How many characters left of the outcome column's start a piece may start and still be the outcome's
    /// (pdftotext starts one column's lines a character or two apart: gen0-005-chromium, 22 and 23).</summary>
    private const double LayoutColumnSlack = 2;

    /// <summary>
    /// The goal's and outcome's pieces of -layout text: where the two columns share a line, the piece after the
    /// line's widest gap starts the outcome; the median of those starts is the outcome column's start. A piece that
    /// starts there or right of it (<see cref="LayoutColumnSlack"/>), or nearer it than the goal's start, begins the
    /// outcome's part of its line. Null when the header is no -layout piece, no line
    /// holds both texts or the lines disagree where the outcome starts.
    /// </summary>
    private (List<Cell> Goal, List<Cell> Outcome)? LayoutGoalColumns(Cell goalHeader, double left, double top, double tableTop)
    {
        if (goalHeader.Unit != 1 || goalHeader.Whole)
        {
            return null;
        }

        // Both texts empty: nothing to part (a form printed with blank 预期目标 / 实际完成情况 cells).
        var parts = Region(left, double.PositiveInfinity, top, tableTop);
        if (parts.Count == 0 || parts.Any(p => p.Unit != 1 || p.Whole))
        {
            return null;
        }

        var starts = new List<double>();
        foreach (var line in parts.GroupBy(p => (p.Page, p.Box.Top)))
        {
            var pieces = line.OrderBy(p => p.Box.Left).ToList();
            if (pieces.Count < 2)
            {
                continue;
            }

            var widest = Enumerable.Range(1, pieces.Count - 1).MaxBy(i => pieces[i].Box.Left - pieces[i - 1].Box.Right);
            starts.Add(pieces[widest].Box.Left);
        }

        // A start a few characters right of the goal's is a word space in the goal (gen0-010-chromium: 2023年 1至).
        var goalStart = parts.Min(p => p.Box.Left);
        starts.RemoveAll(x => x - goalStart < LayoutColumnWidth);
        starts.Sort();
        var lead = OutcomeLead(parts, goalHeader, goalStart);
        if (lead is not null && (starts.Count == 0 || lead < starts[starts.Count / 2] - LayoutColumnSlack))
        {
            // Outcome lines that start left of the widest gaps: those gaps are word spaces inside the outcome
            // (gen0-006-calc: 做到了 100%), or no line holds both columns.
            starts = [lead.Value];
        }

        if (starts.Count == 0)
        {
            return null;
        }

        var start = starts[starts.Count / 2];
        // The starts must agree: a goal alone whose lines hold word spaces (按 2023年城乡, 完成 2024年邮寄 in
        // chromium-borderless) gives starts that scatter.
        if (starts.Count(x => Math.Abs(x - start) <= LayoutColumnSlack) * 2 <= starts.Count)
        {
            return null;
        }

        var (goal, outcome) = (new List<Cell>(), new List<Cell>());
        foreach (var line in parts.GroupBy(p => (p.Page, p.Box.Top)))
        {
            // A line's first piece, or one after a gap wider than a word space, goes with the column whose start it
            // stands nearer (pdftotext shifts a column's lines left where the line is shorter: chromium-self-wide's
            // outcome at 65, then 51, then 44, its goal at 8); a piece a word space after another is that one's,
            // unless it starts at the outcome's start (two tight columns one space apart: gen0-005-chromium).
            var outcomeLine = false;
            Cell? previous = null;
            foreach (var p in line.OrderBy(p => p.Box.Left))
            {
                if (p.Box.Left >= start - LayoutColumnSlack)
                {
                    outcomeLine = true;
                }
                else if (previous is null || p.Box.Left - previous.Box.Right > 1)
                {
                    outcomeLine = p.Box.Left - goalStart > start - p.Box.Left;
                }

                (outcomeLine ? outcome : goal).Add(p);
                previous = p;
            }
        }

        if (goal.Count == 0 || outcome.Count == 0)
        {
            return null;
        }

        var split = (goalHeader.Box.CenterX + start) / 2;
        foreach (var p in outcome.Where(p => p.Box.CenterX < split))
        {
            diagnostics.Info(p.Line, DiagnosticCodes.CellMoved, $"{p.Place}：“{p.Text}”始于实际完成情况一栏的起点，读作实际完成情况。");
        }

        return (goal, outcome);
    }

    /// <summary>How many characters right of the goal's start the outcome column starts at least: a goal line is
    /// indented by a character or two, never by a column.</summary>
    private const double LayoutColumnWidth = 8;

    /// <summary>
    /// Where the outcome column starts by the lines' leads (a line's first piece, or one after more than a word
    /// space): the leftmost lead <see cref="LayoutColumnWidth"/> right of the goal's start and right of the goal's
    /// header, where pdftotext starts each outcome line that holds no goal (gen0-010-chromium: goal and outcome on
    /// alternate lines at 6 and 33, no line holding both; gen0-006-calc: the one line holding both splits at a word
    /// space, 做到了 100%). Null when fewer than two lines lead there.
    /// </summary>
    private static double? OutcomeLead(List<Cell> parts, Cell goalHeader, double goalStart)
    {
        var leads = new List<double>();
        foreach (var line in parts.GroupBy(p => (p.Page, p.Box.Top)))
        {
            Cell? previous = null;
            foreach (var p in line.OrderBy(p => p.Box.Left))
            {
                if (previous is null || p.Box.Left - previous.Box.Right > 1)
                {
                    leads.Add(p.Box.Left);
                }

                previous = p;
            }
        }

        // Two lines at least must lead there: one lead is a wide space inside the goal (gen113c-025-chromium:
        // 12台（套）    ，覆盖全市16).
        var right = leads.Where(x => x - goalStart >= LayoutColumnWidth && x >= goalHeader.Box.Right).Order().ToList();
        return right.Where(x => right.Count(y => Math.Abs(y - x) <= LayoutColumnSlack) >= 2).Cast<double?>().FirstOrDefault();
    }
}
