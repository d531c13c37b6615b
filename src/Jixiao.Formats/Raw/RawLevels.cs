using Jixiao.Domain.Model;
using Jixiao.Formats.Disclosure;

namespace Jixiao.Formats.Raw;

/// <summary>
/// Stage 4b of the raw-text reader: 二级 labels printed as a block, away from their rows (LibreOffice writes
/// a merged label column before the rows it spans; Chromium a narrow label column across a page). Their
/// order is the rows' order, so the rows are cut into as many consecutive groups as there are labels, each
/// of at least one row, where the names and targets read most like their group's (数量 counts, 时效 times,
/// 满意度 satisfaction …). Every row so placed is a diagnostic.
/// </summary>
public static class RawLevels
{
    /// <summary>Two or more 二级 labels printed with no row between them: the labels came as a block.</summary>
    public const int BunchedLabels = 2;

    /// <summary>Whether the 二级 labels came as a block: <see cref="BunchedLabels"/> in a row with no name between.</summary>
    internal static bool Bunched(IReadOnlyList<(int Pos, bool IsLabel)> stream)
    {
        var run = 0;
        foreach (var (_, isLabel) in stream)
        {
            run = isLabel ? run + 1 : 0;
            if (run >= BunchedLabels)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// How many lines from a row's name a label may stand and still be printed beside that row (a label
    /// wrapped over two or three lines, vertically centred on a one-line name: Chromium).
    /// </summary>
    public const int AnchorLines = 1;

    /// <summary>
    /// What a label covering the row it is printed beside is worth: more than any row's words
    /// (<see cref="Fit"/> gives at most 2), so the printed place wins over the vocabulary, which only moves
    /// the cuts between placed labels (chromium-official, gen0 Chromium: a group's first rows read under the
    /// group before when its label was printed in the middle of the group).
    /// </summary>
    public const double AnchorBonus = 3;

    /// <summary>
    /// What a row of distance costs between a label's place in the text and the middle of the rows it is given
    /// (<see cref="PlaceCost"/>): more than a row's words are worth (<see cref="Fit"/> gives at most 2), so the
    /// place decides and the words only break its ties.
    /// </summary>
    public const double PlaceWeight = 4;

    /// <summary>
    /// The most rows a label may stand from where its group's middle is printed for the labels to be placed by
    /// their places (<see cref="PlaceCost"/>): further, the rows were read in pieces or the label column
    /// apart, and each label is left on its nearest row (gen107-006-chromium, gen0-027-chromium).
    /// </summary>
    public const double MaxMisplaced = 1;

    /// <summary>
    /// How far a label's place (<paramref name="place"/>, in rows: <c>r</c> on the line of row r's name,
    /// <c>r - 0.5</c> on a line of its own before row r) stands from where a label centred over rows
    /// <paramref name="first"/>..<paramref name="last"/> is printed. Raw text prints a merged label where its
    /// middle falls: on the line of the group's middle row, the upper one of two (a group of 2 on its first
    /// row, of 3 on its second, of 4 on its second), or on a line of its own just above the row below the
    /// middle (2 rows: between them; 3: before the second). Tallied on the eight tuning zoos, Chromium and
    /// LibreOffice alike: 1,100 of 1,270 labels printed among their rows stand so. So the middle lies from
    /// the place to half a row below it.
    /// </summary>
    internal static double PlaceCost(int first, int last, double place)
    {
        var middle = (first + last) / 2.0;
        return Math.Max(0, place - middle) + Math.Max(0, middle - place - 0.5);
    }

    /// <summary>The 二级 label of each row: the labels' order kept, each over at least one row.</summary>
    /// <param name="anchors">Per label the row it is printed beside, or -1.</param>
    /// <param name="places">Per label its place among the rows (see <see cref="PlaceCost"/>), or null for a label printed in a block.</param>
    internal static string[]? Assign(IReadOnlyList<RawRow> rows, IReadOnlyList<string> labels, DiagnosticBag diagnostics, IReadOnlyList<int>? anchors = null) =>
        Assign(rows, labels, diagnostics, anchors, null, out _);

    /// <param name="misplaced">The most rows a label stands away from where its group's middle is printed (<see cref="PlaceCost"/>).</param>
    /// <summary>The page of each row's name and of each label.</summary>
    internal sealed record Pages(IReadOnlyList<int> Rows, IReadOnlyList<int> Labels);

    /// <summary>
    /// What a row costs under a label printed on another page: more than a row's words are worth
    /// (<see cref="Fit"/> gives at most 2). A label column printed as a block is printed once a page, before
    /// or after that page's rows, a group cut by the page break once on each (gen83-022-calc: 社会效益指标 in
    /// both pages' blocks); a page whose rows have no label of their own takes the label before. Not for
    /// labels printed among their rows: Chromium prints a cut group's label on its first page only.
    /// </summary>
    public const double OtherPageCost = 3;

    internal static string[]? Assign(IReadOnlyList<RawRow> rows, IReadOnlyList<string> labels, DiagnosticBag diagnostics, IReadOnlyList<int>? anchors, IReadOnlyList<double?>? places, out double misplaced, Pages? pages = null)
    {
        misplaced = 0;
        var n = rows.Count;
        var k = labels.Count;
        if (k == 0 || k > n || n > RawRows.MaxRun)
        {
            return null;
        }

        // best[r, g]: rows 0..r-1 in groups 0..g-1.
        var best = new double[n + 1, k + 1];
        var cut = new int[n + 1, k + 1];
        for (var r = 0; r <= n; r++)
        {
            for (var g = 0; g <= k; g++)
            {
                best[r, g] = double.NegativeInfinity;
            }
        }

        best[0, 0] = 0;
        // Each page's first and last row.
        var spread = new Dictionary<int, (int First, int Last)>();
        for (var r = 0; pages is not null && r < n && r < pages.Rows.Count; r++)
        {
            spread[pages.Rows[r]] = spread.TryGetValue(pages.Rows[r], out var part) ? (Math.Min(part.First, r), Math.Max(part.Last, r)) : (r, r);
        }

        var fit = new double[n, k];
        for (var r = 0; r < n; r++)
        {
            for (var g = 0; g < k; g++)
            {
                fit[r, g] = Fit(rows[r], labels[g]) + (anchors is not null && g < anchors.Count && anchors[g] == r ? AnchorBonus : 0)
                    - (places is null && pages is not null && r < pages.Rows.Count && g < pages.Labels.Count && pages.Rows[r] != pages.Labels[g] ? OtherPageCost : 0);
            }
        }

        for (var g = 1; g <= k; g++)
        {
            for (var r = g; r <= n - (k - g); r++)
            {
                var sum = 0.0;
                for (var s = r - 1; s >= g - 1; s--)
                {
                    sum += fit[s, g - 1];
                    var place = places is not null && g - 1 < places.Count && places[g - 1] is { } p ? PlaceWeight * OnPage(s, r - 1, g - 1, p) : 0;
                    if (best[s, g - 1] + sum - place > best[r, g])
                    {
                        best[r, g] = best[s, g - 1] + sum - place;
                        cut[r, g] = s;
                    }
                }
            }
        }

        var result = new string[n];
        for (int g = k, r = n; g > 0; g--)
        {
            var s = cut[r, g];
            for (var i = s; i < r; i++)
            {
                result[i] = labels[g - 1];
            }

            if (places is not null && g - 1 < places.Count && places[g - 1] is { } p)
            {
                misplaced = Math.Max(misplaced, OnPage(s, r - 1, g - 1, p));
            }

            r = s;
        }

        // A group cut by a page break: its label is centred on its rows on the label's page (gen0-021-chromium:
        // 社会效益指标 on the first of its two rows on page 1, two more on page 2 with no label).
        double OnPage(int first, int last, int label, double place)
        {
            if (pages is not null && label < pages.Labels.Count && spread.TryGetValue(pages.Labels[label], out var part)
                && Math.Max(first, part.First) <= Math.Min(last, part.Last))
            {
                (first, last) = (Math.Max(first, part.First), Math.Min(last, part.Last));
            }

            return PlaceCost(first, last, place);
        }

        diagnostics.Info(rows[0].Line, DiagnosticCodes.LabelAfterRows, places is null
            ? $"第{rows[0].Line}行：二级指标标签集中印出，按顺序和指标名称分配到{n}行。"
            : $"第{rows[0].Line}行：二级指标标签按所在位置（合并单元格居中）分配到{n}行。");
        return result;
    }

    /// <summary>The 一级 label a 二级 label belongs under (成本指标 under 产出指标 unless the form has a cost group).</summary>
    internal static string? Level1Of(string level2) => IndicatorLevels.Level2.TryGetValue(level2, out var l1) ? l1 : null;

    private static double Fit(RawRow row, string label) => IndicatorLevels.Affinity(label, row.Name + " " + row.Target);
}
