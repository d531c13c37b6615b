using Jixiao.Domain.Model;
using System.Text.RegularExpressions;

namespace Jixiao.Formats.Layout;

/// <summary>
/// The cells of one form on the reading plane, with the geometric questions the assembler asks: what
/// stands right of a label, below it, in a column between two heights. Pieces of wrapped cells (when the
/// borders were not drawn) are joined here, by where they stand.
/// </summary>
internal sealed class CellPlane
{
    /// <summary>Two pieces on lines closer than this many line heights may be one wrapped cell.</summary>
    internal const double WrapGap = 1.6;

    /// <summary>
    /// Cells whose vertical overlap is at least this share of the shorter one stand on one row. A quarter:
    /// a label printed at the middle of a two-line value overlaps each of its lines by about a third.
    /// </summary>
    internal const double SameRow = 0.25;

    private readonly HashSet<Cell> _used = new(ReferenceEqualityComparer.Instance);

    public CellPlane(List<Cell> cells)
    {
        Cells = JoinSplitLabels(CompleteCutLevelLabels(JoinPageCuts(JoinWrappedNumbers(SplitGluedScores(SplitGluedAmounts(SplitGluedHeaders(cells)))))));
    }

    /// <summary>The geometry repairs behind these cells, each with its cell's place (page and box), for diagnostics.</summary>
    public IEnumerable<string> Repairs => Cells.Where(c => !string.IsNullOrEmpty(c.Repair)).Select(c => $"{c.Place}：{c.Repair}（{c.Text.Trim()}）");

    /// <summary>The level headers that narrow neighbouring columns glue to the next header word.</summary>
    private static readonly string[] LevelHeaders = ["一级指标", "二级指标", "三级指标"];

    /// <summary>
    /// A free piece that is a level header glued to the next column's header word (<c>一级指标二级指标</c>,
    /// <c>二级指标三级指标</c>: gen0-032-calc, narrow borderless columns a tenth of a character apart) is cut
    /// after the level header, its box shared by character count (the header words are CJK, one width each).
    /// </summary>
    private static List<Cell> SplitGluedHeaders(List<Cell> cells)
    {
        if (!cells.Any(IsGluedHeader))
        {
            return cells;
        }

        var result = new List<Cell>(cells.Count + 4);
        foreach (var c in cells)
        {
            var piece = c;
            while (IsGluedHeader(piece))
            {
                var word = LevelHeaders.First(w => piece.Compact.StartsWith(w, StringComparison.Ordinal));
                var cut = piece.Box.Left + piece.Box.Width * word.Length / piece.Compact.Length;
                // New cells, not copies: a copy would keep the compact text cached from the whole.
                result.Add(new Cell(piece.Page, piece.Box with { Right = cut }, word, piece.Line, Whole: false, piece.Unit, piece.Cut)
                {
                    Band = piece.Band,
                    Repair = Repaired(piece.Repair, $"表头“{piece.Compact}”粘连，在“{word}”后切开"),
                });
                piece = new Cell(piece.Page, piece.Box with { Left = cut }, piece.Compact[word.Length..], piece.Line, Whole: false, piece.Unit, piece.Cut) { Band = piece.Band };
            }

            result.Add(piece);
        }

        return result;
    }

    /// <summary>
    /// Two amounts of neighbouring money columns printed tight (gen0-034-calc: <c>2,666.182,666.18</c>, LibreOffice's
    /// right-aligned numbers 0.1 em apart): the first ends at its second decimal, and the second is an amount with
    /// two decimals too (so a lone <c>0.123</c> is never cut).
    /// </summary>
    private static readonly Regex GluedAmounts = new(@"^(\d{1,3}(?:,\d{3})+\.\d\d|\d+\.\d\d)(\d{1,3}(?:,\d{3})+\.\d\d%?|\d+\.\d\d%?)$", RegexOptions.CultureInvariant);

    /// <summary>An amount with the next column's empty mark glued after it (gen0-025-calc: <c>99.23-</c>, gen59-020-calc: <c>70.04/</c>).</summary>
    private static readonly Regex GluedEmptyMark = new(@"^(\d[\d,]*(?:\.\d+)?%?)([-/—–－／])$", RegexOptions.CultureInvariant);

    /// <summary>
    /// A free piece that is two glued values of neighbouring columns (<see cref="GluedAmounts"/>,
    /// <see cref="GluedEmptyMark"/>) is cut in two, its box shared by the characters' widths (digits a full share,
    /// <c>.</c> and <c>,</c> half).
    /// </summary>
    private static List<Cell> SplitGluedAmounts(List<Cell> cells) => SplitEach(cells, c =>
    {
        var m = c.Whole || c.Compact.Length < 2 ? null : GluedAmounts.Match(c.Compact) is { Success: true } a ? a : GluedEmptyMark.Match(c.Compact) is { Success: true } e ? e : null;
        if (m is null)
        {
            return null;
        }

        static double Width(string s) => s.Sum(ch => ch is '.' or ',' ? 0.5 : 1.0);
        var (first, second) = (m.Groups[1].Value, m.Groups[2].Value);
        var cut = c.Box.Left + c.Box.Width * Width(first) / (Width(first) + Width(second));
        return (first, second, cut, cut, $"“{c.Compact}”是两栏粘连的值，切为“{first}”与“{second}”");
    });

