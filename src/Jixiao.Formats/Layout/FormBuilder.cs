using Jixiao.Domain.Model;
using Jixiao.Domain.Values;
using Jixiao.Formats.Disclosure;

namespace Jixiao.Formats.Layout;

/// <summary>Reads one form's fields and tables from its cells (see <see cref="FormAssembler"/>).</summary>
internal sealed partial class FormBuilder(FormAssembler.FormSegment segment, DiagnosticBag diagnostics)
{
    private readonly CellPlane _plane = new(segment.Cells);
    private readonly FormKind _kind = segment.Kind;

    private List<Cell> Cells => _plane.Cells;

    public PerformanceForm? Build()
    {
        var title = segment.Title;
        var year = YearOf();
        var indicatorHeader = FindIndicatorHeaders();
        var tableTop = indicatorHeader.Count > 0 ? indicatorHeader[0].Top : double.PositiveInfinity;

        var name = Text(Field.Name, tableTop);
        var form = new PerformanceForm
        {
            Kind = _kind,
            Year = year,
            Group = segment.Group,
            Line = title.Line,
            Name = name ?? "",
            Department = Text(Field.Department, tableTop) ?? "",
            Unit = Text(Field.Unit, tableTop) ?? "",
        };

        var indicators = ReadIndicators(indicatorHeader);
        if (_kind == FormKind.Target)
        {
            form = form with
            {
                Nature = ListValue(Field.Nature, tableTop, ProjectLists.PrintedNatures),
                Category = ListValue(Field.Category, tableTop, ProjectLists.Categories),
                StartDate = Value(Field.StartDate, tableTop) is { } s ? FormAssembler.Date(s) : null,
                EndDate = Value(Field.EndDate, tableTop) is { } e ? FormAssembler.Date(e) : null,
                Funds = ReadFunds(tableTop),
                Goal = TargetGoal(tableTop),
                Indicators = indicators,
            };
        }
        else
        {
            var (goal, outcome) = GoalAndOutcome(tableTop);
            var (totalWeight, totalScore) = Totals(indicatorHeader);
            form = form with
            {
                Budget = ReadBudget(tableTop),
                Goal = goal,
                Outcome = outcome,
                Indicators = indicators,
                TotalWeight = totalWeight,
                TotalScore = totalScore,
                Grade = Value(Field.Grade, double.PositiveInfinity) is { } g ? Grade(g) : null,
            };
        }

        if (string.IsNullOrEmpty(name))
        {
            // A form whose name was not found is still the next form of the document: dropped, it would leave
            // its indicators unread and every later form compared with the wrong one. Kept with its name empty
            // when it has rows; with neither, the title was no form's.
            if (form.Indicators.Count == 0)
            {
                diagnostics.Error(title.Line, DiagnosticCodes.FormTruncated, $"{title.Place}：表头后未找到“项目名称”，也没有指标，此表未读取。");
                return null;
            }

            diagnostics.Error(title.Line, DiagnosticCodes.FormTruncated, $"{title.Place}：表头后未找到“项目名称”，项目名称留空，其余按读到的给出。");
        }
        else if (form.Indicators.Count == 0)
        {
            diagnostics.Warn(title.Line, DiagnosticCodes.MissingField, $"{title.Place}：表“{form.Name}”未读到任何三级指标。");
        }

        NoteRepairs(title.Line);
        return form;
    }

    private static string? Grade(string s)
    {
        foreach (var g in new[] { "优", "良", "中", "差" })
        {
            if (s.StartsWith(g, StringComparison.Ordinal))
            {
                return g;
            }
        }

        return s.Length == 0 ? null : s;
    }

