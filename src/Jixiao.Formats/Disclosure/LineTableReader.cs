using Jixiao.Domain.Model;
using Jixiao.Domain.Values;

namespace Jixiao.Formats.Disclosure;

/// <summary>
/// Reads an indicator table printed one cell (or one baseline of cells) per line, as pdftotext prints the
/// seeds 000, 002, 003 and 004: cells that wrap come out as several lines, cells that fit share a line.
/// For a self-evaluation a row ends with its 分值 and 得分; the 偏差原因分析 follows that line.
/// </summary>
internal sealed class LineTableReader(FormKind kind, DiagnosticBag diagnostics, double nameColumnWidth, string goal)
{
    private readonly List<Indicator> _rows = [];
    private readonly LabelTracker _labels = new(diagnostics);

    // A target-form row whose name wrapped and whose value has not come yet.
    private readonly List<(string Text, int Line)> _pendingName = [];

    // Self-evaluation: lines of the row being read, and lines after the last row that may be its 偏差原因分析.
    private readonly List<Fragment> _fragments = [];
    private readonly List<Fragment> _afterRow = [];

    /// <summary>A line's content tokens (labels taken off).</summary>
    private sealed record Fragment(int Number, string Text, string[] Tokens, bool BlankBefore = false);

    // Seed 003's layout puts a blank line after nearly every line; there a wrapped name continues only
    // after a blank line, while the target's first line follows the name directly.
    private bool _denseBlanks;

    public TableResult Read(ReadOnlySpan<SourceLine> lines)
    {
        int filled = 0, blankAfter = 0;
        for (var k = 0; k < lines.Length; k++)
        {
            if (!lines[k].IsBlank)
            {
                filled++;
                blankAfter += k + 1 < lines.Length && lines[k + 1].IsBlank ? 1 : 0;
            }
        }

        _denseBlanks = filled > 0 && blankAfter * 10 > filled * 7;
        decimal? totalWeight = null, totalScore = null;
        string? grade = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (TableTotals.Skip(line, diagnostics))
            {
                continue;
            }

            if (kind == FormKind.Target && IsRepeatedGoal(lines, ref i))
            {
                continue;
            }

            if (_fragments.Count == 0 && _pendingName.Count == 0 && TableTotals.TryRead(line, ref totalWeight, ref totalScore, ref grade))
            {
                CloseDeviation(all: true);
                continue;
            }

            var tokens = line.Tokens;
            var midRow = _fragments.Count > 0 || _pendingName.Count > 0 || _afterRow.Count > 0;
            var first = _labels.Consume(tokens, line.Number, _rows.Count > 0, wholeLineOnly: midRow);
            if (first >= tokens.Length)
            {
                if (_labels.HasPendingLabels)
                {
                    CloseDeviation(all: true);
                }

                continue;
            }

            var content = first == 0 ? tokens : tokens[first..];
            if (kind == FormKind.Target)
            {
                ReadTargetLine(content, line.Number);
            }
            else
            {
                ReadSelfEvaluationLine(new Fragment(line.Number, JoinTokens(line, content), content, i > 0 && lines[i - 1].IsBlank));
            }
        }

        if (_pendingName.Count > 0)
        {
            EmitTarget(_pendingName[0].Line, JoinPending(), "");
        }

        if (_fragments.Count > 0)
        {
            diagnostics.Warn(_fragments[0].Number, DiagnosticCodes.UnreadRow, $"指标行“{TabTableReader.Shorten(_fragments[0].Text)}”没有分值/得分，表可能被截断，未读取。");
        }