    /// <summary>
    /// Each piece that <paramref name="split"/> cuts (its two texts, the right edge of the first and the left of
    /// the second, the repair note) as two pieces of its line; the others as they are.
    /// </summary>
    private static List<Cell> SplitEach(List<Cell> cells, Func<Cell, (string First, string Second, double Right, double Left, string Note)?> split)
    {
        List<Cell>? result = null;
        for (var i = 0; i < cells.Count; i++)
        {
            var c = cells[i];
            if (split(c) is not { } cut)
            {
                result?.Add(c);
                continue;
            }

            result ??= cells.Take(i).ToList();
            result.Add(new Cell(c.Page, c.Box with { Right = cut.Right }, cut.First, c.Line, Whole: false, c.Unit, c.Cut) { Band = c.Band, Repair = Repaired(c.Repair, cut.Note) });
            result.Add(new Cell(c.Page, c.Box with { Left = cut.Left }, cut.Second, c.Line, Whole: false, c.Unit, c.Cut) { Band = c.Band });
        }

        return result ?? cells;
    }

    /// <summary>A number's first line when a narrow column wraps it inside its decimals: it ends at its point or one decimal.</summary>
    private static readonly Regex NumberHead = new(@"^\d[\d,]*\.\d?$", RegexOptions.CultureInvariant);

    /// <summary>A number's last line: one or two digits.</summary>
    private static readonly Regex NumberTail = new(@"^\d{1,2}$", RegexOptions.CultureInvariant);

    /// <summary>
    /// A number a narrow PDF column wrapped inside its decimals (a word processor's table: <c>6,674.0</c> /
    /// <c>0</c>, <c>876.</c> / <c>94</c>, the 总分 row's <c>99.9</c> / <c>2</c>) is joined back into one piece:
    /// the head (<see cref="NumberHead"/>) and right under it, at the page's line spacing, sharing its right or
    /// left edge, the tail (<see cref="NumberTail"/>), two decimals together. Read apart, the piece nearer the
    /// row's middle was the value.
    /// </summary>
    private static List<Cell> JoinWrappedNumbers(List<Cell> cells)
    {
        var heads = cells.Where(c => !c.Whole && c.Unit > 1 && NumberHead.IsMatch(c.Compact)).ToList();
        if (heads.Count == 0)
        {
            return cells;
        }

        var reach = ReachOf(MeasureLeading(cells));
        var joined = new Dictionary<Cell, Cell>(ReferenceEqualityComparer.Instance);
        var tails = new HashSet<Cell>(ReferenceEqualityComparer.Instance);
        foreach (var head in heads)
        {
            var unit = head.Unit;
            // Two decimals in all, as amounts, weights and scores print (9.5 over the next row's 10 stays apart).
            var decimals = head.Compact.Length - head.Compact.IndexOf('.') - 1;
            var tail = cells.Where(c => !c.Whole && c.Page == head.Page && !tails.Contains(c) && !joined.ContainsKey(c) && NumberTail.IsMatch(c.Compact) && decimals + c.Compact.Length == 2
                    && c.Box.Top >= head.Box.Bottom - 0.2 * unit && c.Box.Top <= head.Box.Bottom + reach * unit
                    && (Math.Abs(c.Box.Right - head.Box.Right) <= EdgeTolerance * unit || Math.Abs(c.Box.Left - head.Box.Left) <= EdgeTolerance * unit))
                .MinBy(c => c.Box.Top);
            if (tail is null)
            {
                continue;
            }

            tails.Add(tail);
            // One line's height at the two lines' middle, where the cell centres it: the reader takes a free piece for a line.
            var middle = (head.Box.Top + tail.Box.Bottom) / 2;
            var box = new Box(Math.Min(head.Box.Left, tail.Box.Left), middle - head.Box.Height / 2, Math.Max(head.Box.Right, tail.Box.Right), middle + head.Box.Height / 2);
            joined[head] = new Cell(head.Page, box, head.Compact + tail.Compact, head.Line, Whole: false, unit, head.Cut)
            {
                Band = head.Band,
                Repair = Repaired(head.Repair, $"数字折成两行（{head.Compact} / {tail.Compact}），合为“{head.Compact + tail.Compact}”"),
            };
        }

        return joined.Count == 0 ? cells : [.. cells.Where(c => !tails.Contains(c)).Select(c => joined.GetValueOrDefault(c, c))];
    }

    /// <summary>How far (letter heights) the edges of a wrapped number's two lines may differ.</summary>
    internal const double EdgeTolerance = 0.3;

    /// <summary>A score with the deviation's text glued after it (gen151c-023-calc: <c>8无</c>, the columns one space apart).</summary>
    private static readonly Regex GluedScore = new(@"^(\d{1,3}(?:\.\d{1,2})?)(\p{IsCJKUnifiedIdeographs}.*)$", RegexOptions.CultureInvariant);

    /// <summary>A plain number: a weight or a score.</summary>
    private static readonly Regex PlainNumber = new(@"^\d{1,3}(?:\.\d{1,2})?$", RegexOptions.CultureInvariant);