    private int? YearOf()
    {
        var title = segment.Title;
        var near = Cells.Where(c => c.Box.Top < title.Box.Bottom + 6 * title.Unit).Take(4);
        // A PDF title at the foot of its page with nothing of its form under it: its (年度) heads the next page
        // (gen91c-012-chromium: 财政项目支出绩效自评表 the last line of page 1, （2024年度） the first of page 2).
        if (IsPdfPiece(title) && !Cells.Any(c => c.Page == title.Page && c.Box.Top > title.Box.Top))
        {
            near = near.Concat(Cells.Where(c => c.Page == title.Page + 1).Take(2));
        }

        foreach (var c in new[] { title }.Concat(near))
        {
            // With the pieces just left of it on its line: a word processor spaces digits from CJK text, and
            // -layout text splits at every space (word-chromium-official: （2024 年度）).
            var line = c.Compact;
            for (var left = c; Cells.LastOrDefault(o => FormAssembler.LeftOnLine(o, left)) is { } piece; left = piece)
            {
                line = piece.Compact + line;
            }

            if (line.Contains("年度", StringComparison.Ordinal) && FormAssembler.Year.Match(line) is { Success: true } m)
            {
                return int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        if (segment.Group is { } group && FormAssembler.Year.Match(group) is { Success: true } gm)
        {
            diagnostics.Info(title.Line, DiagnosticCodes.YearInferred, $"{title.Place}：表未印年度，按汇总表标题取{gm.Groups[1].Value}年度。");
            return int.Parse(gm.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        return null;
    }

    // ---- labels and values ------------------------------------------------------------------------

    /// <summary>The label cells of a field above <paramref name="before"/>, in reading order.</summary>
    private IEnumerable<Cell> LabelCells(Field field, double before) =>
        Cells.Where(c => c.Box.Top < before && Labels.FieldOf(c.Compact) == field);

    private bool IsAnyLabel(Cell c) => Labels.FieldOf(c.Compact) is not null || Labels.IsLabel(Labels.Strip(c.Compact))
        || Labels.IndicatorColumn(c.Compact) is not null && c.Compact.Length <= 12 || Labels.Inline(c.Compact) is not null;

    /// <summary>The printed value of a field, compact, or null when the form does not show it.</summary>
    private string? Value(Field field, double before)
    {
        foreach (var c in Cells.Where(c => c.Box.Top < before))
        {
            if (Labels.Inline(c.Compact) is { } inline && inline.Field == field)
            {
                _plane.Use(c);
                return inline.Value;
            }
        }

        foreach (var label in LabelCells(field, before))
        {
            if (ValueCells(label, field) is { Count: > 0 } parts)
            {
                return string.Concat(parts.Select(p => p.Compact));
            }
        }

        return null;
    }

    /// <summary>How many lines above and below its label a -layout list value wrapped in a narrow column may reach.</summary>
    private const double ListReach = 3;

    /// <summary>
    /// 项目性质 or 项目类别, whose values come from closed lists. In -layout text a value wrapped in a narrow column
    /// is printed around its label's line with the next label's pieces between its lines (gen59-006-chromium:
    /// 其他经 / 项目性质 常性项 / 目; gen59-021-calc: 经常性专 over 项业务费), so what is read beside the label may be a
    /// part of the word: then the pieces near the label, right of it and before the next label on their lines,
    /// that spell a list word holding what was read, one after another in reading order, are the value; a piece
    /// worded like a label fragment may be one of them (gen113c-012-calc: 其他一次性 above 项目性质, 项目 below it).
    /// </summary>
    private string? ListValue(Field field, double before, IReadOnlyList<string> words)
    {
        var label = LabelCells(field, before).FirstOrDefault(c => c.Unit == 1 && !c.Whole);
        var near = label is null ? [] : Cells.Where(c => !c.Whole && !_plane.IsUsed(c) && c.Page == label.Page && c.Box.Left >= label.Box.Right - 0.5
                && c.Box.Top >= label.Box.Top - ListReach && c.Box.Bottom <= label.Box.Bottom + ListReach && !IsAnyLabel(c)
                && !Cells.Any(l => l != label && IsAnyLabel(l) && l.Box.Left > label.Box.Left && l.Box.Left <= c.Box.Left && l.Box.Top < c.Box.Bottom - 0.5 && l.Box.Bottom > c.Box.Top + 0.5))
            .OrderBy(c => c.Box.Top).ThenBy(c => c.Box.Left).ToList();
        var read = Text(field, before);
        if (label is null || read is not null && words.Contains(read))
        {
            return read;
        }

        for (var i = 0; i < near.Count; i++)
        {
            var spelled = "";
            for (var j = i; j < near.Count && spelled.Length < words.Max(w => w.Length); j++)
            {
                spelled += near[j].Compact;
                if (words.Contains(spelled) && (read is null || spelled.Contains(read, StringComparison.Ordinal) || read.Contains(spelled, StringComparison.Ordinal)))
                {
                    foreach (var c in near.Skip(i).Take(j - i + 1))
                    {
                        _plane.Use(c);
                    }

                    diagnostics.Info(label.Line, DiagnosticCodes.LabelSplit, $"{label.Place}：“{label.Text}”的值分印在其周围（{string.Join("/", near.Skip(i).Take(j - i + 1).Select(c => c.Text))}），按“{spelled}”读取。");
                    return spelled;
                }
            }
        }

        return read;
    }

    /// <summary>A text field, the empty marks read as no value.</summary>
    private string? Text(Field field, double before) => Value(field, before) is { } v && !TextNormaliser.IsEmptyMark(v) ? v : null;

    /// <summary>
    /// The cells holding a label's value: right of it on its row (skipping a repeat of the same label, as
    /// <c>其他资金 其他资金 0.00</c> prints it), else below it when the row holds only labels.
    /// </summary>
    private List<Cell>? ValueCells(Cell label, Field field)
    {
        var right = _plane.RightOf(label, c => !(Labels.FieldOf(c.Compact) == field));
        if (right is not null && !IsAnyLabel(right) && !_plane.IsUsed(right))
        {
            // Words of the value split by a space: the pieces that follow it closely on its line, up to a label.
            var next = _plane.RightOf(right);
            while (next is not null && !next.Whole && !right.Whole && next.Box.Left - right.Box.Right <= right.Unit && !IsAnyLabel(next) && !_plane.IsUsed(next))
            {
                right = right.Joined(next, right.Text + " " + next.Text);
                next = _plane.RightOf(next);
            }

            var limit = next?.Box.Left ?? double.PositiveInfinity;
            var parts = _plane.Continuation(label, right, limit);
            foreach (var p in parts)
            {
                _plane.Use(p);
            }

            return parts;
        }

        if (Straddling(label, right) is { } around)
        {
            foreach (var p in around)
            {
                _plane.Use(p);
            }

            diagnostics.Info(label.Line, DiagnosticCodes.LabelSplit, $"{label.Place}：“{label.Text}”的值分印在其上下两行（{string.Concat(around.Select(c => c.Text))}）。");
            return around;
        }

        if (StackedBelow(label) is { } stacked)
        {
            _plane.Use(stacked);
            diagnostics.Info(label.Line, DiagnosticCodes.LabelSplit, $"{label.Place}：“{label.Text}”与上下相邻的标签各无同行的值，按次序读取其下方的“{stacked.Text}”。");
            return [stacked];
        }

        // A row of labels over a row of values pairs them by order first: the nearest cell below a label may be
        // the text under the whole block (calc-borderless, gen59-011-chromium: the goal's first line under
        // 年度资金总额, whose amount stands beyond it).
        var below = PairedBelow(label) is { } paired && !_plane.IsUsed(paired) ? paired
            : _plane.Below(label, c => !_plane.IsUsed(c)) is { } b && !IsAnyLabel(b) ? b : null;
        if (below is not null && !IsAnyLabel(below))
        {
            _plane.Use(below);
            if (right is null || IsAnyLabel(right))
            {
                diagnostics.Info(label.Line, DiagnosticCodes.LabelSplit, $"{label.Place}：“{label.Text}”的值印在其下方（{below.Text}）。");
            }

            return [below];
        }

        if (right is null && NextLineRight(label) is { } lower)
        {
            _plane.Use(lower);
            diagnostics.Info(label.Line, DiagnosticCodes.LabelSplit, $"{label.Place}：“{label.Text}”的值印在其右下一行（{lower.Text}）。");
            return [lower];
        }

        return null;
    }

    /// <summary>
    /// The value of a -layout label with nothing right of it on its line, printed on the next line right of it, the
    /// only piece there right of the label (gen151c-026-chromium: 计划完成日期, then 2024/12/31 a line lower and
    /// right of it, the row's height set by 计划开始 / 日期 wrapped on its left). Null when the line above holds
    /// something right of the label as well (a value straddling the label's line is <see cref="Straddling"/>'s).
    /// </summary>
    private Cell? NextLineRight(Cell label)
    {
        if (label.Unit != 1 || label.Whole)
        {
            return null;
        }

        List<Cell> RightOn(double top) => Cells.Where(c => c.Page == label.Page && c.Box.Top == top && c.Box.Left >= label.Box.Right - 0.5).ToList();
        var lower = RightOn(label.Box.Bottom);
        return lower.Count == 1 && RightOn(label.Box.Top - 1).Count == 0 && !IsAnyLabel(lower[0]) && !IsLabelFragment(lower[0]) && !_plane.IsUsed(lower[0])
            ? lower[0] : null;
    }

    /// <summary>How many lines below the last of a stack of -layout labels its values may start.</summary>
    private const double StackedValueReach = 3;

    /// <summary>
    /// The value of a label in a stack of -layout labels, one a line, none with a value on its line, whose values
    /// stand one a line right of them below the stack, as many as the labels: the k-th value is the k-th label's
    /// (gen151c-036-chromium, gen149-016-chromium: 其中：当年财政拨款 over 上年结转资金, then 33,449,830.68 over
    /// 554,246.81 under them, right-aligned in the amounts' column).
    /// </summary>
    private Cell? StackedBelow(Cell label)
    {
        if (label.Unit != 1 || label.Whole)
        {
            return null;
        }

        bool Bare(Cell l) => _plane.RightOf(l) is not { } r || IsAnyLabel(r);
        bool Stacked(Cell a, Cell b) => Labels.FieldOf(b.Compact) is not null && !b.Whole && b.Box.OverlapX(a.Box) > 0 && Bare(b);
        var stack = new List<Cell> { label };
        while (Cells.FirstOrDefault(c => c.Page == stack[0].Page && Math.Abs(c.Box.Bottom - stack[0].Box.Top) < 0.1 && Stacked(stack[0], c)) is { } up)
        {
            stack.Insert(0, up);
        }

        while (Cells.FirstOrDefault(c => c.Page == stack[^1].Page && Math.Abs(c.Box.Top - stack[^1].Box.Bottom) < 0.1 && Stacked(stack[^1], c)) is { } down)
        {
            stack.Add(down);
        }

        if (stack.Count < 2)
        {
            return null;
        }

        // The lines under the stack, each one value right of the labels and nothing else, one after another.
        var right = stack.Min(l => l.Box.Right);
        var values = new List<Cell>();
        for (var top = stack[^1].Box.Bottom; values.Count < stack.Count; top++)
        {
            var line = Cells.Where(c => c.Page == label.Page && c.Box.Top == top).ToList();
            if (line.Count == 0 && values.Count == 0 && top - stack[^1].Box.Bottom < StackedValueReach)
            {
                continue;
            }

            if (line.Count != 1 || line[0].Box.Left < right || IsAnyLabel(line[0])
                || FormAssembler.Number(line[0].Compact, out _) is null && !TextNormaliser.IsEmptyMark(line[0].Compact))
            {
                return null;
            }

            values.Add(line[0]);
        }

        // The labels above took their values: used, as this one's must not be.
        return values[stack.IndexOf(label)] is var value && !_plane.IsUsed(value) ? value : null;
    }

    /// <summary>
    /// A value wrapped over an even number of lines and centred on its label's row: nothing stands right of
    /// the label on its own line, half the value's lines stand above it and half below, left-aligned, between
    /// the label and the next label of the row (pdftotext -layout of a vertically centred cell; in a PDF, a
    /// word processor's borderless table: word-gen157-007-chromium, 经常性专项业 / 务费 around 项目性质, each
    /// overlapping the label's line by a fifth).
    /// </summary>
    private List<Cell>? Straddling(Cell label, Cell? right, double reach = StraddleLines)
    {
        if (right is not null && !IsAnyLabel(right))
        {
            return null;
        }

        var unit = label.Unit;
        var limit = right?.Box.Left ?? double.PositiveInfinity;
        var candidates = Cells.Where(c => !_plane.IsUsed(c) && !c.Whole && !label.Whole && (label.Unit == 1 || IsPdfPiece(label)) && c.Box.Left >= label.Box.Right - 0.2 * unit && c.Box.Right <= limit
                && !CellPlane.OnSameRow(label, c) && !IsAnyLabel(c) && !IsLabelFragment(c)
                && c.Box.Bottom >= label.Box.Top - reach * unit && c.Box.Top <= label.Box.Bottom + reach * unit)
            .OrderBy(c => c.Box.Top).ToList();
        // A line that has a label of its own on the left is that label's value.
        // (Not the label before this one on its own row: wrapped over three lines, 主管部/门：, it shares a row with
        // the value's lines above and below as well; gen0-006-calc.)
        candidates.RemoveAll(c => Cells.Any(l => l != label && l.Box.Right <= c.Box.Left + 0.2 * unit && CellPlane.OnSameRow(l, c) && IsAnyLabel(l)
            && !(l.Box.Top < label.Box.Top && l.Box.Bottom > label.Box.Bottom)));
        // Above and below: overlapping the label's line by less than stands on its row (word-gen157-024-chromium:
        // 上海市医疗保险事业管理中 / 心 around 实施单位：, each by 0.22 of a line).
        var above = Outward(candidates.Where(c => c.Box.Bottom <= label.Box.Top + CellPlane.SameRow * unit).OrderByDescending(c => c.Box.Top).ThenBy(c => c.Box.Left), label, up: true);
        var below = Outward(candidates.Where(c => c.Box.Top >= label.Box.Bottom - CellPlane.SameRow * unit).OrderBy(c => c.Box.Top).ThenBy(c => c.Box.Left), label, up: false);
        int Lines(List<Cell> cells) => cells.Where((c, i) => i == 0 || Math.Abs(c.Box.Top - cells[i - 1].Box.Top) > CellPlane.SameRow * unit).Count();
        if (above.Count == 0 || below.Count == 0 || Math.Abs(Lines(above) - Lines(below)) > 1
            || Math.Abs(above[0].Box.Left - below[0].Box.Left) > 2 * unit)
        {
            return null;
        }

        return [.. above.Concat(below).OrderBy(c => c.Box.Top).ThenBy(c => c.Box.Left)];

        // The lines next to the label, one by one outwards, each following the previous at once; the pieces of one
        // line (a goal's words split at its spaces, word-gen157-020-chromium: 对 2022 年-2023 年工作中…) go together.
        static List<Cell> Outward(IEnumerable<Cell> cells, Cell from, bool up)
        {
            var result = new List<Cell>();
            var edge = from.Box;
            foreach (var c in cells)
            {
                if (result.Count > 0 && Math.Abs(c.Box.Top - result[^1].Box.Top) <= CellPlane.SameRow * from.Unit)
                {
                    result.Add(c);
                    continue;
                }

                var gap = up ? edge.Top - c.Box.Bottom : c.Box.Top - edge.Bottom;
                if (gap > (CellPlane.WrapGap - 1) * from.Unit || result.Count > 0 && Math.Abs(c.Box.Left - result[0].Box.Left) > 2 * from.Unit)
                {
                    break;
                }

                result.Add(c);
                edge = c.Box;
            }

            return result;
        }
    }

    /// <summary>How many lines above and below its label a centred, wrapped value may reach.</summary>
    private const double StraddleLines = 3;

    /// <summary>How many lines above and below 年度总体目标 a centred goal may reach (a goal of some 16 lines).</summary>
    private const double GoalStraddleLines = 8;

    /// <summary>
    /// A row of labels over a row of values (the money block printed horizontally), when the values do not
    /// stand under their labels (centred labels, right-aligned amounts): the k-th value goes with the k-th label.
    /// </summary>
    private Cell? PairedBelow(Cell label)
    {
        var labels = Cells.Where(c => Labels.FieldOf(c.Compact) is not null && CellPlane.OnSameRow(label, c)).OrderBy(c => c.Box.Left).ToList();
        if (labels.Count < 2)
        {
            return null;
        }

        var left = labels[0].Box.Left - 2 * label.Unit;
        var right = double.PositiveInfinity; // amounts are right-aligned: the last may end past its label
        // In -layout text a label wrapped over two lines (计划开始日 / 期) reaches below the row's other labels, and the
        // line it reaches past may hold the row's values (gen0-004-calc: 2024-01-01 and 2024-12-31 between 计划开始日
        // and its 期：, under 计划完成日期):
        // the values' line is looked for below the shortest label, not the tallest, lest the amount of the next
        // block be paired instead.
        var floor = label.Unit == 1 && !label.Whole ? labels.Min(l => l.Box.Bottom) : labels.Max(l => l.Box.Bottom);
        var next = Cells.Where(c => c.Box.Top >= floor - 0.2 * label.Unit && c.Box.CenterX >= left && c.Box.CenterX <= right && !IsAnyLabel(c) && !IsLabelFragment(c))
            .MinBy(c => c.Box.Top);
        // The values stand below the tallest label: one stacked a letter a line (上 / 年 / 结 / 转 / 资 / 金,
        // gen149-002-chromium) pushes them lines below the others.
        if (next is null || (next.Box.Top - labels.Max(l => l.Box.Bottom) > 3 * label.Unit && !RowGoesOnOverPage(label, next)))
        {
            return null;
        }

        var values = Cells.Where(c => CellPlane.OnSameRow(next, c) && c.Box.CenterX >= left && c.Box.CenterX <= right && !IsAnyLabel(c) && !IsLabelFragment(c)).OrderBy(c => c.Box.Left).ToList();
        return values.Count == labels.Count ? values[labels.IndexOf(label)] : null;
    }

    private decimal? Amount(Field field, double before)
    {
        if (Value(field, before) is not { } v)
        {
            return null;
        }

        if (TextNormaliser.IsEmptyMark(v))
        {
            return null;
        }

        var n = FormAssembler.Number(v, out _);
        if (n is null)
        {
            diagnostics.Warn(segment.Title.Line, DiagnosticCodes.MissingField, $"{segment.Title.Place}：“{Labels.Fields[field][0]}”的值“{v}”不是金额。");
        }

        return n;
    }

    private Funds? ReadFunds(double before)
    {
        var funds = new Funds(Amount(Field.FundsTotal, before), Amount(Field.FundsCurrentYear, before), Amount(Field.FundsCarryOver, before), Amount(Field.FundsOther, before));
        return funds == new Funds(null, null, null, null) ? null : funds;
    }

    private string TargetGoal(double tableTop)
    {
        foreach (var label in LabelCells(Field.Goal, tableTop))
        {
            if (TextBeside(label, tableTop) is { } beside)
            {
                return beside;
            }

            // A goal centred on its label's row: half its lines above the label, half below (gen0-013-calc).
            if (Straddling(label, null, GoalStraddleLines) is { } around)
            {
                foreach (var p in around)
                {
                    _plane.Use(p);
                }

                return Join(around);
            }

            // The official layout: 项目总目标 | 年度总体目标 as a header, the goal below it across the form.
            var header = Cells.Where(c => CellPlane.OnSameRow(label, c) && c.Compact is "项目总目标" or "总目标").Append(label).Min(c => c.Box.Left);
            var region = Region(header - 2 * label.Unit, double.PositiveInfinity, label.Box.Bottom - 0.2 * label.Unit, tableTop, exclude: label);
            if (region.Count > 0)
            {
                return Join(region);
            }
        }

        diagnostics.Warn(segment.Title.Line, DiagnosticCodes.MissingField, $"{segment.Title.Place}：未找到“年度总体目标”。");
        return "";
    }

    /// <summary>A long text printed right of its label (a goal beside 年度总体目标 or 预期目标), or null.</summary>
    private string? TextBeside(Cell label, double tableTop)
    {
        var right = _plane.RightOf(label);
        if (right is null || IsAnyLabel(right))
        {
            return null;
        }

        var limit = _plane.RightOf(right)?.Box.Left ?? double.PositiveInfinity;
        var parts = right.Whole ? [right] : PdfTextBeside(label, right, tableTop) ?? Region(right.Box.Left - right.Unit, limit, label.Box.Top - 2 * label.Unit, tableTop, exclude: label);
        if (!right.Whole && parts.Count == 0)
        {
            parts = _plane.Continuation(label, right, limit);
        }

        foreach (var p in parts)
        {
            _plane.Use(p);
        }

        return Join(parts);
    }

    /// <summary>Unused, non-label cells whose centre lies in an x range between two heights.</summary>
    private List<Cell> Region(double left, double right, double top, double bottom, Cell? exclude = null) =>
        Cells.Where(c => !ReferenceEquals(c, exclude) && c.Box.CenterX >= left && c.Box.CenterX < right && c.Box.CenterY > top && c.Box.CenterY < bottom
            && !_plane.IsUsed(c) && !IsAnyLabel(c) && !IsLabelFragment(c)).ToList();

    /// <summary>A short piece of a vertical label column (<c>项目</c>/<c>绩效</c>/<c>目标</c>) that is no value.</summary>
    internal static bool IsLabelFragment(Cell c) => !c.Whole && (c.Compact is "项目" or "绩效" or "目标" or "指标" or "年度" or "总体" or "（元）" or "(元)" or "（万元）" or "(万元)"
        || Array.IndexOf(Labels.SideLabels, c.Compact) >= 0);

    private static string Join(IEnumerable<Cell> parts) =>
        string.Concat(parts.OrderBy(p => p.Box.Top).ThenBy(p => p.Box.Left).Select(p => p.Text.Trim()));

    private (string Goal, string? Outcome) GoalAndOutcome(double tableTop)
    {
        var goalHeader = LabelCells(Field.ExpectedGoal, tableTop).FirstOrDefault();
        var outcomeHeader = goalHeader is null ? null : Cells.FirstOrDefault(c => c.Box.Top < tableTop && Labels.FieldOf(c.Compact) == Field.Outcome && CellPlane.OnSameRow(goalHeader, c));
        if (goalHeader is not null && outcomeHeader is null
            && Cells.FirstOrDefault(c => c.Box.Top > goalHeader.Box.Top && c.Box.Top < tableTop && Labels.FieldOf(c.Compact) == Field.Outcome) is { } stacked
            && !goalHeader.Whole && (goalHeader.Unit == 1 ? StackedTexts(goalHeader, stacked, tableTop) : PdfStackedTexts(goalHeader, stacked, tableTop)) is { } texts)
        {
            return texts;
        }

        if (goalHeader is not null && outcomeHeader is null
            && Cells.FirstOrDefault(c => c.Box.Top > goalHeader.Box.Top && c.Box.Top < tableTop && Labels.FieldOf(c.Compact) == Field.Outcome) is { } below
            && TextBeside(goalHeader, below.Box.Top) is { } goalText)
        {
            // 预期目标 and 实际完成情况 stacked as row labels, each text beside its label.
            return (goalText, TextBeside(below, tableTop) ?? "");
        }

        if (goalHeader is null || outcomeHeader is null)
        {
            diagnostics.Warn(segment.Title.Line, DiagnosticCodes.MissingField, $"{segment.Title.Place}：未找到“预期目标”/“实际完成情况”表头。");
            return ("", null);
        }

        var top = Math.Max(goalHeader.Box.Bottom, outcomeHeader.Box.Bottom) - 0.2 * goalHeader.Unit;
        if (goalHeader.Whole && outcomeHeader.Whole)
        {
            var goal = Cells.Where(c => c.Whole && c.Box.Top >= top && c.Box.CenterY < tableTop && c.Box.OverlapX(goalHeader.Box) > 0.5 * goalHeader.Box.Width).MinBy(c => c.Box.Top);
            var outcome = Cells.Where(c => c.Whole && c.Box.Top >= top && c.Box.CenterY < tableTop && c.Box.OverlapX(outcomeHeader.Box) > 0.5 * outcomeHeader.Box.Width).MinBy(c => c.Box.Top);
            if (goal is not null || outcome is not null)
            {
                return (goal?.Text.Trim() ?? "", outcome?.Text.Trim() ?? "");
            }
        }

        var split = (goalHeader.Box.CenterX + outcomeHeader.Box.CenterX) / 2;
        var left = goalHeader.Box.Left - (outcomeHeader.Box.Left - goalHeader.Box.Right) - goalHeader.Box.Width;
        var (goalParts, outcomeParts) = PdfGoalColumns(goalHeader, left, split, top, tableTop)
            ?? LayoutGoalColumns(goalHeader, left, top, tableTop)
            ?? (Region(left, split, top, tableTop), Region(split, double.PositiveInfinity, top, tableTop));
        return (Join(goalParts), Join(outcomeParts));
    }

    /// <summary>
    /// 预期目标 above 实际完成情况 as row labels in -layout text, each centred on a long text: the lines right of
    /// the labels, from the first line above 预期目标 that holds a label or a number (the money table) down to
    /// the indicator table, are the two texts; they split at the widest blank gap between the labels, else
    /// where each label stands nearest the middle of its text (gen0-001-calc: five lines of the goal above
    /// its label). Null when no line stands beside either label.
    /// </summary>
    private (string Goal, string? Outcome)? StackedTexts(Cell goal, Cell outcome, double tableTop)
    {
        var left = Math.Max(goal.Box.Right, outcome.Box.Right) - 0.2;
        var lines = Cells.Where(c => c.Unit == 1 && !c.Whole && !_plane.IsUsed(c) && c != goal && c != outcome && c.Box.Top < tableTop
                && c.Box.Bottom > goal.Box.Top - GoalStraddleLines * 2)
            .GroupBy(c => c.Box.Top).OrderBy(g => g.Key).Select(g => g.OrderBy(c => c.Box.Left).ToList()).ToList();
        bool IsText(List<Cell> line) => line.All(c => c.Box.Left >= left && !IsAnyLabel(c) && !IsLabelFragment(c)
            && FormAssembler.Number(c.Compact, out _) is null && !TextNormaliser.IsEmptyMark(c.Compact));
        var first = lines.FindLastIndex(l => l[0].Box.Top <= goal.Box.Top && !IsText(l)) + 1;
        var last = lines.FindIndex(first, l => l[0].Box.Top > outcome.Box.Top && !IsText(l)) is var stop and >= 0 ? stop - 1 : lines.Count - 1;
        var block = lines.Skip(first).Take(last - first + 1).ToList();
        if (block.Count < 2 || !block.All(IsText))
        {
            return null;
        }

        // A label's own line between two lines of text is no blank gap.
        return SplitStacked(block, goal, outcome,
            (top, bottom) => new[] { goal, outcome }.Any(l => l.Box.Top >= top - 0.1 && l.Box.Bottom <= bottom + 0.1) ? 0 : bottom - top);
    }

    /// <summary>How far short of the block's widest line (letters) a line may end and still be full: the text wrapped it.</summary>
    private const double FullLineSlack = 3;

    /// <summary>
    /// What splitting stacked texts after a full line that ends no sentence costs (lines of distance between a
    /// label and its text's middle): the text wrapped there and goes on. More than the line by which pdftotext
    /// lifts a label centred on two lines (gen149-004-chromium: 预期目标 printed on the first of its goal's two
    /// lines, so the goal's second line was read as the outcome's first).
    /// </summary>
    private const double WrapSplitCost = 1.5;

    /// <summary>
    /// Splits a block of text lines between stacked 预期目标 (above) and 实际完成情况 (below) after the line where
    /// a blank gap (<paramref name="gapOf"/> the space between two lines) is widest and both labels stand nearest
    /// their texts' middles; the lines are used. Null when no split falls between the labels.
    /// </summary>
    /// <remarks><paramref name="at"/> maps a height to where it stands in the text's flow (a PDF's pages joined); the page's own by default.</remarks>
    private (string Goal, string Outcome)? SplitStacked(List<List<Cell>> block, Cell goal, Cell outcome, Func<double, double, double> gapOf, Func<double, double>? at = null)
    {
        at ??= y => y;
        var best = (Cost: double.MaxValue, Split: -1);
        var right = block.Max(l => l[^1].Box.Right);
        for (var s = 0; s + 1 < block.Count; s++)
        {
            var (top, bottom) = (at(block[s][0].Box.Bottom), at(block[s + 1][0].Box.Top));
            if (bottom < at(goal.Box.Top) || top > at(outcome.Box.Bottom))
            {
                continue;
            }

            var middleGoal = (at(block[0][0].Box.Top) + top) / 2;
            var middleOutcome = (bottom + at(block[^1][0].Box.Bottom)) / 2;
            var end = block[s][^1];
            var wraps = end.Box.Right >= right - FullLineSlack * end.Unit && !TextTools.EndsSentence(end.Compact);
            var cost = Math.Abs(middleGoal - at(goal.Box.CenterY)) + Math.Abs(middleOutcome - at(outcome.Box.CenterY)) - 10 * gapOf(top, bottom)
                + (wraps ? WrapSplitCost : 0);
            if (cost < best.Cost)
            {
                best = (cost, s);
            }
        }

        if (best.Split < 0)
        {
            return null;
        }

        foreach (var c in block.SelectMany(l => l))
        {
            _plane.Use(c);
        }

        return (Join(block.Take(best.Split + 1).SelectMany(l => l)), Join(block.Skip(best.Split + 1).SelectMany(l => l)));
    }

    // ---- the self-evaluation's money table ----------------------------------------------------------

    private Budget? ReadBudget(double tableTop)
    {
        var headers = Cells.Where(c => c.Box.Top < tableTop && Labels.BudgetColumn(c.Compact) is not null && c.Compact.Length <= 12).ToList();
        var anchor = headers.FirstOrDefault(c => Labels.BudgetColumn(c.Compact) is Column.Executed or Column.Initial or Column.Full);
        if (anchor is null)
        {
            diagnostics.Warn(segment.Title.Line, DiagnosticCodes.MissingField, $"{segment.Title.Place}：未找到预算执行表头（年初预算数、全年预算数、全年执行数）。");
            return null;
        }

        var budgetBody = Cells.Where(c => c.Box.Top > anchor.Box.Bottom && c.Box.Top < tableTop && FormAssembler.Number(c.Compact, out _) is not null).ToList();
        var headerRow = headers.Where(h => CellPlane.OnSameRow(anchor, h) || Math.Abs(h.Box.CenterY - anchor.Box.CenterY) <= anchor.Unit).ToList();
        var role = Labels.BudgetColumn;
        if (OrphanBudgetHeader(anchor, headerRow) is { } orphan)
        {
            headerRow.Add(orphan.Cell);
            role = h => Labels.BudgetColumn(h) ?? (h == orphan.Cell.Compact ? orphan.Column : null);
        }

        var columns = Columns(headerRow, role, budgetBody);
        BudgetRow? Row(Field field, bool total)
        {
            var label = Cells.FirstOrDefault(c => c.Box.Top > anchor.Box.Top && c.Box.Top < tableTop && Labels.FieldOf(c.Compact) == field);
            if (label is null)
            {
                return null;
            }

            var byOrder = label.Unit == 1 && !label.Whole ? ValuesInOrder(label, columns, total, tableTop) : null;
            decimal? Get(Column column)
            {
                if (byOrder is not null)
                {
                    return byOrder.TryGetValue(column, out var piece) && !TextNormaliser.IsEmptyMark(piece.Compact) ? FormAssembler.Number(piece.Compact, out _) : null;
                }

                if (!columns.TryGetValue(column, out var range))
                {
                    return null;
                }

                // Only amounts and empty marks: a piece of the side label (金（万 beside 当年财政拨款 wrapped over
                // three lines, gen59-001-chromium) stands on the row as well, in a first column open to the left.
                var cell = Cells.Where(c => c.Box.CenterX >= range.Left && c.Box.CenterX < range.Right && c.Box.Top < tableTop && !ReferenceEquals(c, label)
                        && (CellPlane.OnSameRow(label, c) || !c.Whole && c.Box.CenterY >= label.Box.Top - 0.5 * label.Unit && c.Box.CenterY <= label.Box.Bottom + 0.5 * label.Unit)
                        && (c.Whole || TextNormaliser.IsEmptyMark(c.Compact) || FormAssembler.Number(c.Compact, out _) is not null))
                    .MinBy(c => Math.Abs(c.Box.CenterY - label.Box.CenterY));
                if (cell is null || TextNormaliser.IsEmptyMark(cell.Compact))
                {
                    return null;
                }

                return FormAssembler.Number(cell.Compact, out _);
            }

            return new BudgetRow(Get(Column.Initial), Get(Column.Full), Get(Column.Executed), Get(Column.Rate), total ? Get(Column.Weight) : null, total ? Get(Column.Score) : null);
        }

        return new Budget(Row(Field.FundsTotal, true), Row(Field.FundsCurrentYear, false), Row(Field.FundsCarryOver, false), Row(Field.FundsOther, false));
    }

    /// <summary>
    /// The one budget column whose header is not recognised, when exactly one kind is missing and exactly one
    /// unrecognised short piece stands on the header row: a header wrapped in a narrow column whose middle
    /// line is all that stands on the row (chromium-long-thead: 执行 / <b>率</b> / (%)).
    /// </summary>
    private (Cell Cell, Column Column)? OrphanBudgetHeader(Cell anchor, List<Cell> headerRow)
    {
        Column[] kinds = [Column.Initial, Column.Full, Column.Executed, Column.Rate, Column.Weight, Column.Score];
        var missing = kinds.Except(headerRow.Select(h => Labels.BudgetColumn(h.Compact)).OfType<Column>()).ToList();
        var orphans = Cells.Where(c => !c.Whole && CellPlane.OnSameRow(anchor, c) && Labels.BudgetColumn(c.Compact) is null && c.Compact.Length <= 3
            && FormAssembler.Number(c.Compact, out _) is null && !IsAnyLabel(c)).ToList();
        if (missing.Count != 1 || orphans.Count != 1 || headerRow.Count < 4)
        {
            return null;
        }

        diagnostics.Info(orphans[0].Line, DiagnosticCodes.LabelSplit, $"{orphans[0].Place}：预算表头“{orphans[0].Text}”按所缺的一列读取。");
        return (orphans[0], missing[0]);
    }

    /// <summary>
    /// The values of a budget row of -layout text by their order on the line: pdftotext prints a line with
    /// long numbers wider and one with short ones narrower, so a number can stand under the neighbouring
    /// header (gen0-014-calc: 2661.68 under both 年初预算数 and 全年预算数), but never out of order. When the
    /// line nearest the label's middle holds one value or empty mark per column (or, on a row other than
    /// 年度资金总额, one per column but 分值 and 得分), they are the columns' in the headers' order; else null.
    /// </summary>
    private Dictionary<Column, Cell>? ValuesInOrder(Cell label, Dictionary<Column, (double Left, double Right)> columns, bool total, double tableTop)
    {
        var lines = Cells.Where(c => c.Unit == 1 && !c.Whole && c.Box.Top < tableTop && c.Box.Left >= label.Box.Right - 0.5
                && c.Box.CenterY >= label.Box.Top - 0.5 && c.Box.CenterY <= label.Box.Bottom + 0.5
                && (FormAssembler.Number(c.Compact, out _) is not null || TextNormaliser.IsEmptyMark(c.Compact)))
            .GroupBy(c => c.Box.Top)
            .ToList();
        if (lines.Count == 0)
        {
            return null;
        }

        var line = lines.MinBy(g => Math.Abs(g.Key + 0.5 - label.Box.CenterY))!.OrderBy(c => c.Box.Left).ToList();
        var ordered = columns.OrderBy(kv => kv.Value.Left).Select(kv => kv.Key).ToList();
        var all = ordered.Count;
        var withoutScores = ordered.Where(c => c is not (Column.Weight or Column.Score)).ToList();
        if (Fitting(line) is { } columnsOfLine)
        {
            return columnsOfLine.Zip(line).ToDictionary(x => x.First, x => x.Second);
        }

        // A row's values printed over two lines beside a label of three or more (gen149-002-chromium: 10.00 9.97
        // 260.00 260.00, then 259.15 99.67% a line lower): all the label's lines together, in their order across.
        // Only lines inside the label's own, none holding another row's label (gen151c-003-chromium: 上年结转资 / 金's
        // line 0.00 0.00 0 and, below it, 其他资金's).
        var inside = lines.Where(g => g.Key + 0.5 > label.Box.Top && g.Key + 0.5 < label.Box.Bottom
            && !Cells.Any(c => c.Box.Top == g.Key && !ReferenceEquals(c, label) && Labels.FieldOf(c.Compact) is not null)).ToList();
        var spread = inside.SelectMany(g => g).OrderBy(c => c.Box.Left).ToList();
        if (inside.Count > 1 && Fitting(spread) is { } columnsOfSpread)
        {
            diagnostics.Info(label.Line, DiagnosticCodes.CellMoved, $"{label.Place}：“{label.Text}”行的金额分印在{inside.Count}行，按左右次序读取。");
            return columnsOfSpread.Zip(spread).ToDictionary(x => x.First, x => x.Second);
        }

        return null;

        // The columns a line of values fills, one value each: all of them, or on a row other than the total all but 分值 and 得分.
        List<Column>? Fitting(List<Cell> values) => values.Count == all ? ordered : !total && values.Count == withoutScores.Count ? withoutScores : null;
    }

    /// <summary>
    /// Column x ranges from header cells. Drawn cells give exact edges. Text pieces split between two
    /// neighbouring headers where the body below leaves a gutter (the x crossed by fewest pieces, the
    /// widest such run): values are left- or right-aligned in their columns, not centred like headers.
    /// Without a body, at the midpoint between the headers.
    /// </summary>
    private static Dictionary<Column, (double Left, double Right)> Columns(List<Cell> headers, Func<string, Column?> role, List<Cell>? body = null)
    {
        var named = headers.Select(h => (Cell: h, Column: role(h.Compact))).Where(x => x.Column is not null)
            .GroupBy(x => x.Column!.Value).Select(g => (g.First().Cell, Column: g.Key)).OrderBy(x => x.Cell.Box.CenterX).ToList();
        var result = new Dictionary<Column, (double, double)>();
        var numbers = NumberAlignment(named.Select(n => n.Cell).ToList(), body);
        for (var i = 0; i < named.Count; i++)
        {
            var (cell, column) = named[i];
            double left, right;
            if (cell.Whole)
            {
                left = cell.Box.Left;
                right = cell.Box.Right;
            }
            else
            {
                left = i == 0 ? double.NegativeInfinity : Gutter(named[i - 1].Cell, cell, body, numbers);
                right = i == named.Count - 1 ? double.PositiveInfinity : Gutter(cell, named[i + 1].Cell, body, numbers);
            }

            result[column] = (left, right);
        }

        return result;
    }

    /// <summary>
    /// The x between two header pieces' texts where the fewest body pieces cross (the widest such run's
    /// middle). Searched between the headers' edges, not centres: a narrow column's values may all lie left
    /// of its header's centre, leaving a wider gutter inside the column than before it.
    /// </summary>
    private static double Gutter(Cell a, Cell b, List<Cell>? body, Alignment numbers = Alignment.Unknown)
    {
        var midpoint = (a.Box.Right + b.Box.Left) / 2;
        double from = a.Box.Right, to = b.Box.Left;
        var crossing = body?.Where(c => !c.Whole && c.Box.Right > from && c.Box.Left < to).ToList();
        if (crossing is null || crossing.Count == 0 || to <= from)
        {
            return midpoint;
        }

        (from, to) = AlignedBetween(crossing, from, to, numbers);
        var pieces = crossing.Select(c => (c.Box.Left, c.Box.Right)).ToList();
        var edges = pieces.SelectMany(p => new[] { p.Left, p.Right }).Where(x => x > from && x < to).Append(from).Append(to).Distinct().OrderBy(x => x).ToList();
        // In -layout text a column's left-aligned values start at one character while its header is centred:
        // among the runs crossed by fewest pieces, the one at least two pieces start right after is the gutter
        // (gen0-001-calc: targets from character 25, 年度指标值 at 37, a wider empty run between them).
        var layoutText = body!.All(c => c.Unit == 1 && !c.Whole);
        var best = (Count: int.MaxValue, Aligned: 0, Width: 0.0, At: midpoint);
        for (var i = 0; i + 1 < edges.Count; i++)
        {
            var mid = (edges[i] + edges[i + 1]) / 2;
            var count = pieces.Count(p => p.Left < mid && p.Right > mid);
            var width = edges[i + 1] - edges[i];
            var aligned = layoutText ? pieces.Count(p => p.Left == edges[i + 1]) is var starts and >= 2 ? starts : 0 : 0;
            if (count < best.Count || count == best.Count && (aligned > best.Aligned || aligned == best.Aligned && width > best.Width))
            {
                best = (count, aligned, width, mid);
            }
        }

        return best.At;
    }

    /// <summary>
    /// Narrows the search for a gutter between two headers by the stacks of values standing wholly between
    /// them. Headers are centred in their columns: a stack of right-aligned values (one right edge, several
    /// widths) that ends left of the right header belongs to the left one, and a left-aligned stack that
    /// starts right of the left header to the right one (gen59-038-chromium: 分值's 10 and 5 end 20 points
    /// before 得分 and twice as far after 分值, the wider empty run). A stack of numbers whose own edges do not
    /// say (one piece, one width) aligns as the table's other numbers do (<paramref name="numbers"/>). Where
    /// the stacks disagree, unchanged.
    /// </summary>
    private static (double From, double To) AlignedBetween(List<Cell> crossing, double from, double to, Alignment numbers)
    {
        double left = from, right = to;
        foreach (var stack in Stacks(crossing, from, to))
        {
            var alignment = AlignmentOf(stack);
            if (alignment == Alignment.Unknown && stack.All(IsNumber))
            {
                alignment = numbers;
            }

            if (alignment == Alignment.Right)
            {
                left = Math.Max(left, stack.Max(p => p.Box.Right));
            }
            else if (alignment == Alignment.Left)
            {
                right = Math.Min(right, stack.Min(p => p.Box.Left));
            }
        }

        return left < right ? (left, right) : (from, to);
    }

    /// <summary>The pieces wholly between two x, in stacks that overlap horizontally.</summary>
    private static List<List<Cell>> Stacks(List<Cell> crossing, double from, double to)
    {
        var stacks = new List<List<Cell>>();
        foreach (var p in crossing.Where(p => p.Box.Left >= from && p.Box.Right <= to).OrderBy(p => p.Box.Left))
        {
            if (stacks.Count > 0 && p.Box.Left < stacks[^1].Max(q => q.Box.Right))
            {
                stacks[^1].Add(p);
            }
            else
            {
                stacks.Add([p]);
            }
        }

        return stacks;
    }

    /// <summary>How a stack of pieces aligns: one right edge and several left ones is right-aligned, and so on.</summary>
    private static Alignment AlignmentOf(List<Cell> stack)
    {
        if (stack.Count < 2)
        {
            return Alignment.Unknown;
        }

        var lefts = stack.Max(p => p.Box.Left) - stack.Min(p => p.Box.Left);
        var rights = stack.Max(p => p.Box.Right) - stack.Min(p => p.Box.Right);
        return rights <= AlignedEdge && lefts > AlignedEdge ? Alignment.Right
            : lefts <= AlignedEdge && rights > AlignedEdge ? Alignment.Left
            : Alignment.Unknown;
    }

    /// <summary>
    /// How a table's numbers align, from the stacks of numbers between its headers whose edges say so: the
    /// one alignment they all show, else unknown (gen59-038-chromium's budget row: 10 and 9.86 alone under
    /// 分数 and 得分, right-aligned as the amounts of the other columns are).
    /// </summary>
    private static Alignment NumberAlignment(List<Cell> headers, List<Cell>? body)
    {
        if (body is null || headers.Any(h => h.Whole))
        {
            return Alignment.Unknown;
        }

        var seen = new HashSet<Alignment>();
        for (var i = 0; i + 1 < headers.Count; i++)
        {
            var (from, to) = (headers[i].Box.Right, headers[i + 1].Box.Left);
            if (to <= from)
            {
                continue;
            }

            foreach (var stack in Stacks(body.Where(c => !c.Whole && c.Box.Right > from && c.Box.Left < to).ToList(), from, to))
            {
                if (stack.All(IsNumber) && AlignmentOf(stack) is var a and not Alignment.Unknown)
                {
                    seen.Add(a);
                }
            }
        }

        if (seen.Count == 0 && body.Any(IsPdfPiece))
        {
            // Headers that stand close leave no room between them (calc-swapped: 年初预算数, 全年预算数, 全年执行数
            // over right-aligned amounts wider than the gaps): the stacks of numbers anywhere under the headers say it.
            // PDF pieces only: -layout text's character columns are another question.
            var left = headers.Min(h => h.Box.Left);
            var right = headers.Max(h => h.Box.Right);
            foreach (var stack in Stacks(body.Where(c => !c.Whole && IsNumber(c)).ToList(), left, right))
            {
                if (AlignmentOf(stack) is var a and not Alignment.Unknown)
                {
                    seen.Add(a);
                }
            }
        }

        return seen.Count == 1 ? seen.Single() : Alignment.Unknown;
    }

    private static bool IsNumber(Cell c) => FormAssembler.Number(c.Compact, out _) is not null;

    private enum Alignment
    {
        Unknown,
        Left,
        Right,
    }

    /// <summary>How far apart (points) the edges of a stack of values may be and still be one alignment.</summary>
    private const double AlignedEdge = 0.6;

    // ---- the indicator table ------------------------------------------------------------------------

    /// <summary>The header rows of the indicator table: the first and each repeat (a continuation page).</summary>
    private List<(double Top, double Bottom, List<Cell> Cells)> FindIndicatorHeaders()
    {
        var result = new List<(double, double, List<Cell>)>();
        foreach (var anchor in Cells.Where(c => Labels.IsIndicatorHeaderAnchor(c.Compact)))
        {
            if (result.Any(r => anchor.Box.CenterY >= r.Item1 && anchor.Box.CenterY <= r.Item2))
            {
                continue;
            }

            var band = Cells.Where(c => Labels.IndicatorColumn(c.Compact) is not null && c.Compact.Length <= 14
                && (CellPlane.OnSameRow(anchor, c) || !c.Whole && Math.Abs(c.Box.CenterY - anchor.Box.CenterY) <= 1.5 * anchor.Unit
                    && (c.Unit != 1 || HeaderWording(c.Compact)))).ToList();
            var top = band.Min(c => c.Box.Top);
            var bottom = band.Max(c => c.Box.Bottom);
            // In a table ruled only between rows every line inside the header's rules is the header's: a wrapped
            // header word's last line (gen149-017-calc: 偏差原因分 / 析) is no first row's cell.
            if (anchor.Band is { } rules)
            {
                bottom = Math.Max(bottom, Cells.Where(c => c.Band == rules && HeaderWording(c.Compact)).Select(c => c.Box.Bottom).DefaultIfEmpty(bottom).Max());
            }

            // Without rules, a header word's wrapped rest right under it is the header's too (gen151c-003-chromium:
            // 偏差原因分 / 析, the rest one line below the other headers' line).
            bottom = Math.Max(bottom, Cells.Where(c => !c.Whole && HeaderWording(c.Compact) && band.Any(h => WrappedRest(h, c)))
                .Select(c => c.Box.Bottom).DefaultIfEmpty(bottom).Max());

            result.Add((top, bottom, band));
        }

        return result;
    }

    /// <summary>A piece right under a header piece cut inside a word, in its width, that goes on spelling a header word (偏差原因分 + 析).</summary>
    private static bool WrappedRest(Cell header, Cell piece) =>
        !ReferenceEquals(header, piece) && !header.Whole && piece.Box.CenterX > header.Box.Left && piece.Box.CenterX < header.Box.Right
        && piece.Box.Top >= header.Box.Bottom - 0.5 * header.Unit && piece.Box.Top <= header.Box.Bottom + header.Unit
        && Array.IndexOf(Labels.HeaderWords, header.Compact) < 0
        && Labels.HeaderWords.Any(w => w.StartsWith(header.Compact + piece.Compact, StringComparison.Ordinal));

    /// <summary>
    /// Whether a -layout piece on the line above or below the header is worded as a header is: only
    /// characters of header words. A name on the first row under the header can hold 一级 or 实际
    /// (gen0-000-chromium: <c>一级故障响应时间</c> under 一级指标 on a continuation page).
    /// </summary>
    private static bool HeaderWording(string compact) => compact.All(ch => HeaderCharacters.Contains(ch));

    private const string HeaderCharacters = "一二三级指标名称年度项目值实际完成情况分数值得分偏差原因分析绩效()（）/";

    private List<Indicator> ReadIndicators(List<(double Top, double Bottom, List<Cell> Cells)> headers)
    {
        if (headers.Count == 0)
        {
            diagnostics.Warn(segment.Title.Line, DiagnosticCodes.MissingField, $"{segment.Title.Place}：未找到指标表头（三级指标）。");
            return [];
        }

        var first = headers[0];
        var end = double.PositiveInfinity;
        if (_kind == FormKind.SelfEvaluation && Cells.FirstOrDefault(c => c.Box.Top > first.Bottom && Labels.FieldOf(c.Compact) == Field.TotalScore) is { } total)
        {
            end = total.Box.Top - 0.1;
        }
        else if (Cells.FirstOrDefault(c => c.Box.Top > first.Bottom && Labels.FieldOf(c.Compact) == Field.Grade) is { } grade)
        {
            end = grade.Box.Top - 0.1;
        }

        foreach (var repeat in headers.Skip(1))
        {
            diagnostics.Info(repeat.Cells[0].Line, DiagnosticCodes.RepeatedBlock, $"{repeat.Cells[0].Place}：续页重复的指标表头，已跳过。");
        }

        var body = Cells.Where(c => c.Box.CenterY > first.Bottom && c.Box.Top < end && !headers.Any(h => c.Box.CenterY >= h.Top && c.Box.CenterY <= h.Bottom)
            && !_plane.IsUsed(c)).SelectMany(SplitLevelPrefix).ToList();
        var columns = Columns(first.Cells, Labels.IndicatorColumn, [.. body, .. TotalRowNumbers(first.Bottom)]);
        var pageColumns = PageColumns(headers, body, columns);
        Dictionary<Column, (double Left, double Right)> ColumnsAt(Cell c) => pageColumns.Last(p => p.Top <= c.Box.CenterY || p.Top == pageColumns[0].Top).Columns;
        var textPieces = body.Where(c => c.Unit == 1 && !c.Whole).ToList();
        var fitted = LineColumns.FitPages(textPieces, ColumnsAt);
        var aligned = LineColumns.Align(textPieces, fitted);
        LineColumns.MoveWedged(aligned, fitted);
        LineColumns.MoveClosers(aligned);
        foreach (var (cell, column) in aligned)
        {
            if (ColumnByPlace(cell) is { } placed && placed != column)
            {
                diagnostics.Info(cell.Line, DiagnosticCodes.CellMoved,
                    $"{cell.Place}：“{cell.Text}”位于{Labels.ColumnName(placed)}列下，按本行各格的顺序读作{Labels.ColumnName(column)}。");
            }
        }

        Column? ColumnOf(Cell c) => aligned.TryGetValue(c, out var byLine) ? byLine : ColumnByPlace(c);
        Column? ColumnByPlace(Cell c)
        {
            foreach (var (column, range) in ColumnsAt(c))
            {
                if (c.Box.CenterX >= range.Left && c.Box.CenterX < range.Right)
                {
                    return column;
                }
            }

            return null;
        }

        var byColumn = body.GroupBy(ColumnOf).Where(g => g.Key is not null).ToDictionary(g => g.Key!.Value, g => g.OrderBy(c => c.Box.Top).ToList());
        MoveStrayText(byColumn);
        MoveTargetsOutOfNames(byColumn);
        MoveLevelsOutOfNames(byColumn);
        MoveLevelsAcross(byColumn, Column.Level1, Column.Level2);
        MoveLevelsAcross(byColumn, Column.Level2, Column.Level1);
        if (_kind == FormKind.SelfEvaluation)
        {
            MoveTrailingNumbers(body, byColumn, columns);
        }
        var names = byColumn.GetValueOrDefault(Column.Name) ?? [];
        var targets = byColumn.GetValueOrDefault(Column.Target) ?? [];
        var layoutText = names.Count > 0 && names.All(c => c.Unit == 1 && !c.Whole);
        var scores = byColumn.GetValueOrDefault(Column.Score) ?? [];
        var targetUnits = layoutText ? LayoutTargetUnits(targets) : [];
        var scoreRows = layoutText && _kind == FormKind.SelfEvaluation && scores.Count > 0;
        var rows = scoreRows ? RowsAtScores(names, scores)
            : layoutText && targetUnits.Count > 0 && names.Count >= targetUnits.Count ? RowsByCount(names, [.. targetUnits.Select(UnitAnchor)])
            : Rows(names, targets, columns.TryGetValue(Column.Name, out var nameRange) ? nameRange.Right : double.PositiveInfinity,
                [.. byColumn.GetValueOrDefault(Column.Weight) ?? [], .. scores]);
        if (rows.Count == 0)
        {
            return [];
        }

        void Carried(Cell c, int row) => diagnostics.Info(c.Line, DiagnosticCodes.CellMoved,
            $"{c.Place}：“{c.Text}”位于页首、本页各行之上，读作上一页末行“{Join(rows[row].Name)}”的续文。");
        var assigned = new Dictionary<Column, List<Cell>[]>();
        foreach (var column in new[] { Column.Target, Column.Actual, Column.Weight, Column.Score, Column.Deviation })
        {
            var pieces = byColumn.GetValueOrDefault(column) ?? [];
            // In -layout text a row's single-line values may be printed lines away from its name (pdftotext
            // orders a wrapped row's lines by their own heights): when a column has one piece (or one value,
            // its wrapped pieces joined) a row, the k-th is the k-th row's. A self-evaluation's values are cut
            // about its 得分 lines, as its names are.
            var units = !layoutText || column is not (Column.Target or Column.Actual) ? null : column == Column.Target ? targetUnits : LayoutTargetUnits(pieces);
            assigned[column] = scoreRows && units is not null && pieces.Count > rows.Count && ValuesAtScores(rows, units) is { } balanced
                ? balanced
                : units is not null && units.Count == rows.Count && units.Count < pieces.Count
                ? [.. units]
                : units is not null && units.Count < pieces.Count ? AssignUnits(rows, units, Carried)
                : layoutText && pieces.Count == rows.Count && column != Column.Deviation
                ? pieces.Select(p => new List<Cell> { p }).ToArray()
                : column is Column.Deviation or Column.Target or Column.Actual && PdfBlocks(rows, pieces, Carried, withinRow: column != Column.Deviation) is { } blocks
                    ? blocks
                    : layoutText && _kind == FormKind.SelfEvaluation && column == Column.Deviation && LayoutSentences(rows, pieces) is { } sentences
                        ? sentences : Assign(rows, pieces, Carried);
        }

        var texts = rows.Select((r, i) => Join(r.Name) + " " + Join(assigned[Column.Target][i])).ToArray();
        var level2 = Levels(rows, byColumn.GetValueOrDefault(Column.Level2) ?? [], level1: false, texts: texts);
        var level1 = Levels(rows, byColumn.GetValueOrDefault(Column.Level1) ?? [], level1: true, children: level2);
        var result = new List<Indicator>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var name = Join(row.Name);
            var target = TextNormaliser.Value(Join(assigned[Column.Target][i]));
            var l2 = IndicatorLevels.CanonicalLevel2(level2[i] ?? "");
            var l1 = level1[i] ?? "";
            if (l1.Length == 0 && IndicatorLevels.ParentOf(l2) is { } parent)
            {
                l1 = parent;
                diagnostics.Info(row.Line, DiagnosticCodes.Level1Inferred, $"{row.Place}：“{name}”的一级指标按二级指标“{l2}”推定为“{parent}”。");
            }
            else if (IndicatorLevels.Level1Misprints.TryGetValue(l1, out var real))
            {
                diagnostics.Warn(row.Line, DiagnosticCodes.Misprint, $"{row.Place}：一级指标“{l1}”为误印，按“{real}”读取。");
                l1 = real;
            }

            if (_kind == FormKind.Target)
            {
                result.Add(new Indicator(l1, l2, name, target, ValueGrammar.Parse(target), Line: row.Line));
                continue;
            }

            var actualText = Join(assigned[Column.Actual][i]);
            var actual = TextNormaliser.IsEmptyMark(TextNormaliser.Compact(actualText)) && actualText.Length == 0 ? null : TextNormaliser.Value(actualText);
            var deviation = Join(assigned[Column.Deviation][i]);
            if (assigned[Column.Score][i].Count == 0 && FormAssembler.Number(TextNormaliser.Compact(deviation), out _) is not null)
            {
                // A right-aligned score running past the middle between the 得分 and 偏差 headers.
                assigned[Column.Score][i] = assigned[Column.Deviation][i];
                deviation = "";
            }

            result.Add(new Indicator(l1, l2, name, target, ValueGrammar.Parse(target), actual, actual is null ? null : ValueGrammar.Parse(actual),
                NumberOf(assigned[Column.Weight][i]), NumberOf(assigned[Column.Score][i]),
                deviation.Length == 0 || TextNormaliser.IsEmptyMark(TextNormaliser.Compact(deviation)) ? null : deviation, row.Line));
        }

        return result;
    }

    /// <summary>
    /// The columns under each header of the indicator table: a header repeated on a continuation page names
    /// that page's columns. <c>pdftotext -layout</c> centres each page's text on its own, so the same column
    /// starts some characters further left or right from page to page (calc-long: 年度指标值 at character 53 on
    /// one page, 45 on the next). A repeat that names fewer columns than the first header keeps the first's.
    /// </summary>
    private static List<(double Top, Dictionary<Column, (double Left, double Right)> Columns)> PageColumns(
        List<(double Top, double Bottom, List<Cell> Cells)> headers, List<Cell> body, Dictionary<Column, (double Left, double Right)> first)
    {
        var result = new List<(double, Dictionary<Column, (double, double)>)> { (headers[0].Top, first) };
        for (var i = 1; i < headers.Count; i++)
        {
            var next = i + 1 < headers.Count ? headers[i + 1].Top : double.PositiveInfinity;
            var under = body.Where(c => c.Box.CenterY > headers[i].Bottom && c.Box.CenterY < next).ToList();
            if (SameColumns(headers[0].Cells, headers[i].Cells))
            {
                // A PDF repeats the header where it stood: the first's columns, measured on every page's rows, stand.
                result.Add((headers[i].Top, first));
                continue;
            }

            var columns = Columns(headers[i].Cells, Labels.IndicatorColumn, under);
            result.Add((headers[i].Top, columns.Count >= first.Count ? columns : first));
        }

        return result;
    }

    /// <summary>Whether a repeated header stands where the first did, word for word (in PDF points; -layout text shifts its columns).</summary>
    private static bool SameColumns(List<Cell> first, List<Cell> repeat) =>
        first.Count == repeat.Count && first.All(c => c.Unit != 1 && !c.Whole) && first.OrderBy(c => c.Box.Left).Zip(repeat.OrderBy(c => c.Box.Left))
            .All(p => p.First.Compact == p.Second.Compact && Math.Abs(p.First.Box.Left - p.Second.Box.Left) <= p.First.Unit / 4 && Math.Abs(p.First.Box.Right - p.Second.Box.Right) <= p.First.Unit / 4);

    /// <summary>
    /// The numbers on the self-evaluation's 总分 row below the indicator table: they stand in the 分值 and 得分
    /// columns, aligned as the rows' numbers are, and wider (100 under 2, 5, 4), which tells how the column aligns.
    /// </summary>
    private List<Cell> TotalRowNumbers(double below)
    {
        if (_kind != FormKind.SelfEvaluation || Cells.FirstOrDefault(c => c.Box.Top > below && Labels.FieldOf(c.Compact) == Field.TotalScore) is not { } total)
        {
            return [];
        }

        return Cells.Where(c => !c.Whole && !ReferenceEquals(c, total) && c.Box.Left >= total.Box.Right && CellPlane.OnSameRow(total, c) && FormAssembler.Number(c.Compact, out _) is not null).ToList();
    }

    /// <summary>
    /// Text pieces in a 一级/二级 column that are no piece of a level label belong to the 三级指标 column:
    /// in -layout text a line's pieces are pushed right or left of their column by the characters before them.
    /// </summary>
    private static void MoveStrayText(Dictionary<Column, List<Cell>> byColumn)
    {
        foreach (var level in new[] { Column.Level1, Column.Level2 })
        {
            if (!byColumn.TryGetValue(level, out var cells))
            {
                continue;
            }

            var stray = cells.Where(c => !c.Whole && !IsLevelPiece(c.Compact)).ToList();
            if (stray.Count == 0)
            {
                continue;
            }

            cells.RemoveAll(stray.Contains);
            stray.RemoveAll(IsLabelFragment); // 绩效指标 printed down the table's left edge is no indicator
            if (!byColumn.TryGetValue(Column.Name, out var names))
            {
                byColumn[Column.Name] = names = [];
            }

            names.AddRange(stray);
            names.Sort((a, b) => a.Box.Top.CompareTo(b.Box.Top));
        }
    }

    /// <summary>
    /// In -layout text a line with little on it is printed narrower, so a centred target (<c>&gt;100件</c> between
    /// the two lines of a wrapped name, gen0-014-calc) can stand left of its header, in the 三级指标 column. A
    /// piece there that begins with a comparison operator, on a line with no target of its own, is the target.
    /// </summary>
    private void MoveTargetsOutOfNames(Dictionary<Column, List<Cell>> byColumn)
    {
        if (!byColumn.TryGetValue(Column.Name, out var names) || !byColumn.TryGetValue(Column.Target, out var targets))
        {
            return;
        }

        var moved = names.Where(c => c.Unit == 1 && !c.Whole && ComparisonOperators.StartsWithOperator(c.Compact)
            && !targets.Any(t => t.Box.Top == c.Box.Top)).ToList();
        foreach (var c in moved)
        {
            names.Remove(c);
            targets.Add(c);
            diagnostics.Info(c.Line, DiagnosticCodes.CellMoved, $"{c.Place}：“{c.Text}”印在三级指标列内，按指标值读取。");
        }

        targets.Sort((a, b) => a.Box.Top.CompareTo(b.Box.Top));
    }

    /// <summary>
    /// In -layout text a whole 一级 or 二级 label read into the 三级指标 column with the row's name after it on its
    /// line (pdftotext sets them one space apart: <c>数量指标 对街镇社区事务受理中心管理人员开展</c>,
    /// gen149-034-chromium) is its column's: in the name it spelled a wrong name and left the rows below under the
    /// label above.
    /// </summary>
    private void MoveLevelsOutOfNames(Dictionary<Column, List<Cell>> byColumn)
    {
        if (!byColumn.TryGetValue(Column.Name, out var names))
        {
            return;
        }

        foreach (var c in names.Where(c => c.Unit == 1 && !c.Whole && IndicatorLevels.IsLevel1(c.Compact) != IndicatorLevels.IsLevel2(c.Compact)
            && names.Any(n => !ReferenceEquals(n, c) && n.Page == c.Page && n.Box.Top == c.Box.Top && n.Box.Left > c.Box.Right && !IndicatorLevels.IsLabel(n.Compact))).ToList())
        {
            var column = IndicatorLevels.IsLevel1(c.Compact) ? Column.Level1 : Column.Level2;
            names.Remove(c);
            if (!byColumn.TryGetValue(column, out var levels))
            {
                byColumn[column] = levels = [];
            }

            levels.Add(c);
            levels.Sort((a, b) => a.Box.Top.CompareTo(b.Box.Top));
            diagnostics.Info(c.Line, DiagnosticCodes.CellMoved, $"{c.Place}：“{c.Text}”印在三级指标列内、指标名称之前，按{Labels.ColumnName(column)}读取。");
        }
    }

    /// <summary>
    /// In -layout text a whole label of the other level read into a level column is that level's: when the
    /// 一级 column is narrow and empty at a group's start, pdftotext sets the 二级 label at the line's start,
    /// under the 一级 labels (<c>质量指标 档案管理软件的数据</c> under <c>产出指</c>/<c>标</c>, gen149-021-chromium),
    /// and the 产出指标 group was cut in two. The same the other way round (calc-long).
    /// </summary>
    private void MoveLevelsAcross(Dictionary<Column, List<Cell>> byColumn, Column from, Column to)
    {
        if (!byColumn.TryGetValue(from, out var cells) || !byColumn.TryGetValue(to, out var others))
        {
            return;
        }

        Func<string, bool> isOwn = from == Column.Level1 ? IndicatorLevels.IsLevel1 : IndicatorLevels.IsLevel2;
        Func<string, bool> isOther = from == Column.Level1 ? IndicatorLevels.IsLevel2 : IndicatorLevels.IsLevel1;
        foreach (var c in cells.Where(c => c.Unit == 1 && !c.Whole && isOther(c.Compact) && !isOwn(c.Compact)).ToList())
        {
            // 满意度指标 is also the end of the 二级 label 服务对象满意度指标 printed over lines (chromium-dense).
            if (cells.LastOrDefault(a => a.Page == c.Page && a.Box.Bottom <= c.Box.Top) is { } above && isOwn(above.Compact + c.Compact))
            {
                continue;
            }

            cells.Remove(c);
            others.Add(c);
            others.Sort((a, b) => a.Box.Top.CompareTo(b.Box.Top));
            diagnostics.Info(c.Line, DiagnosticCodes.CellMoved, $"{c.Place}：“{c.Text}”印在{Labels.ColumnName(from)}列内，按{Labels.ColumnName(to)}读取。");
        }
    }

    /// <summary>
    /// In -layout text a row's 分值 and 得分 are the last two plain numbers on its line, wherever the line's
    /// characters pushed them: they are put in those columns by order, not by where they stand.
    /// </summary>
    private static void MoveTrailingNumbers(List<Cell> body, Dictionary<Column, List<Cell>> byColumn, Dictionary<Column, (double Left, double Right)> columns)
    {
        if (!columns.ContainsKey(Column.Weight) || !columns.ContainsKey(Column.Score))
        {
            return;
        }

        // Narrow columns at the right edge may have no piece of their own by place (chromium-permuted).
        byColumn.TryAdd(Column.Weight, []);
        byColumn.TryAdd(Column.Score, []);

        foreach (var line in body.Where(c => c.Unit == 1 && !c.Whole).GroupBy(c => c.Box.Top))
        {
            var pieces = line.OrderBy(c => c.Box.Left).ToList();
            var numbers = new List<Cell>();
            for (var i = pieces.Count - 1; i >= 0 && numbers.Count < 2; i--)
            {
                var columnOf = byColumn.FirstOrDefault(kv => kv.Value.Contains(pieces[i])).Key;
                if (FormAssembler.Number(pieces[i].Compact, out _) is not null)
                {
                    numbers.Insert(0, pieces[i]);
                }
                else if (columnOf != Column.Deviation)
                {
                    break;
                }
            }

            if (numbers.Count != 2)
            {
                continue;
            }

            foreach (var list in byColumn.Values)
            {
                list.Remove(numbers[0]);
                list.Remove(numbers[1]);
            }

            byColumn[Column.Weight].Add(numbers[0]);
            byColumn[Column.Score].Add(numbers[1]);
        }

        byColumn[Column.Weight].Sort((a, b) => a.Box.Top.CompareTo(b.Box.Top));
        byColumn[Column.Score].Sort((a, b) => a.Box.Top.CompareTo(b.Box.Top));
    }

    /// <summary>
    /// A piece that begins with a level label glued to the next cell's text (社会效益指标参保人员医疗费用负担情况,
    /// columns a third of a character apart) is cut after the label, the box shared by character count.
    /// </summary>
    private static IEnumerable<Cell> SplitLevelPrefix(Cell c)
    {
        if (!c.Whole && c.Compact == c.Text && LevelWords.Where(w => c.Text.Length > w.Length && c.Text.StartsWith(w, StringComparison.Ordinal)).MaxBy(w => w.Length) is { } label
            && !IndicatorLevels.IsLabelPrefix(c.Text))
        {
            var cut = c.Box.Left + c.Box.Width * label.Length / c.Text.Length;
            yield return new Cell(c.Page, c.Box with { Right = cut }, label, c.Line, false, c.Unit);
            yield return new Cell(c.Page, c.Box with { Left = cut }, c.Text[label.Length..], c.Line, false, c.Unit);
            yield break;
        }

        yield return c;
    }

    private static readonly string[] LevelWords = [.. IndicatorLevels.Level1, .. IndicatorLevels.Level1Misprints.Keys, .. IndicatorLevels.Level2.Keys, .. IndicatorLevels.Level2Aliases.Keys];

    /// <summary>Whether a text is a level label or a piece of one (<c>满意</c>, <c>度指</c>, <c>标</c>).</summary>
    internal static bool IsLevelPiece(string compact) => compact.Length > 0 && LevelWords.Any(w => w.Contains(compact, StringComparison.Ordinal));

    private static decimal? NumberOf(List<Cell> cells)
    {
        var text = string.Concat(cells.Select(c => c.Compact));
        return TextNormaliser.IsEmptyMark(text) ? null : FormAssembler.Number(text, out _);
    }

    /// <summary>One indicator row: its name pieces and the height it spans.</summary>
    private sealed record Row(List<Cell> Name, double Top, double Bottom, Cell Anchor)
    {
        /// <summary>The part of a borderless row that a page break carried to the next page, if any.</summary>
        public Box? Spill { get; init; }

        public int Line => Anchor.Line;

        public string Place => Anchor.Place;

        public double Center => (Top + Bottom) / 2;
    }

    /// <summary>
    /// Rows from the 三级指标 column: a drawn cell is a row; text pieces are one row while a line reaches the
    /// column's right edge (the column wrapped it) and the next line follows at once.
    /// </summary>
    private static List<Row> Rows(List<Cell> names, List<Cell> targets, double columnLimit, List<Cell> numbers)
    {
        var rows = new List<Row>();
        if (names.Count == 0)
        {
            return rows;
        }

        // The column's right edge as its wrapped lines show it; a piece running past the column (into the
        // next one) does not move it.
        var inside = names.Where(c => c.Box.Right <= columnLimit + c.Unit).ToList();
        var columnRight = (inside.Count > 0 ? inside : names).Max(c => c.Box.Right);
        var pitchGap = PdfPitchGap(names);
        var leading = PdfLeading(names, columnRight);
        foreach (var c in names)
        {
            // A line of a name split at a space (度应在 24小, gen59-034-chromium): the piece after the space is
            // the same line's, whatever its width.
            if (rows.Count > 0 && !c.Whole && rows[^1].Name[^1] is { Whole: false } before && before.Page == c.Page
                && CellPlane.OnSameRow(before, c) && Math.Abs(before.Box.Top - c.Box.Top) <= 0.2 * c.Unit && c.Box.Left >= before.Box.Right - 0.2 * c.Unit)
            {
                rows[^1].Name.Add(c);
                rows[^1] = rows[^1] with { Bottom = Math.Max(rows[^1].Bottom, c.Box.Bottom) };
                continue;
            }

            // Between horizontal rules, the rules say which lines are one name.
            if (rows.Count > 0 && !c.Whole && rows[^1].Name[^1] is { Whole: false, Band: { } band } && c.Band is { } own)
            {
                if (band == own)
                {
                    rows[^1].Name.Add(c);
                    rows[^1] = rows[^1] with { Bottom = c.Box.Bottom };
                }
                else
                {
                    rows.Add(new Row([c], c.Box.Top, c.Box.Bottom, c));
                }

                continue;
            }

            if (rows.Count > 0 && !c.Whole && rows[^1].Name[^1] is { Whole: false } last
                && c.Box.Top - last.Box.Bottom <= WrapLimit(c, leading)
                && !(IsPdfPiece(c) && c.Box.Top - last.Box.Bottom > pitchGap + BlockPitchSlack * c.Unit)
                && last.Box.Right >= columnRight - 1.5 * c.Unit
                && !HasOwnTarget(c, last, targets))
            {
                rows[^1].Name.Add(c);
                rows[^1] = rows[^1] with { Bottom = c.Box.Bottom };
                continue;
            }

            // A PDF name wrapped short of the column's edge (before a bracketed part) whose row's value stands
            // between its two lines.
            if (rows.Count > 0 && IsPdfPiece(c) && rows[^1].Name[^1] is { Whole: false } shortLine && shortLine.Page == c.Page
                && c.Box.Top - shortLine.Box.Bottom <= pitchGap + BlockPitchSlack * c.Unit && ValueBetween(shortLine, c, targets, numbers))
            {
                rows[^1].Name.Add(c);
                rows[^1] = rows[^1] with { Bottom = c.Box.Bottom };
                continue;
            }

            // A borderless row cut by a page break: the name goes on at the top of the next page.
            if (rows.Count > 0 && !c.Whole && rows[^1].Name[^1] is { Whole: false } end && c.Page == end.Page + 1 && rows[^1].Spill is null
                && end.Box.Right >= columnRight - 1.5 * c.Unit
                && end.Box.Bottom >= names.Concat(targets).Where(x => x.Page == end.Page).Max(x => x.Box.Bottom) - 0.5 * c.Unit
                && c.Box.Top <= names.Concat(targets).Where(x => x.Page == c.Page).Min(x => x.Box.Top) + 0.5 * c.Unit
                && !targets.Any(t => t.Page == c.Page && t.Box.CenterY >= c.Box.Top - c.Unit && t.Box.CenterY <= c.Box.Bottom + 1.5 * c.Unit && StartsLikeValue(t.Compact))
                && !(targets.FirstOrDefault(t => Holds(end, t)) is { } above && targets.FirstOrDefault(t => Holds(c, t)) is { } first && TargetGoesOn(above.Compact, first.Compact) == false)
                && !(IsPdfPiece(c) && HasOwnTarget(c, end, targets))
                && !BothNumbered(rows[^1], c, numbers, IsPdfPiece(c) ? WrappedBottom(c, names) : c.Box.Bottom))
            {
                rows[^1].Name.Add(c);
                rows[^1] = rows[^1] with { Spill = c.Box };
                continue;
            }

            rows.Add(new Row([c], c.Box.Top, c.Box.Bottom, c));
        }

        return rows;
    }

    /// <summary>
    /// Rows of a self-evaluation in -layout text: a row's 得分 is one number on one line, printed at the row's
    /// middle; the name lines are cut into balanced runs about the 得分 lines (<see cref="BalancedJoins"/>), or
    /// else every piece of the name column goes to the row whose 得分 line is nearest.
    /// </summary>
    private static List<Row> RowsAtScores(List<Cell> names, List<Cell> scores)
    {
        var rows = scores.OrderBy(c => c.Box.Top).Select(c => new Row([], c.Box.Top, c.Box.Bottom, c)).ToList();
        var ordered = names.OrderBy(c => c.Box.Top).ThenBy(c => c.Box.Left).ToList();
        if (BalancedJoins(ordered, [.. rows.Select(r => r.Anchor)], JoinLikelihood(ordered, scores).ToDictionary(x => x.Index, x => x.Score)) is { } joins)
        {
            for (var (i, k) = (0, -1); i < ordered.Count; i++)
            {
                k += i > 0 && joins.Contains(i - 1) ? 0 : 1;
                rows[k].Name.Add(ordered[i]);
            }

            return rows;
        }

        var assigned = Assign(rows, names);
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].Name.AddRange(assigned[i].OrderBy(c => c.Box.Top).ThenBy(c => c.Box.Left));
        }

        return rows;
    }

    /// <summary>
    /// Rows for -layout text, where lines of one cell do not line up: the names are joined into as many rows
    /// as the column of targets has pieces, joining first the pairs of lines that most look like one
    /// wrapped cell (adjacent lines, the first as long as the column is wide, the second short).
    /// </summary>
    private static List<Row> RowsByCount(List<Cell> names, List<Cell> targets)
    {
        var count = targets.Count;
        var ordered = names.OrderBy(c => c.Box.Top).ThenBy(c => c.Box.Left).ToList();
        var likelihood = JoinLikelihood(ordered, targets);
        var joins = BalancedJoins(ordered, targets.OrderBy(c => c.Box.Top).ThenBy(c => c.Box.Left).ToList(),
                likelihood.ToDictionary(x => x.Index, x => x.Score))
            ?? likelihood.OrderByDescending(x => x.Score).Take(ordered.Count - count).Select(x => x.Index).ToHashSet();
        var rows = new List<Row>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var c = ordered[i];
            if (i > 0 && joins.Contains(i - 1))
            {
                rows[^1].Name.Add(c);
                rows[^1] = rows[^1] with { Bottom = Math.Max(rows[^1].Bottom, c.Box.Bottom) };
            }
            else
            {
                rows.Add(new Row([c], c.Box.Top, c.Box.Bottom, c));
            }
        }

        return rows;
    }

