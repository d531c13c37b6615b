using Jixiao.Domain.Model;

namespace Jixiao.Formats.Disclosure;

/// <summary>
/// Follows the merged 一级/二级 cells down the indicator table. Labels arrive whole (<c>产出指标</c>), in
/// pieces over several lines (<c>满意</c>/<c>度指</c>/<c>标</c>), glued onto the row they head, or are
/// omitted (then the 一级 is inferred from the 二级).
/// </summary>
internal sealed class LabelTracker(DiagnosticBag diagnostics)
{
    private readonly List<(string Label, int Line)> _collected = [];
    private string _pending = "";
    private int _pendingLine;
    private readonly List<string> _expected = [];
    private bool _trailer;
    private int _trailerLine;

    public string Level1 { get; private set; } = "";

    public string Level2 { get; private set; } = "";

    /// <summary>Whether labels were given explicitly for the row being started (not carried down).</summary>
    public bool LastRowHadLabels { get; private set; }

    public bool HasPendingLabels => _collected.Count > 0 || _pending.Length > 0;

    /// <summary>
    /// Takes the label tokens off the front of a line and returns the index of the first content token
    /// (tokens.Length when the whole line was labels).
    /// </summary>
    public int Consume(string[] tokens, int line, bool rowsSeen, bool wholeLineOnly = false)
    {
        if (!wholeLineOnly)
        {
            return ConsumePrefix(tokens, line, rowsSeen);
        }

        // Mid-row a line counts as labels only when all of it is labels: "满意 达成指标 11.00 11.00" is a
        // row's target and actual, not the start of 满意度指标.
        var saved = (_pending, _pendingLine, Expected: _expected.Count == 0 ? [] : _expected.ToList(), _trailer, _trailerLine, _collected.Count, diagnostics.Count);
        var consumed = ConsumePrefix(tokens, line, rowsSeen);
        if (consumed >= tokens.Length && (_pending.Length == 0 || _pending.Length >= 3 || IndicatorLevels.IsLabel(_pending)))
        {
            return consumed;
        }

        (_pending, _pendingLine, var expected, _trailer, _trailerLine, var collected, var count) = saved;
        _expected.Clear();
        _expected.AddRange(expected);
        _collected.RemoveRange(collected, _collected.Count - collected);
        diagnostics.Truncate(count);
        return 0;
    }

    private int ConsumePrefix(string[] tokens, int line, bool rowsSeen)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            var t = TextTools.RemoveWhitespace(tokens[i]);
            if (t.Length == 0)
            {
                continue;
            }

            if (_pending.Length == 0 && TakeExpectedPiece(t))
            {
                continue;
            }

            if (_pending.Length > 0 && IndicatorLevels.IsLabelPrefix(_pending + t))
            {
                _pending += t;
                continue;
            }

            if (_pending.Length > 0 && !FlushPending())
            {
                return i;
            }

            if (IndicatorLevels.IsLabelPrefix(t))
            {
                _pending = t;
                _pendingLine = line;
                continue;
            }

            if (t is "绩效" or "绩效指标")
            {
                // "绩效/指标" reprinted at a page break heads a trailer of labels with no row of their own.
                if (rowsSeen)
                {
                    _trailer = true;
                    _trailerLine = line;
                }

                continue;
            }

            if (t == "指标")
            {
                continue;
            }

