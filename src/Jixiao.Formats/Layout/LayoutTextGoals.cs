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

        var parts = Region(left, double.PositiveInfinity, top, tableTop);
        if (parts.Any(p => p.Unit != 1 || p.Whole))
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

        if (starts.Count == 0)
        {
            return null;
        }

        starts.Sort();
        var start = starts[starts.Count / 2];
        // The starts must agree: a goal alone whose lines hold word spaces (按 2023年城乡, 完成 2024年邮寄 in
        // chromium-borderless) gives starts that scatter.
        if (starts.Count(x => Math.Abs(x - start) <= LayoutColumnSlack) * 2 <= starts.Count)
        {
            return null;
        }

        var goalStart = parts.Min(p => p.Box.Left);
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
}