    /// <summary>
    /// How likely each pair of adjacent name lines is one wrapped cell (the first as long as the column is wide,
    /// the second short, no gap); a pair each on a value line of its own is left out.
    /// </summary>
    private static List<(int Index, double Score)> JoinLikelihood(List<Cell> ordered, List<Cell> targets)
    {
        var widest = ordered.Max(c => c.Compact.Length);
        var likelihood = new List<(int Index, double Score)>();
        for (var i = 0; i + 1 < ordered.Count; i++)
        {
            var (a, b) = (ordered[i], ordered[i + 1]);
            if (OwnTarget(a) && OwnTarget(b))
            {
                // Two lines each with a target of its own are two rows (gen0-011-calc), however many targets
                // the column has elsewhere.
                continue;
            }

            var gap = b.Box.Top - a.Box.Bottom;
            var score = (double)a.Compact.Length / widest + 0.3 * (1 - (double)b.Compact.Length / widest)
                - (gap > 1.5 ? 10 : gap * 0.5) - (TextTools.EndsSentence(a.Compact) ? 0.5 : 0);
            likelihood.Add((i, score));
        }

        return likelihood;
        bool OwnTarget(Cell name) => targets.Any(t => t.Page == name.Page && t.Box.Top == name.Box.Top);
    }

