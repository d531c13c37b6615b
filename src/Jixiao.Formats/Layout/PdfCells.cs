using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Jixiao.Formats.Layout;

/// <summary>What the geometry stage made of a PDF: its cells, and whether table borders were drawn.</summary>
/// <param name="Cells">Whole cells (text inside drawn borders) and free text pieces (outside any border).</param>
/// <param name="Ruled">True when at least one page had table borders that enclosed text.</param>
/// <param name="Letters">How many letters the PDF had (0: a scan or an empty file).</param>
public sealed record PdfLayout(List<Cell> Cells, bool Ruled, int Letters);

/// <summary>
/// Stages 1–3 for a PDF, in process with PdfPig: letters with their boxes, the ruling lines of table borders
/// (stroked lines and thin filled rectangles), and the cell each letter stands in — the rectangle bounded
/// by the nearest rules on its four sides, so a merged cell (a 一级 label spanning eight rows) is one cell.
/// Letters enclosed by no rules are grouped into lines and split at wide gaps.
/// </summary>
public static class PdfCells
{
    /// <summary>
    /// PdfPig gives U+2015 (―) for the em dash of CJK fonts, as the Adobe-GB1 character collection names it,
    /// where the PDF's own ToUnicode map (and pdftotext) says U+2014 (—), the dash of GB 18030 and of the
    /// text paths (gen91c-010-chromium: `（2024—2026年）`). Read as the em dash.
    /// </summary>
    private const char HorizontalBar = '\u2015';

    private const char EmDash = '\u2014';

    /// <summary>A letter of PdfPig's as the reader sees it: <see cref="TextNormaliser.Char"/>, the horizontal bar read as the em dash.</summary>
    internal static char LetterChar(char c) => TextNormaliser.Char(c == HorizontalBar ? EmDash : c);

    /// <summary>A rectangle thinner than this (points) is a drawn line, not a shaded area.</summary>
    internal const double RuleThickness = 2.5;

    /// <summary>Rules closer than this (points) in their constant coordinate are one rule; gaps this small are closed.</summary>
    internal const double RuleTolerance = 1.5;

    /// <summary>A gap between letters wider than this many font sizes separates two free pieces of text (a spreadsheet's borderless cells stand a third of a character apart; CJK text has no gaps; Latin words split here are joined again by the assembler).</summary>
    internal const double FreeGap = 0.3;

    /// <summary>A gap wider than this many font sizes is printed as a space inside a cell's line (Latin words).</summary>
    internal const double SpaceGap = 0.25;

    /// <summary>
    /// Where a letter's ink has its middle, in font sizes above the baseline: an ideograph fills the em from
    /// about 0.12 below the baseline to 0.88 above. A letter belongs to the cell that holds that point (gen0-008-
    /// calc: the last line 标 of a merged 可持续影响指标 overflows its cell's bottom rule by its descent, and was
    /// read as the first letter of the cell below, 标服务对象满意度指标).
    /// </summary>
    internal const double InkMiddle = 0.38;

    public static PdfLayout Read(byte[] pdf)
    {
        var cells = new List<Cell>();
        var ruled = false;
        var letters = 0;
        var edges = new Dictionary<long, int>();
        var freeLines = new List<(int Number, double Height, Rules Rules, List<List<Glyph>> Lines)>();
        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            var glyphs = Glyphs(page);
            letters += glyphs.Count;
            glyphs = WithoutPageNumbers(glyphs, page.Height);
            var rules = Rules.Of(page);
            var offset = (page.Number - 1) * Geometry.PageStride;
            var inCells = new Dictionary<(Box, PageCut), List<Glyph>>();
            var repairs = new Dictionary<(Box, PageCut), List<string>>();
            var free = new List<Glyph>();
            var runStarts = NumberRunStarts(glyphs);
            var carried = new Dictionary<int, ((Box, PageCut) Cell, string Letters)>();
            for (var i = 0; i < glyphs.Count; i++)
            {
                var g = glyphs[i];
                if (rules.Enclosing(g.Box.CenterX, g.Baseline - InkMiddle * g.Size) is { } enclosing)
                {
                    var first = glyphs[runStarts[i]];
                    if (runStarts[i] != i && rules.Enclosing(first.Box.CenterX, first.Baseline - InkMiddle * first.Size) is { } start && start != enclosing)
                    {
                        var moved = carried.GetValueOrDefault(runStarts[i]);
                        carried[runStarts[i]] = (start, (moved.Letters ?? "") + g.Value);
                        enclosing = start;
                    }

                    if (!inCells.TryGetValue(enclosing, out var list))
                    {
                        inCells[enclosing] = list = [];
                    }

                    list.Add(g);
                    if (rules.Enclosing(g.Box.CenterX, g.Baseline) is not { } byBaseline || byBaseline != enclosing)
                    {
                        Note(repairs, enclosing, $"“{g.Value}”的基线越出格线，按字形中部归入此格");
                    }
                }
                else
                {
                    free.Add(g);
                }
            }

            foreach (var (cell, moved) in carried.Values)
            {
                Note(repairs, cell, $"“{moved}”越过右侧格线，与本格数字相连，归入此格");
            }

            JoinNumbersAcrossRules(inCells, repairs);
            var overflow = new Dictionary<(Box, PageCut), string>();
            free = JoinCutOverflow(free, inCells, repairs, overflow);
            free = JoinCutUnderflow(free, inCells, rules, repairs);
            free = JoinClippedCopies(free, inCells, rules, repairs);
            ruled |= inCells.Count > 0;
            foreach (var ((box, cut), list) in inCells)
            {
                var text = CellText(list);
                if (text.Length > 0)
                {
                    var size = list.Average(g => g.Size);
                    cells.Add(new Cell(page.Number, Shift(box, offset), text, page.Number, Whole: true, size, cut)
                    {
                        Repair = repairs.TryGetValue((box, cut), out var notes) ? string.Join("；", notes) : null,
                        Overflow = overflow.GetValueOrDefault((box, cut)),
                    });
                }
            }

            var lines = FreeLines(free, page.Height);
            CountEdges(lines, edges);
            freeLines.Add((page.Number, page.Height, rules, lines));
        }