            return i;
        }

        return tokens.Length;
    }

    /// <summary>
    /// The rest of a label that a row interrupted ("满意" row "度指" "标") arrives after the row; its pieces
    /// are consumed in order, for each interrupted label.
    /// </summary>
    private bool TakeExpectedPiece(string piece)
    {
        for (var k = 0; k < _expected.Count; k++)
        {
            if (_expected[k].StartsWith(piece, StringComparison.Ordinal))
            {
                _expected[k] = _expected[k][piece.Length..];
                if (_expected[k].Length == 0)
                {
                    _expected.RemoveAt(k);
                }

                return true;
            }
        }

        return false;
    }

    /// <summary>Moves a complete (or uniquely completable) pending label to the collected list.</summary>
    private bool FlushPending()
    {
        var label = _pending;
        _pending = "";
        if (!IndicatorLevels.IsLabel(label))
        {
            var completed = IndicatorLevels.CompleteUniquely(label);
            if (completed is null || label.Length < 2)
            {
                return false;
            }

            diagnostics.Warn(_pendingLine, DiagnosticCodes.LabelSplit, $"标签“{label}”被行打断，补全为“{completed}”。");
            _expected.Add(completed[label.Length..]);
            label = completed;
        }
        else
        {
            _expected.Clear();
        }

        _collected.Add((label, _pendingLine));
        return true;
    }

    /// <summary>Called when a row starts: applies the labels collected since the previous row.</summary>
    public void StartRow(int line)
    {
        if (_pending.Length > 0)
        {
            FlushPending();
        }

        LastRowHadLabels = _collected.Count > 0;
        if (_trailer)
        {
            if (_collected.Count > 0)
            {
                diagnostics.Warn(_trailerLine, DiagnosticCodes.PageBreakTrailer,
                    $"分页处重印的表头（{string.Join("/", _collected.Select(c => c.Label))}）下没有行，已忽略。");
                _collected.Clear();
                LastRowHadLabels = false;
            }

            _trailer = false;
        }

        Apply(_collected, line);
        _collected.Clear();
        if (Level1.Length == 0 && Level2.Length > 0)
        {
            Level1 = IndicatorLevels.ParentOf(Level2) ?? "";
        }
    }

    /// <summary>Applies explicitly given labels (the tab layout gives them per row).</summary>
    public void Apply(IReadOnlyList<(string Label, int Line)> labels, int line)
    {
        string? explicitLevel1 = null;
        for (var i = 0; i < labels.Count; i++)
        {
            var (label, at) = labels[i];
            var next = i + 1 < labels.Count ? labels[i + 1].Label : null;
            if (IndicatorLevels.IsLevel1(label) && (label != IndicatorLevels.Cost || next is not null && IndicatorLevels.IsCostLevel2(next)))
            {
                var canonical = IndicatorLevels.CanonicalLevel1(label);
                if (canonical != label)
                {
                    diagnostics.Warn(at, DiagnosticCodes.Misprint, $"一级指标“{label}”为误印，按“{canonical}”读取。");
                }

                Level1 = canonical;
                Level2 = "";
                explicitLevel1 = canonical;
                continue;
            }

            // A 二级 label (成本指标 without a cost 二级 after it is the 2023 二级 under 产出指标).
            Level2 = IndicatorLevels.CanonicalLevel2(label);
            var parent = IndicatorLevels.ParentOf(Level2) ?? Level1;
            if (explicitLevel1 is null && Level1 != parent && !(Level2 == IndicatorLevels.Cost && Level1 == IndicatorLevels.Output))
            {
                diagnostics.Info(at, DiagnosticCodes.Level1Inferred,
                    Level1.Length == 0 ? $"未印一级指标，按二级“{Level2}”推定为“{parent}”。" : $"二级“{Level2}”不属“{Level1}”，一级改按“{parent}”。");
                Level1 = parent;
            }
        }

        if (labels.Count == 0 && Level1.Length == 0 && Level2.Length == 0)
        {
            diagnostics.Warn(line, DiagnosticCodes.MissingField, "指标行前没有一级/二级指标。");
        }
    }

    /// <summary>Labels left over at the end of the table: a page-break trailer.</summary>
    public void Finish(int lastLine)
    {
        if (_pending.Length > 0)
        {
            _collected.Add((_pending, _pendingLine));
            _pending = "";
        }

        if (_collected.Count > 0)
        {
            diagnostics.Warn(_trailer ? _trailerLine : _collected[0].Line, DiagnosticCodes.PageBreakTrailer,
                $"表末分页处重印的表头（{string.Join("/", _collected.Select(c => c.Label))}）下没有行，已忽略。");
            _collected.Clear();
        }

        _ = lastLine;
    }
}