    /// <summary>
    /// Whether the last row before a page break and the first line after it each have a 分值 or 得分 of their
    /// own: then the line starts a row, it does not carry on the one cut by the break (gen0-032-calc: 网银支付成功率
    /// with its 10 at a page's foot, 大数据模型搭建 with its own 10 at the next page's head).
    /// </summary>
    /// <remarks>
    /// In a PDF the line's number may stand at the middle of the wrapped name it begins (<paramref name="bottom"/>,
    /// its last line's: gen107-020-calc, a six-line 新聘用辅助人员… with its 6.00 level with the third line).
    /// </remarks>
    private static bool BothNumbered(Row before, Cell line, List<Cell> numbers, double bottom) =>
        numbers.Any(n => n.Page == before.Anchor.Page && n.Box.CenterY >= before.Top - line.Unit && n.Box.CenterY <= before.Bottom + line.Unit)
        && numbers.Any(n => n.Page == line.Page && n.Box.CenterY >= line.Box.Top - line.Unit && n.Box.CenterY <= Math.Max(bottom, line.Box.Bottom + 1.5 * line.Unit));

    /// <summary>The bottom of the wrapped name a line begins: the lines of its column that follow it, each within a wrap gap of the last.</summary>
    private static double WrappedBottom(Cell first, List<Cell> names)
    {
        var bottom = first.Box.Bottom;
        foreach (var next in names.Where(n => n.Page == first.Page && n.Box.Top > first.Box.Top).OrderBy(n => n.Box.Top))
        {
            if (next.Box.Top - bottom > (CellPlane.WrapGap - 1) * first.Unit)
            {
                break;
            }

            bottom = Math.Max(bottom, next.Box.Bottom);
        }

        return bottom;
    }