    /// <summary>
    /// In -layout text, a piece that is a score glued to the deviation after it (<see cref="GluedScore"/>) while a
    /// plain number (the weight) stands before it on its line is cut in two: left whole, the row has no 得分 to
    /// be cut at and joins the row above. A name starting with digits (12家长护险…) has no number before it.
    /// </summary>
    private static List<Cell> SplitGluedScores(List<Cell> cells) => SplitEach(cells, c =>
    {
        var m = c.Whole || c.Unit != 1 ? null : GluedScore.Match(c.Compact) is { Success: true } g ? g : null;
        if (m is null || !cells.Any(o => !ReferenceEquals(o, c) && o.Page == c.Page && o.Box.Top == c.Box.Top && o.Box.Right <= c.Box.Left && PlainNumber.IsMatch(o.Compact)))
        {
            return null;
        }

        var (first, second) = (m.Groups[1].Value, m.Groups[2].Value);
        var cut = c.Box.Left + first.Length;
        return (first, second, cut, cut + 1, $"“{c.Compact}”是得分与偏差原因粘连，切为“{first}”与“{second}”");
    });

    /// <summary>A cell's repair notes with one more.</summary>
    private static string? Repaired(string? notes, string? note) =>
        string.IsNullOrEmpty(notes) ? (string.IsNullOrEmpty(note) ? null : note) : string.IsNullOrEmpty(note) ? notes : notes + "；" + note;

    private static bool IsGluedHeader(Cell c) => !c.Whole && c.Compact == c.Text && c.Compact.Length <= 16
        && LevelHeaders.FirstOrDefault(w => c.Compact.Length > w.Length && c.Compact.StartsWith(w, StringComparison.Ordinal)) is { } word
        && Labels.IndicatorColumn(c.Compact[word.Length..]) is { } next && next != Labels.IndicatorColumn(word);

    /// <summary>
    /// A drawn cell that a page break cut in two (no rule below it on one page, none above it on the next,
    /// same column edges) is one cell: a long goal or name printed across the break.
    /// </summary>
    private static List<Cell> JoinPageCuts(List<Cell> cells)
    {
        if (!cells.Any(c => c.Cut.HasFlag(PageCut.Below)))
        {
            return cells;
        }

        var result = new List<Cell>(cells);
        // The top of each page's first row of drawn cells (not a repeated header), taken before any join.
        var firstRows = FirstRows(cells);
        foreach (var upper in cells.Where(c => c.Cut.HasFlag(PageCut.Below)).OrderBy(c => c.Box.Top))
        {
            // Under a header repeated on the next page the rest has a rule above it: it is then the cell of the
            // same column that stands in the first row under that header.
            var firstRow = firstRows.GetValueOrDefault(upper.Page + 1, double.NaN);
            var lower = result.FirstOrDefault(c => c.Page == upper.Page + 1 && (c.Cut.HasFlag(PageCut.Above) || Math.Abs(c.Box.Top - firstRow) <= RuleSlack)
                && !IsHeaderWord(c.Compact) && SameColumn(c, upper));
            var current = result.FirstOrDefault(c => ReferenceEquals(c, upper)) ?? result.FirstOrDefault(c => c.Page == upper.Page && c.Box == upper.Box);
            // A whole label on the next page starts a row of its own (gen149-004-chromium: the row 实施单位 at a
            // page's foot printed without its bottom rule, 项目资金（万元） under it on the next page); not when the two
            // spell one label (gen149-002-chromium: 上年 / 结转资金).
            if (lower is null || current is null || lower.Text != current.Text && Labels.IsLabel(lower.Compact) && !Labels.IsLabel(current.Compact + lower.Compact))
            {
                continue;
            }

            result.Remove(lower);
            result.Remove(current);
            // LibreOffice prints a merged cell's text again on each page it crosses: keep it once.
            // Letters that overflowed the cut and were joined above are printed again at the top of the rest.
            var text = lower.Text == current.Text ? current.Text
                : current.Overflow is { Length: > 0 } overflow && lower.Text.StartsWith(overflow, StringComparison.Ordinal) ? current.Text + lower.Text[overflow.Length..]
                : current.Text + lower.Text;
            result.Add(new Cell(current.Page, current.Box, text, current.Line, Whole: true, current.Unit, (current.Cut & ~PageCut.Below) | (lower.Cut & PageCut.Below))
            {
                Repair = Repaired(Repaired(current.Repair, lower.Repair), FormattableString.Invariant($"与第{lower.Page}页续格“{lower.Text.Trim()}”跨页合为一格")),
                Overflow = lower.Overflow,
                Rest = lower.Box,
            });
        }

        return result;
    }