        // Column edges are counted over the whole document, so that a short continuation page still knows them
        // (gen107-010-calc: page 5 holds two targets at the edge its glued =100.00(%) starts at; other pages, a dozen).
        foreach (var (number, height, rules, lines) in freeLines)
        {
            var offset = (number - 1) * Geometry.PageStride;
            var pieces = FreePieces(lines, edges, height).ToList();
            if (rules.HorizontalOnly)
            {
                pieces = Banded(pieces, rules);
            }

            foreach (var piece in pieces)
            {
                cells.Add(piece with { Page = number, Line = number, Box = Shift(piece.Box, offset), Band = piece.Band is { } b ? (b.Top + offset, b.Bottom + offset) : null });
            }
        }

        return new PdfLayout(cells, ruled, letters);
    }

    private static void Note(Dictionary<(Box, PageCut), List<string>> repairs, (Box, PageCut) cell, string note)
    {
        if (!repairs.TryGetValue(cell, out var list))
        {
            repairs[cell] = list = [];
        }

        if (!list.Contains(note))
        {
            list.Add(note);
        }
    }

    /// <summary>
    /// How far below a page-cut cell's bottom (in font sizes) the top of a free letter may stand and still be
    /// that cell's overflow: gen0-009-chromium cuts a merged 产出指标 after 产出指, its 标 printed 0.07 em below.
    /// </summary>
    internal const double CutOverflow = 0.5;

    /// <summary>
    /// Free letters just below a cell that a page break cut (no rule under it) and within its sides are the
    /// rest of that cell's text, line by line (Chromium prints a row's text past the cut). Returns the letters
    /// still free; <paramref name="overflow"/> gets the letters joined, which LibreOffice prints again at the top
    /// of the next page (gen59-024-calc: 产出指标 over 标, then 标), for <see cref="CellPlane"/> to keep once.
    /// </summary>
    private static List<Glyph> JoinCutOverflow(List<Glyph> free, Dictionary<(Box, PageCut), List<Glyph>> inCells, Dictionary<(Box, PageCut), List<string>> repairs,
        Dictionary<(Box, PageCut), string> overflow)
    {
        var cut = inCells.Keys.Where(k => k.Item2.HasFlag(PageCut.Below)).ToList();
        if (cut.Count == 0 || free.Count == 0)
        {
            return free;
        }

        // Where each cut cell's own letters end, and how far its joined overflow reaches.
        var own = cut.ToDictionary(k => k, k => inCells[k].Max(o => o.Box.Bottom));
        var reach = cut.ToDictionary(k => k, k => Math.Max(k.Item1.Bottom, own[k]));
        var rest = new List<Glyph>(free.Count);
        foreach (var g in free.OrderBy(g => g.Box.Top).ThenBy(g => g.Box.Left))
        {
            var home = cut.Cast<(Box, PageCut)?>().FirstOrDefault(k => k is (var box, _) && g.Box.CenterX > box.Left && g.Box.CenterX < box.Right
                && g.Box.Top >= own[k.Value] - 0.2 * g.Size && g.Box.Top - reach[k.Value] <= CutOverflow * g.Size);
            if (home is not { } cell)
            {
                rest.Add(g);
                continue;
            }

            inCells[cell].Add(g);
            reach[cell] = Math.Max(reach[cell], g.Box.Bottom);
            overflow[cell] = overflow.GetValueOrDefault(cell, "") + g.Value;
            Note(repairs, cell, $"格下越出分页线的“{g.Value}”并入此格");
        }

        return rest;
    }

    /// <summary>
    /// Free letters just above a cell that a page break cut (no rule over it: its side rules begin at the page's
    /// first row) and within its sides are the first lines of that cell's text: LibreOffice prints a merged cell's
    /// text again on each page it crosses, centred on the whole merged cell and clipped to the page's part, and
    /// the clipped lines still stand in the PDF (gen0-001-calc: 社会效益 above the table atop page 5, its 指标 in
    /// the cell; a 一级 cell whose text is all above it is empty). The cell holds at least a line: the sliver
    /// between a table's doubled top border and its side rules is no cell (gen0-029-chromium's year over it). They go to that cell, so that the two parts of
    /// the cut cell read the same and are kept once (<see cref="CellPlane"/>). Letters farther above than
    /// <see cref="CutOverflow"/> from the cell's top, or from the letters joined under them, stay free.
    /// </summary>
    private static List<Glyph> JoinCutUnderflow(List<Glyph> free, Dictionary<(Box, PageCut), List<Glyph>> inCells, Rules rules,
        Dictionary<(Box, PageCut), List<string>> repairs)
    {
        if (free.Count == 0)
        {
            return free;
        }

        var rest = new List<Glyph>(free.Count);
        // How far up each cell's joined letters reach.
        var reach = new Dictionary<(Box, PageCut), double>();
        foreach (var g in free.OrderByDescending(g => g.Box.Bottom).ThenBy(g => g.Box.Left))
        {
            (Box, PageCut)? home = null;
            foreach (var (k, top) in reach)
            {
                if (g.Box.CenterX > k.Item1.Left && g.Box.CenterX < k.Item1.Right && g.Box.Bottom <= k.Item1.Top + 0.2 * g.Size
                    && top - g.Box.Bottom <= CutOverflow * g.Size)
                {
                    home = k;
                    break;
                }
            }

            if (home is null && rules.Enclosing(g.Box.CenterX, g.Box.Bottom + CutOverflow * g.Size) is { } below
                && below.Item2.HasFlag(PageCut.Above) && below.Item1.Height >= g.Size && g.Box.Bottom <= below.Item1.Top + 0.2 * g.Size
                && below.Item1.Top - g.Box.Bottom <= CutOverflow * g.Size)
            {
                home = below;
            }

            // A line of letters just above the first line of a cut cell's own text is its line before, though the
            // gap to the cell's top rule is wider (gen59-024-calc: 产出指 in the top margin of page 7, 标 a line pitch
            // below it just inside the rest of the merged cell).
            home ??= inCells.Keys.Where(k => k.Item2.HasFlag(PageCut.Above) && !reach.ContainsKey(k) && inCells[k].Count > 0
                    && g.Box.CenterX > k.Item1.Left && g.Box.CenterX < k.Item1.Right && g.Box.Bottom <= k.Item1.Top + 0.2 * g.Size
                    && inCells[k].Min(o => o.Box.Top) - g.Box.Bottom <= CutOverflow * g.Size)
                .Cast<(Box, PageCut)?>().FirstOrDefault();

            if (home is not { } cell)
            {
                rest.Add(g);
                continue;
            }

            if (!inCells.TryGetValue(cell, out var list))
            {
                inCells[cell] = list = [];
            }

            list.Add(g);
            reach[cell] = Math.Min(reach.GetValueOrDefault(cell, cell.Item1.Top), g.Box.Top);
            Note(repairs, cell, $"格上越出分页线的“{g.Value}”并入此格");
        }

        return rest;
    }

    /// <summary>
    /// Free letters beyond the cut side of a drawn cell that holds no letters, in its column: LibreOffice prints a
    /// merged cell's text centred on the whole cell on each page it crosses, so on a page holding only an end of
    /// the cell the text stands past the table (below its last rule, in the margin or off the page), and that
    /// part of the cell is empty (gen59-024-calc: 质量指标 under page 6's table for the empty cell above it,
    /// 产出指标 700 pt over page 8 for the top of its level column). They go to that cell, so that its parts read
    /// the same and are joined once (<see cref="CellPlane"/>).
    /// </summary>
    private static List<Glyph> JoinClippedCopies(List<Glyph> free, Dictionary<(Box, PageCut), List<Glyph>> inCells, Rules rules,
        Dictionary<(Box, PageCut), List<string>> repairs)
    {
        if (free.Count == 0)
        {
            return free;
        }

        var rest = new List<Glyph>(free.Count);
        var joined = new HashSet<(Box, PageCut)>();
        foreach (var g in free)
        {
            if (rules.CutCellToward(g.Box.CenterX, g.Box.CenterY) is not { } cell
                || (inCells.TryGetValue(cell, out var own) && own.Count > 0 && !joined.Contains(cell)))
            {
                rest.Add(g);
                continue;
            }

            if (!inCells.TryGetValue(cell, out var list))
            {
                inCells[cell] = list = [];
            }

            list.Add(g);
            joined.Add(cell);
            Note(repairs, cell, $"空格在分页线外的文字“{g.Value}”并入此格");
        }

        return rest;
    }

    /// <summary>
    /// How far apart (in font sizes) two letters drawn one after the other may stand and still be one run of text
    /// set by its advances: letters of one run touch (the gap is rounding), while the texts of two cells stand
    /// apart by both cells' padding.
    /// </summary>
    internal const double Touching = 0.05;

    /// <summary>
    /// For each letter, the index of the first letter of its number run: letters of digits, <c>.</c> and <c>,</c>
    /// (and a <c>%</c> after them: gen0-012-chromium's 99.72% put its % before the next cell's 10.00) drawn one after the other (content order) on one baseline, each starting where the one before ends
    /// (<see cref="Touching"/>). A number too wide for its drawn cell runs on to the right over the rule, and may
    /// run into the next cell's own number, its letters among that number's (gen91c-008-chromium: 432.00 in a
    /// narrow 分值 cell over 336.29 in the 得分 cell, read 432. and 03036.2; gen0-029-chromium 93.4|2): a run's
    /// letters go to the cell its first letter stands in. Text other than numbers wraps in its cell and is left alone.
    /// </summary>
    private static int[] NumberRunStarts(List<Glyph> glyphs)
    {
        var starts = new int[glyphs.Count];
        for (var i = 0; i < glyphs.Count; i++)
        {
            starts[i] = i;
            if (i > 0 && (IsNumberChar(glyphs[i].Value) || glyphs[i].Value == '%') && IsNumberChar(glyphs[i - 1].Value))
            {
                var (a, b) = (glyphs[i - 1], glyphs[i]);
                if (Math.Abs(a.Size - b.Size) <= Touching * a.Size && Math.Abs(a.Baseline - b.Baseline) <= Touching * a.Size
                    && Math.Abs(b.Box.Left - a.Box.Right) <= Touching * a.Size)
                {
                    starts[i] = starts[i - 1];
                }
            }
        }

        // Two numbers of neighbouring cells that both overflow may touch by chance (gen0-018-chromium:
        // 6765.00 over its rule exactly to where 6674.00 begins): a run with two decimal points is two numbers,
        // and where one ends is not known; its letters stay by their ink.
        for (var i = 0; i < glyphs.Count;)
        {
            var end = i + 1;
            while (end < glyphs.Count && starts[end] == i)
            {
                end++;
            }

            if (glyphs.Skip(i).Take(end - i).Count(g => g.Value == '.') > 1)
            {
                for (var j = i; j < end; j++)
                {
                    starts[j] = j;
                }
            }

            i = end;
        }

        return starts;
    }

    /// <summary>How far apart (in font sizes) two cells' lines may stand in their baselines to be one printed line.</summary>
    internal const double BaselineTolerance = 0.2;

    private static bool IsNumberChar(char c) => char.IsAsciiDigit(c) || c is '.' or ',';

    /// <summary>
    /// A number too wide for its drawn cell runs on over the vertical rule into the next cell (Chromium does not
    /// clip: gen91c-013-chromium 830,7|11.28 430,882.96, gen91c-023-chromium 4926259.8|9 69.67%). Letters that
    /// follow a cell's last letter without a space's gap, on its baseline, are that word's: the run of digits
    /// at the start of the next cell's line goes back to the cell it began in, when a space then parts it from
    /// the next cell's own text.
    /// </summary>
    private static void JoinNumbersAcrossRules(Dictionary<(Box, PageCut), List<Glyph>> inCells, Dictionary<(Box, PageCut), List<string>> repairs)
    {
        foreach (var (left, glyphs) in inCells.ToList())
        {
            if (glyphs.Count == 0)
            {
                continue;
            }

            var last = glyphs.MaxBy(g => g.Box.Right);
            if (!IsNumberChar(last.Value))
            {
                continue;
            }

            foreach (var (right, others) in inCells)
            {
                if (right == left || Math.Abs(right.Item1.Left - left.Item1.Right) > RuleTolerance
                    || right.Item1.Top >= left.Item1.Bottom || right.Item1.Bottom <= left.Item1.Top)
                {
                    continue;
                }

                var line = others.Where(g => Math.Abs(g.Baseline - last.Baseline) <= BaselineTolerance * last.Size).OrderBy(g => g.Box.Left).ToList();
                var run = new List<Glyph>();
                var edge = last.Box.Right;
                foreach (var g in line)
                {
                    if (g.Box.Left - edge > SpaceGap * last.Size || !IsNumberChar(g.Value))
                    {
                        break;
                    }

                    run.Add(g);
                    edge = g.Box.Right;
                }

                // The next cell keeps text of its own, set apart by a space: the run was no part of it.
                if (run.Count == 0 || run.Count == line.Count || line[run.Count].Box.Left - edge <= SpaceGap * last.Size)
                {
                    continue;
                }

                foreach (var g in run)
                {
                    others.Remove(g);
                    glyphs.Add(g);
                }

                Note(repairs, left, $"“{new string([.. run.Select(g => g.Value)])}”越过右侧格线，与本格数字相连，归入此格");
                break;
            }
        }
    }

    private static Box Shift(Box b, double dy) => new(b.Left, b.Top + dy, b.Right, b.Bottom + dy);

    /// <summary>One letter, in top-down page coordinates, its box spanning the line (baseline − descent to ascent).</summary>
    internal readonly record struct Glyph(char Value, Box Box, double Baseline, double Size);

    private static List<Glyph> Glyphs(Page page)
    {
        var height = page.Height;
        var result = new List<Glyph>(page.Letters.Count);
        var seen = new HashSet<(char, int, int)>();
        foreach (var letter in page.Letters)
        {
            if (letter.TextOrientation != TextOrientation.Horizontal || string.IsNullOrEmpty(letter.Value))
            {
                continue;
            }

            var size = letter.PointSize > 0 ? letter.PointSize : Math.Max(1, letter.BoundingBox.Height);
            var baseline = height - letter.StartBaseLine.Y;
            var left = letter.StartBaseLine.X;
            var right = Math.Max(letter.EndBaseLine.X, left + 0.3 * size);
            foreach (var ch in letter.Value)
            {
                var c = LetterChar(ch);
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    continue;
                }

                // A fake-bold letter is drawn twice at (almost) the same place: keep one.
                if (!seen.Add((c, (int)Math.Round(left * 2), (int)Math.Round(baseline * 2))))
                {
                    continue;
                }

                result.Add(new Glyph(c, new Box(left, baseline - 0.8 * size, right, baseline + 0.2 * size), baseline, size));
            }
        }

        return result;
    }

    /// <summary>A cell's letters as text: lines top to bottom (joined without a break: a wrapped cell is one string).</summary>
    private static string CellText(List<Glyph> glyphs)
    {
        var sb = new StringBuilder();
        foreach (var line in Lines(glyphs))
        {
            AppendLine(sb, line);
        }

        return TextNormaliser.Normalize(sb.ToString().Trim());
    }

    private static void AppendLine(StringBuilder sb, List<Glyph> line)
    {
        Glyph? previous = null;
        foreach (var g in line)
        {
            if (previous is { } p && g.Box.Left - p.Box.Right > SpaceGap * g.Size && !(IsWide(p.Value) || IsWide(g.Value)))
            {
                sb.Append(' ');
            }

            sb.Append(g.Value);
            previous = g;
        }
    }

    private static bool IsWide(char c) => LayoutTextCells.Width(c) == 2;

    /// <summary>Letters grouped into lines by baseline (within a third of the font size), each sorted left to right.</summary>
    private static List<List<Glyph>> Lines(List<Glyph> glyphs)
    {
        var lines = new List<List<Glyph>>();
        foreach (var g in glyphs.OrderBy(g => g.Baseline).ThenBy(g => g.Box.Left))
        {
            var last = lines.Count > 0 ? lines[^1] : null;
            if (last is not null && Math.Abs(last[0].Baseline - g.Baseline) <= g.Size / 3)
            {
                last.Add(g);
            }
            else
            {
                lines.Add([g]);
            }
        }

        foreach (var line in lines)
        {
            line.Sort((a, b) => a.Box.Left.CompareTo(b.Box.Left));
        }

        return lines;
    }

    /// <summary>
    /// Free letters as pieces: per line, split where the gap exceeds <see cref="FreeGap"/> font sizes, and
    /// also at a narrower gap (<see cref="GlueGap"/>) where the letter after it starts at a column edge of the
    /// page (<see cref="ColumnEdge"/>): borderless spreadsheet cells printed tight stand barely apart, but
    /// each column's text starts at the same x on every row. A start counts towards an edge after any gap
    /// wider than <see cref="GlueGap"/>: in gen59-030-calc every row of the label column runs to a quarter
    /// of a character before the value column, so no wider gap ever marks where it starts.
    /// </summary>
    private static IEnumerable<Cell> FreePieces(List<List<Glyph>> lines, Dictionary<long, int> edges, double pageHeight)
    {
        bool AtColumnEdge(double x)
        {
            var bin = EdgeBin(x);
            return edges.GetValueOrDefault(bin - 1) + edges.GetValueOrDefault(bin) + edges.GetValueOrDefault(bin + 1) >= ColumnEdge;
        }

        foreach (var line in lines)
        {
            var start = 0;
            for (var i = 1; i <= line.Count; i++)
            {
                if (i < line.Count)
                {
                    var gap = line[i].Box.Left - line[i - 1].Box.Right;
                    if (gap <= FreeGap * line[i].Size && !(gap > GlueGap * line[i].Size && AtColumnEdge(line[i].Box.Left)))
                    {
                        continue;
                    }
                }

                var part = line.GetRange(start, i - start);
                var sb = new StringBuilder();
                AppendLine(sb, part);
                var text = TextNormaliser.Normalize(sb.ToString().Trim());
                var box = part.Select(g => g.Box).Aggregate((a, b) => a.Union(b));
                if (text.Length > 0 && !(text.Contains('页') && IsPageFurniture(text, box, pageHeight)))
                {
                    yield return new Cell(0, box, text, 0, Whole: false, part.Average(g => g.Size));
                }

                start = i;
            }
        }
    }

    /// <summary>A page's free letters by printed line, without a running footer (第 1 页，共 9 页), recognised on its whole line.</summary>
    private static List<List<Glyph>> FreeLines(List<Glyph> glyphs, double pageHeight)
    {
        var lines = new List<List<Glyph>>();
        foreach (var line in Lines(glyphs))
        {
            var whole = new StringBuilder();
            AppendLine(whole, line);
            var lineBox = line.Select(g => g.Box).Aggregate((a, b) => a.Union(b));
            if (!IsPageFurniture(TextNormaliser.Normalize(whole.ToString().Trim()), lineBox, pageHeight))
            {
                var kept = WithoutFurnitureRun(line, pageHeight);
                if (kept.Count > 0)
                {
                    lines.Add(kept);
                }
            }
        }

        return lines;
    }

    /// <summary>Adds each line's piece starts (after a gap wider than <see cref="GlueGap"/>) to the count of starts per x.</summary>
    private static void CountEdges(List<List<Glyph>> lines, Dictionary<long, int> edges)
    {
        foreach (var line in lines)
        {
            for (var i = 0; i < line.Count; i++)
            {
                if (i == 0 || line[i].Box.Left - line[i - 1].Box.Right > GlueGap * line[i].Size)
                {
                    var bin = EdgeBin(line[i].Box.Left);
                    edges[bin] = edges.GetValueOrDefault(bin) + 1;
                }
            }
        }
    }

    /// <summary>
    /// A table drawn with horizontal rules only (chromium-horizontal-money): each piece learns the band
    /// between the rules above and below it, so that a wrapped cell is not joined across a rule.
    /// </summary>
    private static List<Cell> Banded(List<Cell> pieces, Rules rules) =>
        pieces.Select(p => rules.Band(p.Box.CenterX, p.Box.CenterY) is { } band && band.Bottom - band.Top <= MaxBandLines * p.Unit
            ? p with { Band = band }
            : p).ToList();

    /// <summary>A band higher than this many font sizes is not one row of a table (the space between two tables).</summary>
    internal const double MaxBandLines = 12;

    /// <summary>A narrower gap (font sizes) that still separates two pieces when the second starts at a column edge.</summary>
    internal const double GlueGap = 0.12;

    /// <summary>How many pieces of the document must start at one x (± half a point) to make it a column edge (chromium-/calc-borderless with tight columns).</summary>
    internal const int ColumnEdge = 4;

    private static long EdgeBin(double x) => (long)Math.Round(x * 2);

    /// <summary>
    /// A page number: <c>第3页，共9页</c> anywhere, a bare <c>3</c> or <c>- 3 -</c> in the top or bottom
    /// <see cref="Margin"/> of the page (a <c>0</c> in a table is an amount, not a page number).
    /// </summary>
    /// <summary>
    /// A gap wider than this many font sizes sets a run of a line apart, so that a page number shares its
    /// baseline with a cell's overflow and is still known (calc-narrow: 第 5 页，共 6 页 level with the 标 of a
    /// level label printed past the table, 13 em to its left).
    /// </summary>
    internal const double FurnitureGap = 2;

    /// <summary>
    /// The page's letters without a running page number (第 4 页，共 13 页) in its top or bottom margin, taken out
    /// before letters go to cells: Chromium draws a cell the page cuts down to the page's edge, and the footer
    /// printed inside it was read as the end of its text (chromium-long-thead: a goal ending 第4页，共13页).
    /// </summary>
    internal static List<Glyph> WithoutPageNumbers(List<Glyph> glyphs, double pageHeight)
    {
        var margin = glyphs.Where(g => g.Box.Bottom > pageHeight * (1 - Margin) || g.Box.Top < pageHeight * Margin).ToList();
        if (!margin.Any(g => g.Value == '页'))
        {
            return glyphs;
        }

        var dropped = new HashSet<Glyph>();
        foreach (var line in Lines(margin))
        {
            var kept = WithoutFurnitureRun(line, pageHeight);
            if (kept.Count == line.Count)
            {
                // One run: the whole line may be the page number.
                var sb = new StringBuilder();
                AppendLine(sb, line);
                var text = TextNormaliser.Normalize(sb.ToString().Trim());
                kept = text.Contains('页') && IsPageFurniture(text, line.Select(g => g.Box).Aggregate((a, b) => a.Union(b)), pageHeight) ? [] : line;
            }

            dropped.UnionWith(line.Except(kept));
        }

        return dropped.Count == 0 ? glyphs : glyphs.Where(g => !dropped.Contains(g)).ToList();
    }

    /// <summary>The line without a run (set apart by <see cref="FurnitureGap"/>) that is a page number.</summary>
    internal static List<Glyph> WithoutFurnitureRun(List<Glyph> line, double pageHeight)
    {
        var runs = new List<List<Glyph>> { new() { line[0] } };
        for (var i = 1; i < line.Count; i++)
        {
            if (line[i].Box.Left - line[i - 1].Box.Right > FurnitureGap * line[i].Size)
            {
                runs.Add([]);
            }

            runs[^1].Add(line[i]);
        }

        if (runs.Count == 1)
        {
            return line;
        }

        return runs.Where(run =>
        {
            var sb = new StringBuilder();
            AppendLine(sb, run);
            // Only a run that says 页: a bare number set apart is as likely a weight in the last row.
            var text = TextNormaliser.Normalize(sb.ToString().Trim());
            return !(text.Contains('页') && IsPageFurniture(text, run.Select(g => g.Box).Aggregate((a, b) => a.Union(b)), pageHeight));
        }).SelectMany(run => run).ToList();
    }

    private static bool IsPageFurniture(string text, Box box, double pageHeight) =>
        LayoutTextCells.PageFurniture.IsMatch(text) && (text.Contains('页') || box.Bottom > pageHeight * (1 - Margin) || box.Top < pageHeight * Margin);

    /// <summary>The share of a page's height at its top and bottom where running headers and page numbers stand.</summary>
    internal const double Margin = 0.08;

    /// <summary>The horizontal and vertical rules of one page, merged, in top-down coordinates.</summary>
    private sealed class Rules
    {
        private readonly List<(double Y, double X0, double X1)> _horizontal;
        private readonly List<(double X, double Y0, double Y1)> _vertical;

        private Rules(List<(double, double, double)> horizontal, List<(double, double, double)> vertical)
        {
            _horizontal = horizontal;
            _vertical = vertical;
        }

        public static Rules Of(Page page)
        {
            var h = new List<(double Y, double X0, double X1)>();
            var v = new List<(double X, double Y0, double Y1)>();
            var height = page.Height;
            foreach (var path in page.Paths)
            {
                if (path.IsClipping || !(path.IsStroked || path.IsFilled))
                {
                    continue;
                }

                foreach (var sub in path)
                {
                    AddSubpath(sub, path.IsStroked, height, h, v);
                }
            }

            return new Rules(Merge(h), Merge(v));
        }

        private static void AddSubpath(PdfSubpath sub, bool stroked, double height, List<(double, double, double)> h, List<(double, double, double)> v)
        {
            var rect = sub.GetBoundingRectangle();
            if (rect is not { } r)
            {
                return;
            }

            double left = r.Left, right = r.Right, top = height - r.Top, bottom = height - r.Bottom;
            if (right - left <= RuleThickness && bottom - top > RuleThickness)
            {
                v.Add(((left + right) / 2, top, bottom));
                return;
            }

            if (bottom - top <= RuleThickness && right - left > RuleThickness)
            {
                h.Add(((top + bottom) / 2, left, right));
                return;
            }

            if (!stroked)
            {
                return; // a shaded area: its edges are drawn separately when they are borders
            }

            // A stroked outline: each straight edge is a rule.
            PdfPoint? current = null;
            PdfPoint? first = null;
            foreach (var command in sub.Commands)
            {
                switch (command)
                {
                    case PdfSubpath.Move m:
                        current = first = m.Location;
                        break;
                    case PdfSubpath.Line l:
                        AddLine(l.From, l.To, height, h, v);
                        current = l.To;
                        break;
                    case PdfSubpath.Close when current is { } c && first is { } f:
                        AddLine(c, f, height, h, v);
                        current = f;
                        break;
                }
            }
        }

        private static void AddLine(PdfPoint a, PdfPoint b, double height, List<(double, double, double)> h, List<(double, double, double)> v)
        {
            if (Math.Abs(a.Y - b.Y) < 0.5 && Math.Abs(a.X - b.X) > RuleThickness)
            {
                h.Add((height - a.Y, Math.Min(a.X, b.X), Math.Max(a.X, b.X)));
            }
            else if (Math.Abs(a.X - b.X) < 0.5 && Math.Abs(a.Y - b.Y) > RuleThickness)
            {
                v.Add((a.X, height - Math.Max(a.Y, b.Y), height - Math.Min(a.Y, b.Y)));
            }
        }

        /// <summary>Rules on one line (within <see cref="RuleTolerance"/>) that touch or overlap become one.</summary>
        private static List<(double At, double From, double To)> Merge(List<(double At, double From, double To)> rules)
        {
            var result = new List<(double At, double From, double To)>();
            foreach (var r in rules.OrderBy(r => r.At).ThenBy(r => r.From))
            {
                var merged = false;
                for (var i = result.Count - 1; i >= 0 && r.At - result[i].At <= RuleTolerance; i--)
                {
                    var m = result[i];
                    if (r.From <= m.To + RuleTolerance && r.To >= m.From - RuleTolerance)
                    {
                        result[i] = (m.At, Math.Min(m.From, r.From), Math.Max(m.To, r.To));
                        merged = true;
                        break;
                    }
                }

                if (!merged)
                {
                    result.Add(r);
                }
            }

            return result;
        }

        /// <summary>True when the page draws no vertical rule: a table of horizontal rules only, or none.</summary>
        public bool HorizontalOnly => _vertical.Count == 0 && _horizontal.Count > 0;

        /// <summary>The band between the nearest horizontal rules above and below a point that span it, or null.</summary>
        public (double Top, double Bottom)? Band(double x, double y) =>
            Between(x, y) is var (top, bottom) && !double.IsInfinity(top) && !double.IsInfinity(bottom) ? (top, bottom) : null;

        /// <summary>The nearest horizontal rules above and below a point that span it (infinite where there is none).</summary>
        private (double Top, double Bottom) Between(double x, double y)
        {
            double top = double.NegativeInfinity, bottom = double.PositiveInfinity;
            foreach (var (at, from, to) in _horizontal)
            {
                if (x < from - RuleTolerance || x > to + RuleTolerance)
                {
                    continue;
                }

                if (at <= y && at > top)
                {
                    top = at;
                }
                else if (at > y && at < bottom)
                {
                    bottom = at;
                }
            }

            return (top, bottom);
        }

        /// <summary>
        /// The drawn cell of the column at <paramref name="x"/> whose cut side faces a point past the table: the
        /// lowest cell cut below, for a point below every rule of the column; the highest cut above, for a point
        /// above them. Null when the point stands among the column's rules or no such cell is there.
        /// </summary>
        public (Box, PageCut)? CutCellToward(double x, double y)
        {
            (Box, PageCut)? best = null;
            foreach (var (_, from, to) in _vertical)
            {
                var below = to < y;
                if (!below && from <= y)
                {
                    continue;
                }

                if (Enclosing(x, below ? to - RuleTolerance : from + RuleTolerance) is not { } cell
                    || !cell.Item2.HasFlag(below ? PageCut.Below : PageCut.Above)
                    || (below ? cell.Item1.Bottom > y : cell.Item1.Top < y))
                {
                    continue;
                }

                if (best is not { } b || (below ? cell.Item1.Bottom > b.Item1.Bottom : cell.Item1.Top < b.Item1.Top))
                {
                    best = cell;
                }
            }

            // Among the column's rules the point is in a cell of its own, or between tables.
            return best is { } found && _vertical.Any(v => v.Y0 - RuleTolerance <= y && v.Y1 + RuleTolerance >= y && v.X > found.Item1.Left - RuleTolerance && v.X < found.Item1.Right + RuleTolerance) ? null : best;
        }

        /// <summary>The cell around a point: the nearest rule on each side that spans the point, or null.</summary>
        public (Box, PageCut)? Enclosing(double x, double y)
        {
            double left = double.NegativeInfinity, right = double.PositiveInfinity;
            (double From, double To) leftSpan = default, rightSpan = default;
            foreach (var (at, from, to) in _vertical)
            {
                if (y < from - RuleTolerance || y > to + RuleTolerance)
                {
                    continue;
                }

                if (at <= x && at > left)
                {
                    left = at;
                    leftSpan = (from, to);
                }
                else if (at > x && at < right)
                {
                    right = at;
                    rightSpan = (from, to);
                }
            }

            if (double.IsInfinity(left) || double.IsInfinity(right))
            {
                return null;
            }

            var (top, bottom) = Between(x, y);

            // A cell cut by a page break has no rule on that side: its side rules end there.
            var sidesTop = Math.Max(leftSpan.From, rightSpan.From);
            var sidesBottom = Math.Min(leftSpan.To, rightSpan.To);
            var cut = PageCut.None;
            if (double.IsInfinity(top) || top < sidesTop - RuleTolerance)
            {
                top = sidesTop;
                cut |= PageCut.Above;
            }

            if (double.IsInfinity(bottom) || bottom > sidesBottom + RuleTolerance)
            {
                bottom = sidesBottom;
                cut |= PageCut.Below;
            }

            return (new Box(Math.Round(left, 1), Math.Round(top, 1), Math.Round(right, 1), Math.Round(bottom, 1)), cut);
        }
    }
}