    /// <summary>Whether a target piece stands on <paramref name="next"/>'s line while none stands on the previous piece's line.</summary>
    private static bool HasOwnTarget(Cell next, Cell previous, List<Cell> targets)
    {
        var mine = targets.FirstOrDefault(t => Holds(next, t));
        var theirs = targets.FirstOrDefault(t => Holds(previous, t));
        if (mine is null || theirs is null)
        {
            return false;
        }

        if (TargetGoesOn(theirs.Compact, mine.Compact) is { } goesOn)
        {
            return !goesOn;
        }

        // Both columns wrapped side by side (不高于往年水 / 平): the target on the next line continues the one above.
        var targetRight = targets.Max(t => t.Box.Right);
        return !(theirs.Box.Right >= targetRight - 1.5 * theirs.Unit && Math.Abs(mine.Box.Left - theirs.Box.Left) <= theirs.Unit);
    }

    /// <summary>
    /// What a target's text says of the target piece on the line after it (gen59-001-chromium). After an
    /// unclosed bracket (<c>≥2（个工作</c> / <c>日每周）</c>) it goes on; a bracket that opens the next line
    /// (<c>≥2.00</c> / <c>（份）</c>) is the unit of a bare quantity above it; after a whole quantity, its unit
    /// closed or a per cent sign (<c>=100（%）</c>), the next piece is another row's; an operator's bare number
    /// goes on into digits that carry the unit (<c>=100.0</c> / <c>0（%）</c>). Null: the text does not say.
    /// </summary>
    internal static bool? TargetGoesOn(string previous, string next)
    {
        if (previous.Length == 0 || next.Length == 0)
        {
            return null;
        }

        if (previous.Count(c => c is '(' or '（') > previous.Count(c => c is ')' or '）'))
        {
            return true;
        }

        if (next[0] is '(' or '（')
        {
            return StartsLikeValue(previous) && previous.IndexOfAny(['(', '（']) < 0 ? true : null;
        }

        // An operator's quantity cut in its decimals, no unit yet, then digits with a unit and no operator: one
        // quantity wrapped inside its number (word-gen181-011-calc, a word processor's narrow column: =100.0 / 0（%）).
        if (ComparisonOperators.IsStart(previous[0]) && char.IsAsciiDigit(previous[^1]) && previous.Contains('.') && previous.IndexOfAny(['(', '（', '%']) < 0
            && char.IsAsciiDigit(next[0]) && !next.Any(ComparisonOperators.IsStart) && next[^1] is ')' or '）' or '%')
        {
            return true;
        }

        return StartsLikeValue(previous) && previous[^1] is ')' or '）' or '%' ? false : null;
    }