    /// <summary>
    /// A merged 一级/二级 cell that a page break cut, each part closed by its page's rules, prints its label's
    /// start in the part above and the rest in the part below, in the first row under the repeated header
    /// (word-gen181-024-calc: 社会效益指 at the foot of page 3, 标 atop page 4): each part is given the whole label,
    /// so that the rows on both pages are under it.
    /// </summary>
    private static List<Cell> CompleteCutLevelLabels(List<Cell> cells)
    {
        var starts = cells.Where(c => c.Whole && c.Unit > 1 && !IndicatorLevels.IsLabel(c.Compact) && c.Compact.Length > 1 && IndicatorLevels.IsLabelPrefix(c.Compact)).ToList();
        if (starts.Count == 0)
        {
            return cells;
        }

        var firstRows = FirstRows(cells);
        var result = new List<Cell>(cells);
        foreach (var start in starts)
        {
            var index = result.IndexOf(start);
            var rest = result.FirstOrDefault(c => c.Whole && c.Page == start.Page + 1 && Math.Abs(c.Box.Top - firstRows.GetValueOrDefault(c.Page, double.NaN)) <= RuleSlack
                && SameColumn(c, start));
            var label = start.Compact + rest?.Compact;
            // Nothing of the start's page below it in its column: it is the page's last row there.
            if (index < 0 || rest is null || !IndicatorLevels.IsLabel(label)
                || cells.Any(e => e.Page == start.Page && e.Box.Top >= start.Box.Bottom - 0.2 * start.Unit && e.Box.OverlapX(start.Box) > 0.5 * start.Box.Width))
            {
                continue;
            }

            var note = FormattableString.Invariant($"跨页标签“{start.Compact}”与第{rest.Page}页“{rest.Compact}”合为“{label}”");
            result[index] = Relabelled(start, label, note);
            result[result.IndexOf(rest)] = Relabelled(rest, label, note);
        }

        return result;

        // A new cell, not a `with` copy: a copy would keep the cached compact text of the old.
        static Cell Relabelled(Cell c, string label, string note) => new(c.Page, c.Box, label, c.Line, c.Whole, c.Unit, c.Cut)
        {
            Band = c.Band,
            Repair = Repaired(c.Repair, note),
            Overflow = c.Overflow,
        };
    }

    /// <summary>The cells, top to bottom, left to right.</summary>
    public List<Cell> Cells { get; }

    public void Use(Cell cell) => _used.Add(cell);

    public bool IsUsed(Cell cell) => _used.Contains(cell);

    public static bool OnSameRow(Cell a, Cell b)
    {
        var overlap = a.Box.OverlapY(b.Box);
        return overlap >= SameRow * Math.Min(a.Box.Height, b.Box.Height) && overlap > 0;
    }

    /// <summary>The top of each page's first row of drawn cells, a repeated header not counted.</summary>
    private static Dictionary<int, double> FirstRows(List<Cell> cells) =>
        cells.Where(c => c.Whole && !IsHeaderWord(c.Compact)).GroupBy(c => c.Page).ToDictionary(g => g.Key, g => g.Min(c => c.Box.Top));

    private static bool IsHeaderWord(string compact) => compact.Length <= 14 && (Labels.IndicatorColumn(compact) is not null || Labels.BudgetColumn(compact) is not null);

    /// <summary>
    /// Joins the pieces of a label that a narrow column split over lines (<c>项目性</c>/<c>质</c>,
    /// <c>一级指</c>/<c>标</c>, <c>经济</c>/<c>成本</c>/<c>指标</c>) into one cell, when together they spell a known label.
    /// </summary>
    private static List<Cell> JoinSplitLabels(List<Cell> input)
    {
        Dictionary<int, double>? headers = null;
        var cells = input.OrderBy(c => c.Box.Top).ThenBy(c => c.Box.Left).ToList();
        var consumed = new HashSet<Cell>(ReferenceEqualityComparer.Instance);
        var result = new List<Cell>(cells.Count);
        for (var i = 0; i < cells.Count; i++)
        {
            var c = cells[i];
            if (consumed.Contains(c))
            {
                continue;
            }

            if (c.Whole || !Labels.IsLabelStart(c.Compact))
            {
                result.Add(c);
                continue;
            }

            var acc = c;
            var parts = new List<Cell>();
            var text = c.Compact;
            // The last piece joined: a label a page break parts goes on at the top of the next page.
            var tail = c;
            var crossed = false;
            for (var j = i + 1; j < cells.Count; j++)
            {
                var d = cells[j];
                var overPage = d.Page != tail.Page && GoesOnOverPage(cells, tail, d, headers ??= RepeatedHeaders(cells));
                if (d.Box.Top > (crossed ? tail : acc).Box.Bottom + WrapGap * c.Unit && !overPage)
                {
                    // The next page's top lines may be other columns' (the outcome's lines above a centred 标).
                    if (!crossed && d.Page == tail.Page + 1 && tail.Unit > 1)
                    {
                        continue;
                    }

                    break;
                }

                var beside = !overPage && OnSameRow(acc, d) && d.Box.Left >= acc.Box.Right - 0.2 * c.Unit && d.Box.Left - acc.Box.Right <= 1.5 * c.Unit;
                // A piece that is a whole label by itself (实施单位 under 项目) is that label, not the rest of another.
                if (consumed.Contains(d) || d.Whole || Labels.IsLabel(Labels.Strip(d.Compact)) || !beside && (d.Box.Top < acc.Box.Bottom - 0.2 * c.Unit || !Aligned(acc, d)))
                {
                    continue;
                }

                var joined = text + d.Compact;
                if ((Labels.IsLabel(joined) || Labels.IsLabelStart(joined)) && !CloserOnLine(cells, j, acc, text, consumed))
                {
                    text = joined;
                    parts.Add(d);
                    // Over a page break the label keeps its place on the first page, where its row's values stand.
                    crossed |= overPage;
                    acc = !crossed ? acc.Joined(d, joined) : new Cell(acc.Page, acc.Box, joined, acc.Line, acc.Whole, acc.Unit, acc.Cut)
                    {
                        Band = acc.Band,
                        Repair = overPage ? Repaired(acc.Repair, $"与第{d.Page}页页首的“{d.Text.Trim()}”跨页合为一个标签") : acc.Repair,
                    };
                    tail = d;
                    if (!Labels.IsLabelStart(joined))
                    {
                        break;
                    }
                }
            }

            if (parts.Count > 0 && Labels.IsLabel(text))
            {
                foreach (var p in parts)
                {
                    consumed.Add(p);
                }

                result.Add(acc);
            }
            else
            {
                result.Add(c);
            }
        }

        result.Sort((a, b) => a.Box.Top != b.Box.Top ? a.Box.Top.CompareTo(b.Box.Top) : a.Box.Left.CompareTo(b.Box.Left));
        return result;
    }