        CloseDeviation(all: true);
        _labels.Finish(lines.Length > 0 ? lines[^1].Number : 0);
        return new TableResult(_rows, totalWeight, totalScore, grade);
    }

    /// <summary>The content tokens joined by single spaces: the line's own text when that is what it is.</summary>
    private static string JoinTokens(SourceLine line, string[] content)
    {
        if (content.Length == line.Tokens.Length)
        {
            // Tokens keep their order and are separated by at least one space, so equal length means
            // every gap is one space.
            var length = content.Length - 1;
            foreach (var t in content)
            {
                length += t.Length;
            }

            if (length == line.Span.Length)
            {
                return line.Text;
            }
        }

        return string.Join(" ", content);
    }

    /// <summary>
    /// The 项目/绩效/目标 block reprinted in the middle of an indicator list after a page break (seed 004):
    /// the goal text comes again and must not become rows.
    /// </summary>
    private bool IsRepeatedGoal(ReadOnlySpan<SourceLine> lines, ref int i)
    {
        if (!TextTools.CompactEquals(lines[i].Span, "项目"))
        {
            return false;
        }

        var j = i + 1;
        var words = new List<string>();
        while (j < lines.Length && words.Count < 2)
        {
            if (!lines[j].IsBlank)
            {
                words.Add(lines[j].Compact);
            }

            j++;
        }

        if (words.Count < 2 || words[0] != "绩效" || words[1] != "目标")
        {
            return false;
        }

        var target = TextTools.RemoveWhitespace(goal);
        var seen = "";
        var end = j - 1;
        for (var k = j; k < lines.Length; k++)
        {
            if (lines[k].IsBlank)
            {
                continue;
            }

            var next = seen + lines[k].Compact;
            if (target.Length == 0 || !target.StartsWith(next, StringComparison.Ordinal))
            {
                break;
            }

            seen = next;
            end = k;
        }

        diagnostics.Warn(lines[i].Number, DiagnosticCodes.RepeatedGoal, $"分页处重印的年度总体目标（第{lines[i].Number}–{lines[end].Number}行）已跳过。");
        i = end;
        return true;
    }

    // ---- target declarations ------------------------------------------------------------------------

    private void ReadTargetLine(string[] content, int line)
    {
        var targetAt = -1;
        for (var k = 1; k < content.Length; k++)
        {
            if (StartsWithOperator(content[k]))
            {
                targetAt = k;
                break;
            }
        }

        if (content.Length == 1)
        {
            if (_pendingName.Count > 0 && StartsWithOperator(content[0]))
            {
                diagnostics.Info(_pendingName[0].Line, DiagnosticCodes.WrappedCell, $"指标名称折行（第{_pendingName[0].Line}–{line}行），已合并。");
                EmitTarget(_pendingName[0].Line, JoinPending(), content[0]);
                return;
            }

            _pendingName.Add((content[0], line));
            return;
        }

        if (targetAt < 0)
        {
            targetAt = content.Length - 1;
        }

        var name = string.Join(" ", content, 0, targetAt);
        var startLine = line;
        if (_pendingName.Count > 0)
        {
            diagnostics.Info(_pendingName[0].Line, DiagnosticCodes.WrappedCell, $"指标名称折行（第{_pendingName[0].Line}–{line}行），已合并。");
            startLine = _pendingName[0].Line;
            name = JoinPending() + name;
        }

        EmitTarget(startLine, name, string.Concat(content.AsSpan(targetAt)));
    }

    private string JoinPending()
    {
        var name = string.Concat(_pendingName.Select(p => p.Text));
        _pendingName.Clear();
        return name;
    }

    private void EmitTarget(int line, string name, string target)
    {
        _labels.StartRow(line);
        var cleaned = ValueGrammar.Clean(target);
        if (cleaned.Length == 0)
        {
            diagnostics.Warn(line, DiagnosticCodes.TargetMissing, $"指标“{name}”没有指标值。");
        }

        _rows.Add(new Indicator(_labels.Level1, _labels.Level2, TextTools.StripMarkup(name).Trim(), cleaned, ValueGrammar.Parse(cleaned), Line: line));
    }

    // ---- self-evaluations ---------------------------------------------------------------------------

    private void ReadSelfEvaluationLine(Fragment line)
    {
        var content = line.Tokens;
        var end = RowEnd(content);
        if (end < 0)
        {
            (_fragments.Count == 0 && LastRowOpen ? _afterRow : _fragments).Add(line);
            return;
        }

        // A row ends here: what followed the previous row up to its last sentence is that row's
        // 偏差原因分析; the lines after that begin this row.
        var carried = CloseDeviation(all: false);
        var pieces = _pieces;
        pieces.Clear();
        for (var k = 0; k < carried.Count; k++)
        {
            var fragment = carried[k];
            AddPieces(pieces, fragment.Tokens, fragment.Number, onEndLine: false, fragment.BlankBefore);
        }

        foreach (var fragment in _fragments)
        {
            AddPieces(pieces, fragment.Tokens, fragment.Number, onEndLine: false, fragment.BlankBefore);
        }

        AddPieces(pieces, content.AsSpan(0, end), line.Number, onEndLine: true);
        var startLine = carried.Count > 0 ? carried[0].Number : _fragments.Count > 0 ? _fragments[0].Number : line.Number;
        _fragments.Clear();
        var weight = DisclosureReader.ParseNumber(content[end]);
        var score = DisclosureReader.ParseNumber(content[end + 1]);
        var inlineDeviation = end + 2 < content.Length ? string.Concat(content.AsSpan(end + 2)) : null;
        BuildSelfEvaluationRow(pieces, startLine, line.Number, weight, score, inlineDeviation);
    }

    private bool LastRowOpen { get; set; }

    /// <summary>Index of the 分值 token when the line ends a row with 分值 and 得分 (optionally followed by text), else -1.</summary>
    private static int RowEnd(string[] tokens)
    {
        for (var k = tokens.Length - 2; k >= 0; k--)
        {
            if (IsScoreNumber(tokens[k]) && IsScoreNumber(tokens[k + 1]))
            {
                // Anything after the two numbers must be text (an inline 偏差原因分析), not more numbers.
                for (var m = k + 2; m < tokens.Length; m++)
                {
                    if (DisclosureReader.IsNumberToken(tokens[m]))
                    {
                        return -1;
                    }
                }

                return k;
            }
        }

        return -1;
    }

    private static bool IsScoreNumber(string token) => DisclosureReader.IsNumberToken(token) && !token.Contains(',');

    /// <summary>
    /// Ends the previous row's 偏差原因分析. With <paramref name="all"/> every line after the row is
    /// deviation; otherwise only those up to the last one that ends a sentence, and the lines after it are
    /// returned: they begin the next row.
    /// </summary>
    private IReadOnlyList<Fragment> CloseDeviation(bool all)
    {
        LastRowOpen = false;
        if (_afterRow.Count == 0)
        {
            return [];
        }

        var cut = _afterRow.Count;
        if (!all)
        {
            cut = _afterRow.FindLastIndex(l => TextTools.EndsSentence(l.Text)) + 1;
        }

        var deviation = _afterRow.GetRange(0, cut);
        var rest = _afterRow.GetRange(cut, _afterRow.Count - cut);
        _afterRow.Clear();
        if (deviation.Count > 0)
        {
            var last = _rows[^1];
            var text = string.Concat(deviation.Select(l => l.Text.Trim()));
            _rows[^1] = last with { Deviation = (last.Deviation ?? "") + text };
            if (deviation.Count > 1)
            {
                diagnostics.Info(deviation[0].Number, DiagnosticCodes.WrappedCell, $"偏差原因分析折行（第{deviation[0].Number}–{deviation[^1].Number}行），已合并。");
            }
        }

        return rest;
    }

    // The pieces of the row being built, reused from row to row.
    private readonly List<Piece> _pieces = [];

    private readonly record struct Piece(string Text, int Line, bool OnEndLine, bool BlankBefore = false);

    private static void AddPieces(List<Piece> pieces, ReadOnlySpan<string> tokens, int line, bool onEndLine, bool blankBefore = false)
    {
        foreach (var t in tokens)
        {
            pieces.Add(new Piece(t, line, onEndLine, blankBefore));
        }
    }

    private void BuildSelfEvaluationRow(List<Piece> pieces, int startLine, int endLine, decimal? weight, decimal? score, string? inlineDeviation)
    {
        // 实际完成值: from the last piece that can start it (a number, 达成…, 部分达成…, 未达成…) to the end.
        var actualAt = -1;
        for (var k = pieces.Count - 1; k >= 0; k--)
        {
            if (StartsActual(pieces[k].Text))
            {
                actualAt = k;
                break;
            }

            if (StartsWithOperator(pieces[k].Text))
            {
                break;
            }
        }

        string? actual = null;
        if (actualAt >= 0)
        {
            actual = ConcatTexts(pieces, actualAt, pieces.Count);
            pieces.RemoveRange(actualAt, pieces.Count - actualAt);
        }

        // 年度指标值: a quantity starts with its operator; a text value is told from the name by the layout.
        string name;
        string target;
        var targetAt = -1;
        for (var k = 1; k < pieces.Count; k++)
        {
            if (StartsWithOperator(pieces[k].Text))
            {
                targetAt = k;
                break;
            }
        }

        if (targetAt > 0)
        {
            name = JoinName(pieces, 0, targetAt);
            target = ConcatTexts(pieces, targetAt, pieces.Count);
        }
        else
        {
            (name, target) = SplitTextTarget(pieces);
        }

        if (SpansLines(pieces) || actualAt >= 0 && actual is not null && endLine != startLine)
        {
            diagnostics.Info(startLine, DiagnosticCodes.WrappedCell, $"指标“{name}”的单元格折行（第{startLine}–{endLine}行），已合并。");
        }

        if (name.Length == 0)
        {
            diagnostics.Warn(startLine, DiagnosticCodes.UnreadRow, $"第{startLine}行的指标行没有三级指标名称。");
        }

        if (target.Length == 0)
        {
            diagnostics.Warn(startLine, DiagnosticCodes.TargetMissing, $"指标“{name}”没有指标值。");
        }

        _labels.StartRow(startLine);
        var cleanedTarget = ValueGrammar.Clean(target);
        var cleanedActual = actual is null ? null : ValueGrammar.Clean(actual);
        _rows.Add(new Indicator(_labels.Level1, _labels.Level2, TextTools.StripMarkup(name).Trim(), cleanedTarget, ValueGrammar.Parse(cleanedTarget),
            cleanedActual, cleanedActual is null ? null : ValueGrammar.Parse(cleanedActual), weight, score, inlineDeviation, startLine));
        LastRowOpen = true;
    }

    /// <summary>
    /// Splits name and text target. Pieces on the row's last line (with the actual) are the target's end;
    /// otherwise the name is the first line plus every following line while the line before was full
    /// (the name column wrapped).
    /// </summary>
    private (string Name, string Target) SplitTextTarget(List<Piece> pieces)
    {
        if (pieces.Count == 0)
        {
            return ("", "");
        }

        var onEnd = pieces.Count(p => p.OnEndLine);
        if (onEnd > 0)
        {
            if (onEnd == pieces.Count && onEnd == 1)
            {
                return (pieces[0].Text, "");
            }

            return (JoinName(pieces.Take(pieces.Count - 1)), pieces[^1].Text);
        }

        var lines = pieces.GroupBy(p => p.Line).Select(g => g.ToList()).ToList();
        if (lines.Count == 1)
        {
            var only = lines[0];
            return only.Count == 1 ? (only[0].Text, "") : (JoinName(only.Take(only.Count - 1)), only[^1].Text);
        }

        if (lines[0].Count > 1)
        {
            // "名称 目标开头" then the target's further lines.
            return (JoinName(lines[0].Take(lines[0].Count - 1)), lines[0][^1].Text + string.Concat(lines.Skip(1).SelectMany(l => l).Select(p => p.Text)));
        }

        var nameLines = 1;
        while (nameLines < lines.Count - 1 && TextTools.Width(lines[nameLines - 1][0].Text) >= nameColumnWidth - 0.25
               && (!_denseBlanks || lines[nameLines][0].BlankBefore))
        {
            nameLines++;
        }

        return (JoinName(lines.Take(nameLines).SelectMany(l => l)), string.Concat(lines.Skip(nameLines).SelectMany(l => l).Select(p => p.Text)));
    }

    private static bool SpansLines(List<Piece> pieces)
    {
        foreach (var p in pieces)
        {
            if (p.Line != pieces[0].Line)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The texts of pieces [<paramref name="from"/>, <paramref name="to"/>) run together.</summary>
    private static string ConcatTexts(List<Piece> pieces, int from, int to)
    {
        if (to - from == 1)
        {
            return pieces[from].Text;
        }

        var length = 0;
        for (var k = from; k < to; k++)
        {
            length += pieces[k].Text.Length;
        }

        return string.Create(length, (pieces, from, to), static (span, state) =>
        {
            for (var k = state.from; k < state.to; k++)
            {
                var text = state.pieces[k].Text;
                text.CopyTo(span);
                span = span[text.Length..];
            }
        });
    }

    /// <summary>Pieces of one line are joined with a space (as printed); pieces of wrapped lines with none.</summary>
    private static string JoinName(List<Piece> pieces, int from, int to)
    {
        if (to - from == 1)
        {
            return pieces[from].Text;
        }

        var length = 0;
        for (var k = from; k < to; k++)
        {
            length += (length > 0 && pieces[k].Line == pieces[k - 1].Line ? 1 : 0) + pieces[k].Text.Length;
        }

        return string.Create(length, (pieces, from, to), static (span, state) =>
        {
            var written = 0;
            for (var k = state.from; k < state.to; k++)
            {
                if (written > 0 && state.pieces[k].Line == state.pieces[k - 1].Line)
                {
                    span[written++] = ' ';
                }

                var text = state.pieces[k].Text;
                text.CopyTo(span[written..]);
                written += text.Length;
            }
        });
    }

    /// <summary>Pieces of one line are joined with a space (as printed); pieces of wrapped lines with none.</summary>
    private static string JoinName(IEnumerable<Piece> pieces)
    {
        var sb = new System.Text.StringBuilder();
        var previousLine = -1;
        foreach (var p in pieces)
        {
            if (sb.Length > 0 && p.Line == previousLine)
            {
                sb.Append(' ');
            }

            sb.Append(p.Text);
            previousLine = p.Line;
        }

        return sb.ToString();
    }

    internal static bool StartsWithOperator(string text) => ComparisonOperators.StartsWithOperator(text);

    private static bool StartsActual(string text) =>
        text.Length > 0 && (char.IsAsciiDigit(text[0]) || text.StartsWith("达成", StringComparison.Ordinal) || text.StartsWith("部分达成", StringComparison.Ordinal)
            || text.StartsWith("未达成", StringComparison.Ordinal));
}