    /// <summary>A piece that begins a quantity (an operator or a digit), not the rest of a wrapped one.</summary>
    private static bool StartsLikeValue(string compact) => compact.Length > 0 && (char.IsAsciiDigit(compact[0]) || ComparisonOperators.IsStart(compact[0]));

    /// <summary>Whether a line holds a piece's middle (a value printed between two lines of a wrapped name is on neither).</summary>
    private static bool Holds(Cell line, Cell piece) => piece.Box.CenterY > line.Box.Top + 0.1 * line.Unit && piece.Box.CenterY < line.Box.Bottom - 0.1 * line.Unit;

    /// <summary>
    /// The deviation column of a self-evaluation in -layout text by sentences: pdftotext prints a wrapped 偏差原因分析
    /// around its row's 得分 line, so line by line its first lines went to the row above (gen151c-001-calc: 资金结余主要
    /// / 为政府采购节 / 约。 over three rows). Lines at most <see cref="MaxSentenceStep"/> lines apart with no blank
    /// line between are one text until one ends a sentence (。；); each text goes whole to the row whose line is
    /// nearest its middle, ties to the upper row. Null when no text has two lines (nothing to gain) or a row is
    /// not one line (its 得分's).
    /// </summary>
    private List<Cell>[]? LayoutSentences(List<Row> rows, List<Cell> pieces)
    {
        // A line between two lines of the text holds another column's piece (a wrapped name's), never nothing.
        bool Printed(int page, double top) => Cells.Any(c => c.Page == page && Math.Abs(c.Box.Top - top) < 0.5);

        if (pieces.Count < 2 || rows.Count == 0 || rows.Any(r => r.Bottom - r.Top > 1.5))
        {
            return null;
        }

        // A piece on a row's own line (its 得分's) is that row's: a text holds one such piece at most
        // (gen151c-002-chromium: 无偏差 and, two lines down, 无, each on its row's line).
        bool OnRowLine(Cell c) => rows.Any(r => r.Anchor.Page == c.Page && Math.Abs(r.Top - c.Box.Top) < 0.5);

        var texts = new List<List<Cell>>();
        foreach (var p in pieces.OrderBy(p => p.Page).ThenBy(p => p.Box.Top).ThenBy(p => p.Box.Left))
        {
            var last = texts.Count > 0 ? texts[^1][^1] : null;
            if (last is not null && last.Page == p.Page && p.Box.Top - last.Box.Top is > 0.5 and < MaxSentenceStep && !last.Compact.EndsWith('。') && !last.Compact.EndsWith('；')
                && Enumerable.Range(1, (int)Math.Round(p.Box.Top - last.Box.Top) - 1).All(k => Printed(p.Page, last.Box.Top + k))
                && !(OnRowLine(p) && texts[^1].Any(OnRowLine)))
            {
                texts[^1].Add(p);
            }
            else
            {
                texts.Add([p]);
            }
        }

        // A text cut at a row's line gives the lines it has above that line to the text the line starts, as
        // many as that text has below it: a wrapped text is centred on its row's line (gen151c-002-chromium:
        // 已完成 / 采购流程较 / 长，设备于 / 12月到货。, 采购流程较 the next row's).
        for (var t = 1; t < texts.Count; t++)
        {
            var (before, text) = (texts[t - 1], texts[t]);
            var own = before.FindLastIndex(OnRowLine);
            if (own < 0 || !OnRowLine(text[0]) || before[^1].Page != text[0].Page || before[^1].Compact.EndsWith('。') || before[^1].Compact.EndsWith('；'))
            {
                continue;
            }

            var moved = Math.Min(before.Count - 1 - own, text.Count - 1);
            if (moved > 0)
            {
                text.InsertRange(0, before.GetRange(before.Count - moved, moved));
                before.RemoveRange(before.Count - moved, moved);
            }
        }

        if (texts.All(t => t.Count < 2))
        {
            return null;
        }

        var result = new List<Cell>[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            result[i] = [];
        }

        foreach (var text in texts)
        {
            var middle = (text[0].Box.Top + text[^1].Box.Bottom) / 2;
            var best = 0;
            for (var i = 1; i < rows.Count; i++)
            {
                if (Math.Abs(RowMiddle(rows[i], text[0]) - middle) < Math.Abs(RowMiddle(rows[best], text[0]) - middle) - 1e-6)
                {
                    best = i;
                }
            }

            result[best].AddRange(text);
        }

        return result;

        // A row on another page than the text is far from it.
        static double RowMiddle(Row r, Cell c) => r.Anchor.Page == c.Page ? (r.Top + r.Bottom) / 2 : double.MaxValue / 4;
    }