    /// <summary>
    /// Whether a PDF piece at the top of a page may go on from one at the foot of the page before: nothing of its
    /// page stands below the one, nothing of the next page above the other, in their column (gen0-005-chromium:
    /// 其/中： at the foot of page 3, 当年/财政/拨款 atop page 4, the row's amounts level with 其).
    /// </summary>
    private static bool GoesOnOverPage(List<Cell> cells, Cell tail, Cell d, Dictionary<int, double> headers)
    {
        // The column header a word processor repeats atop the page is no row's (word-gen181-011-calc: 可持 at the
        // foot of page 5, 续影 / 响指 / 标 under page 6's 一级 / 指标, 二级 / 指标).
        var top = headers.TryGetValue(d.Page, out var bottom) ? bottom : double.NegativeInfinity;
        bool Above(Cell e) => e.Page == d.Page && e.Box.Bottom < d.Box.Top + 0.2 * d.Unit && e.Box.Top > top;
        return tail.Unit > 1 && !tail.Whole && !d.Whole && d.Page == tail.Page + 1 && d.Box.Top > top
            && !cells.Any(e => e.Page == tail.Page && e.Box.Top > tail.Box.Bottom - 0.2 * tail.Unit && e.Box.OverlapX(tail.Box) > 0)
            && (d.Box.Top - Math.Max(top, cells.Where(e => e.Page == d.Page).Min(e => e.Box.Top)) <= WrapGap * d.Unit
                // Lower, under nothing left of its neighbour column: the row's other cells printed their lines from
                // the page's top, the label centred (word-gen181-010-calc: 年度总体目 at the foot of page 3, 标 four
                // lines down page 4 beside the goal, the outcome's lines above it far right).
                || !cells.Any(e => Above(e) && e.Box.Left < d.Box.Right + OverPageReach * d.Unit))
            && !cells.Any(e => Above(e) && e.Box.OverlapX(d.Box) > 0);
    }

    /// <summary>
    /// The bottom of each page's repeated column header of free pieces: a header word (三级指标) among the page's
    /// first lines, and the pieces of its lines and the line right under it (the header's wrapped words).
    /// </summary>
    private static Dictionary<int, double> RepeatedHeaders(List<Cell> cells)
    {
        var result = new Dictionary<int, double>();
        foreach (var page in cells.Where(c => !c.Whole && c.Unit > 1).GroupBy(c => c.Page))
        {
            var first = page.Min(c => c.Box.Top);
            var words = page.Where(c => IsHeaderWord(c.Compact) && c.Box.Top - first <= HeaderLines * c.Unit).ToList();
            if (words.Count == 0)
            {
                continue;
            }

            var unit = words[0].Unit;
            var reach = words.Max(c => c.Box.Bottom) + (WrapGap - 1) * unit;
            result[page.Key] = page.Where(c => c.Box.Top <= reach).Max(c => c.Box.Bottom);
        }

        return result;
    }

    /// <summary>How far below a page's first line (letters) a repeated header's word may stand (a header word wrapped over two lines).</summary>
    private const double HeaderLines = 2;

    /// <summary>How far right of a label's rest atop a page (in letters) the page must be empty above it for the rest to go on from the page before.</summary>
    private const double OverPageReach = 4;