    /// <summary>How many lines apart two lines of one wrapped deviation may be (a neighbouring name's line between, gen151c-001-calc).</summary>
    private const double MaxSentenceStep = 2.5;

    /// <summary>Each cell of a column to the row whose span it overlaps most, else the nearest; ties to the upper row.</summary>
    private static List<Cell>[] Assign(List<Row> rows, List<Cell> cells, Action<Cell, int>? carried = null)
    {
        var result = new List<Cell>[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            result[i] = [];
        }

        foreach (var c in cells)
        {
            var best = -1;
            var bestDistance = double.MaxValue;
            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                var distance = Distance(c.Box.CenterY, r.Top, r.Bottom);
                if (r.Spill is { } spill)
                {
                    distance = Math.Min(distance, Distance(c.Box.CenterY, spill.Top, spill.Bottom));
                }

                if (distance < bestDistance - 1e-6)
                {
                    best = i;
                    bestDistance = distance;
                }
            }

            // A drawn cell at the top of a page beside no row (the row's name was cut by the page break and
            // printed whole on the page before) goes on the previous page's last row.
            if (best >= 0 && bestDistance > 0 && c.Whole && !rows.Any(r => r.Anchor.Page == c.Page && r.Top < c.Box.Top)
                && rows.FindLastIndex(r => r.Anchor.Page < c.Page) is var previous and >= 0)
            {
                best = previous;
            }
            // So does a borderless PDF piece (or wrapped block) that ends above every row of its page: the rest
            // of the last row's wrapped text, carried over by the page break (gen91c-012-chromium: 执行管理，提前做好
            // 采购计划。 at the top of page 3, a row's height above its first name; gen91c-024-chromium: 一年度。).
            else if (best >= 0 && bestDistance > 0 && IsPdfPiece(c) && rows[best].Anchor.Page == c.Page
                && rows.Where(r => r.Anchor.Page == c.Page).All(r => c.Box.Bottom < r.Top)
                && !rows.Any(r => r.Spill is { } spill && r.Anchor.Page < c.Page && c.Box.Top < spill.Bottom)
                && rows.FindLastIndex(r => r.Anchor.Page == c.Page - 1) is var last and >= 0)
            {
                best = last;
                carried?.Invoke(c, last);
            }

            if (best >= 0)
            {
                result[best].Add(c);
            }
        }

        return result;
    }

    private static double Distance(double y, double top, double bottom) =>
        y >= top && y <= bottom ? 0 : Math.Min(Math.Abs(y - top), Math.Abs(y - bottom));

    /// <summary>
    /// The 一级 or 二级 label of each row. A drawn merged cell spans its rows exactly. Text labels are printed
    /// once per group, at the group's middle (or top, or bottom): the rows are split into consecutive groups,
    /// one per label, so that each label stands best where its group does.
    /// </summary>
    private string?[] Levels(List<Row> rows, List<Cell> cells, bool level1, string?[]? children = null, string[]? texts = null)
    {
        var labels = JoinLevelPieces(cells.Where(c => !_plane.IsUsed(c)).ToList(), level1);
        var result = new string?[rows.Count];
        if (labels.Count == 0)
        {
            return result;
        }

        if (labels.All(l => l.Whole))
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var center = rows[i].Center;
                // A merged cell cut by a page break prints its text in one part: rows of the other part take
                // the label above them (the part before the break), else the first one below.
                result[i] = labels.FirstOrDefault(l => center >= l.Box.Top && center <= l.Box.Bottom)?.Compact
                    ?? labels.LastOrDefault(l => l.Box.Bottom <= center)?.Compact
                    ?? labels.MinBy(l => Math.Abs(l.Box.CenterY - center))!.Compact;
            }

            return result.Select(Canonical).ToArray();
        }

        if (labels.Count > rows.Count)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                result[i] = labels.MinBy(l => Math.Abs(l.Box.CenterY - rows[i].Center))!.Compact;
            }

            return result.Select(Canonical).ToArray();
        }

        // A label printed twice across a page break (clipped on both pages) stands at the middle of its whole
        // group: then measure on the strip of rows without the break. (Chromium's pages keep the break's blank
        // space in its layout, and print a label once: there the page coordinates are right.)
        var flow = new Flow(rows);
        var merged = flow.Merge(labels);
        flow.Active = merged.Count < labels.Count;
        labels = merged;

        // Dynamic programme: cost[k][j] = best cost of giving rows 0..j to labels 0..k.
        int n = rows.Count, m = labels.Count;
        // foreign[k, r]: how many of rows 0..r-1 have a 二级 that belongs under another 一级 than label k.
        var foreign = new int[m, n + 1];
        for (var k = 0; k < m; k++)
        {
            var own = IndicatorLevels.CanonicalLevel1(labels[k].Compact);
            for (var r = 0; r < n; r++)
            {
                var parent = children?[r] is { } child ? IndicatorLevels.ParentOf(child) : null;
                foreign[k, r + 1] = foreign[k, r] + (parent is not null && parent != own && IndicatorLevels.IsLevel1(own) ? 1 : 0);
            }
        }

        // regret[k, r]: how much better rows 0..r-1 read under the table's best-fitting 二级 label than under
        // label k (IndicatorLevels.Affinity): the words break the ties the print leaves.
        var regret = new int[m, n + 1];
        if (texts is not null)
        {
            var fit = new int[m, n];
            for (var r = 0; r < n; r++)
            {
                var best = 0;
                for (var k = 0; k < m; k++)
                {
                    fit[k, r] = IndicatorLevels.Affinity(labels[k].Compact, texts[r]);
                    best = Math.Max(best, fit[k, r]);
                }

                for (var k = 0; k < m; k++)
                {
                    regret[k, r + 1] = regret[k, r] + best - fit[k, r];
                }
            }
        }

        // inBand[k, r]: how many of rows 0..r-1 stand (by their middle) in label k's band of horizontal rules:
        // those rows are label k's, whatever its place in the band (gen91c-024-chromium: 质量指标 printed at the
        // middle of its three rows, the first of which a page break parts from the 数量指标 group above).
        // outBand[k, r]: how many of rows 0..r-1 stand outside label k's band: the rules bound the merged cell on
        // both sides, so those rows are not label k's (chromium-horizontal-money: 时效指标 in a band of one row
        // atop page 3, the two rows above it the rest of 质量指标's group cut by the page break).
        var inBand = new int[m, n + 1];
        var outBand = new int[m, n + 1];
        for (var k = 0; k < m; k++)
        {
            for (var r = 0; r < n; r++)
            {
                var banded = IsPdfPiece(labels[k]) && labels[k].Band is not null;
                var mine = banded && labels[k].Band is { } band && rows[r].Center > band.Top && rows[r].Center < band.Bottom;
                inBand[k, r + 1] = inBand[k, r] + (mine ? 1 : 0);
                outBand[k, r + 1] = outBand[k, r] + (banded && !mine ? 1 : 0);
            }
        }

        var cost = new double[m, n];
        var from = new int[m, n];
        for (var k = 0; k < m; k++)
        {
            for (var j = 0; j < n; j++)
            {
                cost[k, j] = double.PositiveInfinity;
                for (var i = k; i <= j; i++)
                {
                    var before = k == 0 ? (i == 0 ? 0 : double.PositiveInfinity) : (i - 1 >= k - 1 ? cost[k - 1, i - 1] : double.PositiveInfinity);
                    if (double.IsPositiveInfinity(before))
                    {
                        continue;
                    }

                    var c = before + GroupCost(flow.At(rows[i].Top), flow.At(rows[j].Bottom), flow.At(labels[k]))
                        + Foreign * labels[k].Unit * (foreign[k, j + 1] - foreign[k, i])
                        + Vocabulary * labels[k].Unit * (regret[k, j + 1] - regret[k, i])
                        + OutOfBand * labels[k].Unit * (inBand[k, n] - inBand[k, j + 1] + inBand[k, i] + outBand[k, j + 1] - outBand[k, i]);
                    // Of two equal costs the later start: the group before grows (gen0-030-chromium: 质量指标 atop
                    // its two rows or 社会效益指标 at the foot of two, equal; pdftotext sets a label centred on two
                    // lines on the upper one).
                    if (c <= cost[k, j] + Tie)
                    {
                        cost[k, j] = Math.Min(c, cost[k, j]);
                        from[k, j] = i;
                    }
                }
            }
        }

        var end = n - 1;
        for (var k = m - 1; k >= 0; k--)
        {
            var start = from[k, end];
            for (var r = start; r <= end; r++)
            {
                result[r] = labels[k].Compact;
            }

            end = start - 1;
        }

        return result.Select(Canonical).ToArray();

        string? Canonical(string? s) => s is null ? null : level1 ? s : IndicatorLevels.CanonicalLevel2(s);
    }

    /// <summary>
    /// The rows of a table as one continuous strip: each page's part follows the previous page's part with
    /// no gap. A spreadsheet prints a merged label at the middle of its whole group, so a group cut by a page
    /// break has its label near the break, once on each page (clipped): both copies are one label.
    /// </summary>
    private sealed class Flow
    {
        private readonly SortedDictionary<long, (double Top, double Bottom, double Start)> _parts = [];

        public Flow(List<Row> rows)
        {
            var extent = new SortedDictionary<long, (double Top, double Bottom)>();
            foreach (var row in rows)
            {
                foreach (var y in new[] { row.Top, row.Bottom })
                {
                    var page = PageOf(y);
                    extent[page] = extent.TryGetValue(page, out var e) ? (Math.Min(e.Top, y), Math.Max(e.Bottom, y)) : (y, y);
                }
            }

            var start = 0.0;
            foreach (var (page, (top, bottom)) in extent)
            {
                _parts[page] = (top, bottom, start);
                start += bottom - top;
            }
        }

        internal static long PageOf(double y) => (long)Math.Floor(y / Geometry.PageStride);

        /// <summary>
        /// The page a label is printed on: a PDF piece's own page, as its box may stand beyond the page's top
        /// (gen0-032-calc: LibreOffice's copy of a merged 数量指标 centred on the whole cell, printed 22 pt above
        /// page 2, whose place is below page 1's strip).
        /// </summary>
        private static long PageOf(Cell label) => IsPdfPiece(label) ? label.Page - 1 : PageOf(label.Box.CenterY);

        /// <summary>Where <paramref name="y"/> lies on the strip (a page without rows: the nearest part's edge).</summary>
        public bool Active { get; set; } = true;

        public double At(double y) => At(y, PageOf(y));

        private double At(double y, long page)
        {
            if (!Active || _parts.Count == 0)
            {
                return y;
            }

            if (_parts.TryGetValue(page, out var part))
            {
                return part.Start + (y - part.Top);
            }

            var before = _parts.LastOrDefault(p => p.Key < page);
            if (before.Value != default)
            {
                return before.Value.Start + before.Value.Bottom - before.Value.Top;
            }

            return _parts.First().Value.Start;
        }

        /// <summary>Where a label stands on the strip, on its own page.</summary>
        public Box At(Cell label) => new(label.Box.Left, At(label.Box.Top, PageOf(label)), label.Box.Right, At(label.Box.Bottom, PageOf(label)));

        /// <summary>Where a height on a label's page lies on the strip.</summary>
        private double At(Cell label, double y) => At(y, PageOf(label));

        /// <summary>Two copies of one label on adjacent pages that stand at the same place of the strip become one.</summary>
        public List<Cell> Merge(List<Cell> labels)
        {
            var result = new List<Cell>();
            foreach (var label in labels)
            {
                if (!label.Whole && Copies(label).FirstOrDefault(copy => !copy.Whole && PageOf(copy) != PageOf(label)
                        && (Outside(copy) || Outside(label))
                        && Math.Abs(At(copy, copy.Box.CenterY) - At(label, label.Box.CenterY)) <= SameLabel * label.Unit) is { } first)
                {
                    Anchor(first, label);
                    continue;
                }

                result.Add(label);
            }

            return result;

            // The labels of the same text just before this one (a group over several pages: its copies, and a drawn part).
            IEnumerable<Cell> Copies(Cell label)
            {
                for (var i = result.Count - 1; i >= 0 && result[i].Compact == label.Compact; i--)
                {
                    yield return result[i];
                }
            }
        }

        /// <summary>
        /// Two copies of one label are one point of the strip: the page of the later copy (and every page after
        /// it) moves down so that they coincide. The strip joins pages at their rows' text, which leaves out the
        /// rows' padding and the cut cells' parts beyond them; a spreadsheet centres the label on its whole
        /// merged cell on each page, so the copies say where the pages meet (gen0-034-calc: 服务对象满意度指标
        /// over two rows on page 2 and one on page 3, printed on both, its group read one row short). The pages
        /// only move apart, never into each other's rows. PDF pieces only: -layout text has no page geometry.
        /// </summary>
        private void Anchor(Cell first, Cell copy)
        {
            var delta = At(first, first.Box.CenterY) - At(copy, copy.Box.CenterY);
            var page = PageOf(copy);
            if (!IsPdfPiece(copy) || delta <= 0 || page != PageOf(first) + 1 || !_parts.ContainsKey(page))
            {
                return;
            }

            foreach (var key in _parts.Keys.Where(k => k >= page).ToList())
            {
                var part = _parts[key];
                _parts[key] = part with { Start = part.Start + delta };
            }
        }

        /// <summary>A label beyond the rows of its page: what a page break cut from a group's middle.</summary>
        private bool Outside(Cell label) =>
            !_parts.TryGetValue(PageOf(label), out var part) || label.Box.CenterY < part.Top || label.Box.CenterY > part.Bottom;

        /// <summary>How far apart (lines) two copies of a label may stand on the strip and still be one (calc-long).</summary>
        private const double SameLabel = 3;
    }

    /// <summary>
    /// What a row costs in the 一级 dynamic programme, in lines, when its 二级 belongs under another 一级
    /// (数量指标 under 效益指标): a label at the top of a long group stands as well at the bottom of the
    /// group before it (gen0-030-chromium), and the 二级 labels say which.
    /// </summary>
    private const double Foreign = 2;

    /// <summary>
    /// What a row costs in the 二级 dynamic programme, in lines, for each word it has in common with another
    /// of the table's 二级 labels more than with its own (<see cref="IndicatorLevels.Affinity"/>, at most 2):
    /// half a line at most, so it only settles what the print leaves open (none / 0.15 / 0.25 / 0.4: 225 / 239 /
    /// 241 / 238 forms exact of 473 on four zoo sets, -layout). A label centred on a two-row group
    /// stands on the first row's line, where it is also the middle of a one-row group (gen149-026-chromium:
    /// …统计分析查询完成数量 read under 质量指标).
    /// </summary>
    internal const double Vocabulary = 0.25;

    /// <summary>Costs closer than this (lines) are equal in the level programmes: rounding must not decide.</summary>
    private const double Tie = 1e-6;

    /// <summary>
    /// The cost (in em) of leaving out of a label's group a row that stands in the label's band of horizontal
    /// rules, or of taking in one outside it (a PDF with rules across the level columns): the rules bound the
    /// merged cell, so it weighs more than a label's place (gen91c-024-chromium; chromium-horizontal-money).
    /// </summary>
    internal const double OutOfBand = 10;

    private static double GroupCost(double top, double bottom, Box label)
    {
        var center = Math.Abs((top + bottom) / 2 - label.CenterY);
        var alignedTop = Math.Abs(top - label.Top);
        var alignedBottom = Math.Abs(bottom - label.Bottom);
        // Labels are centred over their group in most printings; top or bottom alignment (spreadsheets) costs a little more.
        const double aligned = 0.3;
        return Math.Min(center, Math.Min(alignedTop, alignedBottom) + aligned * (label.Bottom - label.Top));
    }

    /// <summary>Joins the pieces of labels printed over several lines in a narrow column (<c>满意</c>/<c>度指</c>/<c>标</c>).</summary>
    private static List<Cell> JoinLevelPieces(List<Cell> cells, bool level1)
    {
        var result = new List<Cell>();
        Cell? acc = null;
        foreach (var c in cells.OrderBy(c => c.Box.Top))
        {
            if (c.Whole)
            {
                Flush();
                result.Add(c);
                continue;
            }

            if (acc is not null && !IsLevel(acc.Compact, level1)
                && (c.Box.Top - acc.Box.Bottom <= (CellPlane.WrapGap - 1) * c.Unit
                    || (c.Box.Top - acc.Box.Bottom <= LevelPieceGap * c.Unit && IndicatorLevels.IsLabelPrefix(acc.Compact + c.Compact))))
            {
                acc = acc.Joined(c, acc.Compact + c.Compact);
                continue;
            }

            Flush();
            acc = c;
        }

        Flush();
        return result;

        void Flush()
        {
            if (acc is not null && acc.Compact.Length > 0)
            {
                result.Add(acc);
            }

            acc = null;
        }
    }

    /// <summary>
    /// How many lines apart the pieces of one wrapped 一级/二级 label may be printed in -layout text when together
    /// they spell a label (chromium-dense: <c>社会成本</c>, a line of another row's values, two blank lines, <c>指标</c>).
    /// </summary>
    private const double LevelPieceGap = 4;

    private static bool IsLevel(string s, bool level1) => level1 ? IndicatorLevels.IsLevel1(s) : IndicatorLevels.IsLevel2(s) || s.EndsWith("指标", StringComparison.Ordinal);

    private (decimal? Weight, decimal? Score) Totals(List<(double Top, double Bottom, List<Cell> Cells)> headers)
    {
        var label = Cells.LastOrDefault(c => Labels.FieldOf(c.Compact) == Field.TotalScore);
        if (label is null)
        {
            return (null, null);
        }

        var numbers = Cells.Where(c => !ReferenceEquals(c, label) && c.Box.Left >= label.Box.Right - 0.5 * label.Unit && CellPlane.OnSameRow(label, c)
            && FormAssembler.Number(c.Compact, out _) is not null).OrderBy(c => c.Box.Left).ToList();
        if (headers.Count > 0)
        {
            var columns = Columns(headers[0].Cells, Labels.IndicatorColumn);
            decimal? In(Column column) => columns.TryGetValue(column, out var r)
                ? numbers.Where(c => c.Box.CenterX >= r.Left && c.Box.CenterX < r.Right).Select(c => FormAssembler.Number(c.Compact, out _)).FirstOrDefault()
                : null;
            var w = In(Column.Weight);
            var s = In(Column.Score);
            if (numbers.Count == 2 && numbers.All(c => c.Unit == 1 && !c.Whole) && columns.TryGetValue(Column.Weight, out var wr) && columns.TryGetValue(Column.Score, out var sr))
            {
                // -layout text prints the 总分 line as wide as its own characters need, so its two sums can stand
                // under other headers than their own (gen0-001-calc: 100.00 under 实际完成值, 97.00 under 分数), but
                // never out of order: the two numbers are 分值 and 得分 in the headers' order.
                var (first, second) = (FormAssembler.Number(numbers[0].Compact, out _), FormAssembler.Number(numbers[1].Compact, out _));
                var byOrder = wr.Left < sr.Left ? (first, second) : (second, first);
                if (byOrder != (w, s))
                {
                    diagnostics.Info(label.Line, DiagnosticCodes.CellMoved,
                        $"{label.Place}：总分行的“{numbers[0].Text}”“{numbers[1].Text}”按表头顺序读作分值与得分。");
                }

                return byOrder;
            }

            if (w is not null || s is not null)
            {
                return (w, s);
            }
        }

        return numbers.Count switch
        {
            0 => (null, null),
            1 => (null, FormAssembler.Number(numbers[0].Compact, out _)),
            _ => (FormAssembler.Number(numbers[0].Compact, out _), FormAssembler.Number(numbers[1].Compact, out _)),
        };
    }
}