    /// <summary>Whether a piece on a lower line continues another's column: they overlap, or their centres or left edges align.</summary>
    /// <summary>
    /// Whether a piece later on <paramref name="j"/>'s line also completes the label and stands nearer under it: two
    /// narrow label columns wrapped alike (chromium-dense: <c>满意度指</c>/<c>标</c> in both 一级 and 二级) end in
    /// pieces side by side, and each goes with the piece above it.
    /// </summary>
    private static bool CloserOnLine(List<Cell> cells, int j, Cell acc, string text, HashSet<Cell> consumed)
    {
        var d = cells[j];
        var distance = Math.Abs(d.Box.CenterX - acc.Box.CenterX);
        // In -layout text the lines of two label columns wrapped alike interleave (gen0-001-calc: 服务对象 over the
        // 一级 column's 满意度指 on the next line, the 二级 column's own 满意度指 a line further): a piece on a later line
        // within the wrap's reach that stands nearer under the label is its rest as well.
        var reach = acc.Unit == 1 && !acc.Whole ? acc.Box.Bottom + WrapGap * acc.Unit : d.Box.Top;
        for (var k = j + 1; k < cells.Count && (cells[k].Box.Top == d.Box.Top || cells[k].Box.Top <= reach); k++)
        {
            var e = cells[k];
            if (!consumed.Contains(e) && !e.Whole && Math.Abs(e.Box.CenterX - acc.Box.CenterX) < distance
                && (Labels.IsLabel(text + e.Compact) || Labels.IsLabelStart(text + e.Compact)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Aligned(Cell a, Cell b)
    {
        var tolerance = AlignTolerance(a);
        return a.Box.OverlapX(b.Box) > 0 || Math.Abs(a.Box.CenterX - b.Box.CenterX) <= tolerance || Math.Abs(a.Box.Left - b.Box.Left) <= tolerance;
    }

    /// <summary>
    /// How far apart two lines of one cell may start. In PDF text one line height; in -layout text six
    /// character columns, since pdftotext places each line's text by its own character count.
    /// </summary>
    internal static double AlignTolerance(Cell c) => c.Unit == 1 ? 6 : c.Unit;

    /// <summary>The nearest unused cell right of <paramref name="label"/> on its row.</summary>
    public Cell? RightOf(Cell label, Func<Cell, bool>? accept = null)
    {
        Cell? best = null;
        foreach (var c in Cells)
        {
            if (ReferenceEquals(c, label) || c.Page != label.Page || c.Box.Left < label.Box.Right - 0.5 * label.Unit || !OnSameRow(label, c))
            {
                continue;
            }

            if (accept is not null && !accept(c))
            {
                continue;
            }

            if (best is null || c.Box.Left < best.Box.Left)
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>The nearest cell below <paramref name="label"/> in its column (they overlap horizontally).</summary>
    public Cell? Below(Cell label, Func<Cell, bool>? accept = null)
    {
        Cell? best = null;
        foreach (var c in Cells)
        {
            if (ReferenceEquals(c, label) || c.Box.Top < label.Box.Bottom - 0.3 * label.Unit)
            {
                continue;
            }

            var overlap = c.Box.OverlapX(label.Box);
            if (overlap < 0.3 * Math.Min(c.Box.Width, label.Box.Width) || (accept is not null && !accept(c)))
            {
                continue;
            }

            if (best is null || c.Box.Top < best.Box.Top)
            {
                best = c;
            }
        }

        return best is not null && (best.Box.Top - label.Box.Bottom <= 4 * label.Unit + (best.Whole ? 8 * label.Unit : 0) || RowOnNextPage(label, best)) ? best : null;
    }

    /// <summary>
    /// A drawn cell atop the next page that is the row under a row of labels at the foot of a page: its top rule
    /// the page break took (gen97c-024-chromium: 年度资金总额 … at the foot of page 2, 240,883,888.46 … atop page 3);
    /// or a cell beside the labels or the label itself goes on over the break, and its part there reaches the
    /// row (gen151c-021-calc: 项目资金（元） cut beside 年度资金申请总额 …, the amounts beside its rest atop page 4;
    /// gen149-002-chromium: 上年 / 结转资金 joined, 300600.00 … under the rest).
    /// </summary>
    private bool RowOnNextPage(Cell label, Cell below) =>
        label.Whole && below.Whole && below.Page == label.Page + 1
        && (below.Cut == PageCut.Above || label.Cut == PageCut.Below
            || Cells.Any(c => c.Page == label.Page && c.Box.Top <= label.Box.Top + RuleSlack && c.Box.Bottom >= label.Box.Bottom - RuleSlack
                && RestOf(c) is { } rest && below.Box.Top >= rest.Top - RuleSlack && below.Box.Top <= rest.Bottom + RuleSlack));

    /// <summary>The part on the next page of a cell a page break cut: joined with it, or the cut cell of its column atop that page.</summary>
    private Box? RestOf(Cell c) =>
        c.Rest ?? (c.Cut.HasFlag(PageCut.Below)
            ? Cells.FirstOrDefault(d => d.Page == c.Page + 1 && d.Cut.HasFlag(PageCut.Above) && SameColumn(d, c))?.Box
            : null);

    /// <summary>How far apart (points) two edges may be and stand on one rule.</summary>
    private const double RuleSlack = 1.5;

    /// <summary>Whether two drawn cells stand between the same two vertical rules (the parts of one cell a page break cut).</summary>
    private static bool SameColumn(Cell a, Cell b) => Math.Abs(a.Box.Left - b.Box.Left) <= RuleSlack && Math.Abs(a.Box.Right - b.Box.Right) <= RuleSlack;

    /// <summary>
    /// The lines that continue a value piece of a wrapped cell (no borders): pieces on the lines just below
    /// (and above, for a cell printed at its vertical middle) that lie between the value's left edge and
    /// <paramref name="right"/>, on lines where nothing stands between the label and the value.
    /// </summary>
    public List<Cell> Continuation(Cell label, Cell value, double right)
    {
        var parts = new List<Cell> { value };
        if (value.Whole)
        {
            return parts;
        }

        var unit = value.Unit;
        if (unit == 1)
        {
            return LayoutContinuation(label, value, right, parts);
        }

        foreach (var direction in new[] { 1, -1 })
        {
            var edge = value;
            while (true)
            {
                var reach = LineGap(unit);
                var line = Cells.Where(c => !ReferenceEquals(c, value) && !parts.Contains(c) && !c.Whole && (direction > 0
                        ? c.Box.Top >= edge.Box.Bottom - 0.2 * unit && c.Box.Top <= edge.Box.Bottom + reach
                        : c.Box.Bottom <= edge.Box.Top + 0.2 * unit && c.Box.Bottom >= edge.Box.Top - reach))
                    .ToList();
                var inside = line.Where(c => c.Box.CenterX >= value.Box.Left - unit && c.Box.Left < right && c.Box.Left >= value.Box.Left - 2 * unit).ToList();
                var between = line.Any(c => c.Box.Right > label.Box.Left && c.Box.Left < value.Box.Left - unit);
                if (inside.Count != 1 || between || IsUsed(inside[0]) || Labels.IsLabel(Labels.Strip(inside[0].Compact)) || Labels.Inline(inside[0].Compact) is not null)
                {
                    break;
                }

                // Above the value only when the value is itself printed beside the middle of a taller label block.
                if (direction < 0 && !LooksWrapped(inside[0], value))
                {
                    break;
                }

                if (direction > 0 && !LooksWrapped(edge, inside[0]) && !WrappedBeforeBracket(edge, inside[0]))
                {
                    break;
                }

                parts.Add(inside[0]);
                edge = inside[0];
            }
        }

        parts.Sort((a, b) => a.Box.Top.CompareTo(b.Box.Top));
        return parts;
    }

    /// <summary>
    /// The widest gap between two lines of one wrapped value in a PDF: a wrap gap (<see cref="WrapGap"/>), or
    /// the page's line spacing and a little more when it is set wider (a word processor's: word-gen157-013-calc,
    /// Writer, lines 0.65 of a letter apart, so 上海市…管理所 / （上海医药采购中心） were two fields), up to
    /// <see cref="MaxValueLeading"/>.
    /// </summary>
    private double LineGap(double unit) => ReachOf(Leading) * unit;

    /// <summary>The widest gap between a wrapped value's lines (letter heights) on a page of this line spacing.</summary>
    private static double ReachOf(double leading) => Math.Max(WrapGap - 1, Math.Min(leading + LeadingSlack, MaxValueLeading));

    /// <summary>How much wider than the line spacing a wrapped value's gap may be (letter heights).</summary>
    internal const double LeadingSlack = 0.1;

    /// <summary>The widest line spacing taken for a wrapped value's (letter heights): rows of a form's head stand further apart.</summary>
    internal const double MaxValueLeading = 0.8;

    /// <summary>
    /// The plane's line spacing (letter heights): the median gap between a PDF piece and the next piece that
    /// starts at its left on the next line, under a letter's height; 0 without such pairs. Paragraphs (the
    /// goal, the outcome) give most of them.
    /// </summary>
    private double Leading => _leading ??= MeasureLeading(Cells);

    private double? _leading;

    private static double MeasureLeading(List<Cell> cells)
    {
        var pieces = cells.Where(c => !c.Whole && c.Unit > 1).OrderBy(c => c.Page).ThenBy(c => c.Box.Left).ThenBy(c => c.Box.Top).ToList();
        var gaps = new List<double>();
        for (var i = 0; i + 1 < pieces.Count; i++)
        {
            var (a, b) = (pieces[i], pieces[i + 1]);
            var gap = (b.Box.Top - a.Box.Bottom) / a.Unit;
            if (a.Page == b.Page && Math.Abs(a.Box.Left - b.Box.Left) <= 0.3 * a.Unit && gap >= 0 && gap < 1)
            {
                gaps.Add(gap);
            }
        }

        gaps.Sort();
        return gaps.Count == 0 ? 0 : gaps[gaps.Count / 2];
    }

    /// <summary>
    /// In -layout text a line's pieces are pushed right by the characters before them, so lines of one cell
    /// need not start at one column: the next lines continue the value while each holds one piece, no label,
    /// within reach of the label's column.
    /// </summary>
    private List<Cell> LayoutContinuation(Cell label, Cell value, double right, List<Cell> parts)
    {
        var edge = value;
        while (true)
        {
            // The next line may hold other fields too (gen0-039-chromium: `鉴定费  项目性质 其他经常` under
            // `项目名称 财务专项审计和资产评估`): the continuation is the one piece in reach that stands before
            // the line's first label.
            var next = NextLineTop(label, edge, 1);
            var line = Cells.Where(c => !c.Whole && !IsUsed(c) && c.Box.Top >= next - 0.2 && c.Box.Top < next + 0.5).ToList();
            var firstLabel = line.Where(IsFieldLabel).Select(c => c.Box.Left).DefaultIfEmpty(double.PositiveInfinity).Min();
            // Beside a label wrapped over three lines the value's column may be empty on the middle one, where the
            // field beside has its label (gen149-003-chromium: 项目名 医疗保险个人账户管理 / 项目性质 特定目标类 /
            // 称 经费): the value goes on at the label's last line.
            if (next + 1 < label.Box.Bottom - 0.5 && !line.Any(c => c.Box.Left < Math.Min(firstLabel, right) && c.Box.Right > label.Box.Left))
            {
                next += 1;
                line = Cells.Where(c => !c.Whole && !IsUsed(c) && c.Box.Top >= next - 0.2 && c.Box.Top < next + 0.5).ToList();
                firstLabel = line.Where(IsFieldLabel).Select(c => c.Box.Left).DefaultIfEmpty(double.PositiveInfinity).Min();
            }

            var candidates = line.Where(c => c.Box.Left < firstLabel && c.Box.Left >= label.Box.Left - LayoutReach && c.Box.Left < right
                && Math.Abs(c.Box.Left - edge.Box.Left) <= AlignTolerance(c)).ToList();
            // Pieces at or past the next column's start are other fields' (gen91c-013-chromium: 其他运转类 under 项目类别
            // on the line that carries 行维护费 on from 项目名称's 公共文化服务体系建设运).
            if (candidates.Count != 1 || line.Count(c => c.Box.Left < right) > 1 && firstLabel == double.PositiveInfinity)
            {
                break;
            }

            var piece = candidates[0];
            if (Labels.IndicatorColumn(piece.Compact) is not null || Labels.BudgetColumn(piece.Compact) is not null)
            {
                break;
            }

            parts.Add(piece);
            edge = piece;
        }

        // A value wrapped over more lines than its label's and centred on it starts above the label's line, as
        // many lines above as below at most (gen0-009-chromium: 上海市医药集中招 over 实施单位： 标采购事务管理所,
        // two more lines under it): each line above holds only the one piece, flush with the value's, as wide.
        var below = parts.Count - 1;
        var top = value;
        for (var k = 0; k < below; k++)
        {
            var previous = NextLineTop(label, top, -1);
            var line = Cells.Where(c => !c.Whole && c.Box.Top >= previous - 0.2 && c.Box.Top < previous + 0.5).ToList();
            var before = line.Where(c => c.Box.Left < right && c.Box.Right > label.Box.Left - LayoutReach).ToList();
            if (before.Count != 1 || before[0] is not { } piece || IsUsed(piece) || IsFieldLabel(piece) || FormBuilder.IsLabelFragment(piece)
                || Math.Abs(piece.Box.Left - value.Box.Left) > StackAlign || piece.Box.Right < top.Box.Right - StackAlign
                || Labels.IndicatorColumn(piece.Compact) is not null || Labels.BudgetColumn(piece.Compact) is not null)
            {
                break;
            }

            parts.Insert(0, piece);
            top = piece;
        }

        return parts;
    }

    /// <summary>How far apart (characters) the lines of a wrapped value above its label's line may start or end: a
    /// left-aligned cell's full lines start and end together.</summary>
    private const double StackAlign = 1;

    /// <summary>
    /// The top of the text line after (or before) <paramref name="edge"/>'s that may continue a value: a line
    /// holding only pieces far left of the label (the wrapped label of the field beside it, 主管 / 部门 between
    /// the lines of 实施单位's value, gen0-005-chromium) is stepped over, once.
    /// </summary>
    private double NextLineTop(Cell label, Cell edge, int direction)
    {
        var next = edge.Box.Top + direction;
        var line = Cells.Where(c => !c.Whole && !ReferenceEquals(c, label) && c.Page == edge.Page && c.Box.Top < next + 0.5 && c.Box.Bottom > next + 0.5).ToList();
        // Beside a label wrapped over several lines (项目性 / 质) the lines it spans hold the value right of it
        // and other fields left of it (gen59-001-chromium: 项目类别 特定目标类 between 经常性专项 and 业务费).
        var within = next >= label.Box.Top - 0.2 && next < label.Box.Bottom - 0.5;
        return line.Count > 0 && line.All(c => c.Box.Right <= label.Box.Left - (within ? 0 : LayoutReach)) ? next + direction : next;
    }

    private static bool IsFieldLabel(Cell c) => Labels.IsLabel(Labels.Strip(c.Compact)) || Labels.Inline(c.Compact) is not null;

    /// <summary>How far left of its label a continuation line of a value may start in -layout text (character columns).</summary>
    internal const double LayoutReach = 10;

    /// <summary>
    /// A line wrapped short of its column before a bracketed part that did not fit, which starts the next line at
    /// the same x (gen113c-019-chromium: 残疾人康复服务 / （2024—2026年）, a project name 1.5 em narrower than its rest).
    /// </summary>
    private static bool WrappedBeforeBracket(Cell first, Cell next) =>
        next.Compact.Length > 0 && next.Compact[0] is '（' or '(' && Math.Abs(first.Box.Left - next.Box.Left) <= 0.3 * first.Unit;

    /// <summary>A first line that reaches at least as far right as the next one does: the column wrapped it.</summary>
    private static bool LooksWrapped(Cell first, Cell next) => first.Box.Right >= next.Box.Right - first.Unit && Math.Abs(first.Box.Left - next.Box.Left) <= 2 * first.Unit;
}
