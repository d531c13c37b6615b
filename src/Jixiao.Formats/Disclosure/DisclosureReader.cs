using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Domain.Model;
using Jixiao.Domain.Values;

namespace Jixiao.Formats.Disclosure;

/// <summary>
/// Reads the text of published performance forms (as extracted from the PDFs, in any of the three layouts
/// seen in the wild) into <see cref="PerformanceForm"/>s. Total: never throws on bad input, never loops on
/// it; every repair and inference is a <see cref="Diagnostic"/> with its source line.
/// </summary>
public static partial class DisclosureReader
{
    private const string TargetTitle = FormKinds.TargetTitle;
    private const string SelfEvaluationTitle = FormKinds.SelfEvaluationTitle;

    /// <summary>Reads one disclosure file's text held in memory.</summary>
    public static DisclosureDocument Read(string text, string source)
    {
        text ??= "";
        return Collect(ReadForms(() => new StringReader(text), source), source);
    }

    /// <summary>Reads a disclosure file from disk, streaming: memory does not grow with the file.</summary>
    public static IEnumerable<FormReadResult> ReadFile(string path) =>
        ReadForms(() => new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16), Path.GetFileName(path));

    /// <summary>Collects streamed results into a document.</summary>
    public static DisclosureDocument Collect(IEnumerable<FormReadResult> results, string source)
    {
        var forms = new List<PerformanceForm>();
        var diagnostics = new List<Diagnostic>();
        foreach (var r in results)
        {
            if (r.Form is not null)
            {
                forms.Add(r.Form);
            }

            diagnostics.AddRange(r.Diagnostics);
        }

        diagnostics.Sort((a, b) => a.Line.CompareTo(b.Line));
        return new DisclosureDocument(source, forms, diagnostics);
    }

    /// <summary>
    /// Reads forms one by one. <paramref name="open"/> is called twice: a first pass surveys the source
    /// (is it text, which layout, how wide the name column is), the second reads the forms.
    /// </summary>
    public static IEnumerable<FormReadResult> ReadForms(Func<TextReader> open, string source)
    {
        Survey survey;
        using (var reader = open())
        {
            survey = Survey.Of(reader);
        }

        if (survey.Binary)
        {
            yield return Failure(1, DiagnosticCodes.Binary, "输入不是文本（含大量控制字符或无效字节），无法读取。");
            yield break;
        }

        var context = new StreamContext();
        using var text = open();
        using var lines = new LineSource(text, survey.LayoutColumns);
        using var arena = new LineArena();
        string? group = null;
        // One list holds the lines of the form being read, reused from form to form; once a form is read
        // its line objects are filled again with the next lines (nothing read from them keeps them). Their
        // characters lie in one arena, cleared when no line in it is needed: outside a form before each
        // line, and once a form is read (the title line that ended it is given a string of its own first).
        var block = new List<SourceLine>();
        var spare = new Stack<SourceLine>();
        var inBlock = false;
        var kind = FormKind.Target;
        while (true)
        {
            if (!inBlock)
            {
                arena.Clear();
            }

            if (lines.Next(spare.TryPop(out var free) ? free : null, arena) is not { } line)
            {
                break;
            }

            var maybe = line.Span.Contains('表');
            var compact = maybe ? line.Compact : "";
            var titleKind = maybe ? FormKinds.FromTitle(compact) : null;
            var isTitle = titleKind is not null;
            var isGroup = maybe && !isTitle && compact.Length < 120 && compact.Contains("汇总表", StringComparison.Ordinal);
            if (!isTitle && !isGroup)
            {
                if (inBlock)
                {
                    block.Add(line);
                }
                else
                {
                    spare.Push(line);
                }

                continue;
            }

            if (inBlock)
            {
                foreach (var r in context.Complete(ReadBlock(new FormBlock(kind, group, block), survey.NameColumnWidth)))
                {
                    yield return r;
                }

                foreach (var done in block)
                {
                    spare.Push(done);
                }

                block.Clear();
                inBlock = false;
                line.Detach();
                arena.Clear();
            }

            if (isGroup)
            {
                group = compact;
                spare.Push(line);
                continue;
            }

            kind = titleKind!.Value;
            block.Add(line);
            inBlock = true;
        }

        if (inBlock)
        {
            foreach (var r in context.Complete(ReadBlock(new FormBlock(kind, group, block), survey.NameColumnWidth)))
            {
                yield return r;
            }
        }

        foreach (var r in context.Flush())
        {
            yield return r;
        }

        if (!context.SawForm)
        {
            yield return Failure(1, DiagnosticCodes.NotADisclosure, "未找到“财政项目支出绩效目标申报表”或“财政项目支出绩效自评表”，不是绩效公开文件。");
        }

        if (lines.Overlong.Count > 0)
        {
            var bag = new DiagnosticBag();
            foreach (var n in lines.Overlong)
            {
                bag.Warn(n, DiagnosticCodes.LineTooLong, $"第{n}行超过{SourceLine.MaxLength}个字符，已忽略。");
            }

            yield return new FormReadResult(null, bag.Items);
        }
    }

    private static FormReadResult Failure(int line, string code, string message)
    {
        var bag = new DiagnosticBag();
        bag.Error(line, code, message);
        return new FormReadResult(null, bag.Items);
    }

    private static FormReadResult ReadBlock(FormBlock block, double nameColumnWidth)
    {
        var diagnostics = new DiagnosticBag();
        try
        {
            return new FormReadResult(new FormReader(block, diagnostics, nameColumnWidth).Read(), diagnostics.Items);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug of ours must not lose the rest of the file: report it, skip this form, go on.
            diagnostics.Error(block.Lines[0].Number, DiagnosticCodes.UnreadRow, $"内部错误，此表未读取：{ex.GetType().Name}: {ex.Message}");
            return new FormReadResult(null, diagnostics.Items);
        }
    }

    /// <summary>A form's lines and the context it stands in.</summary>
    internal sealed record FormBlock(FormKind Kind, string? Group, List<SourceLine> Lines);

    /// <summary>
    /// What the first pass learns about a source: whether it is text at all, whether columns are spaced
    /// (pdftotext -layout), how many form titles it has, and the width (in CJK cells) at which the 三级指标
    /// column of self-evaluations wraps — the widest single-cell line that occurs at least twice. A file is
    /// one publisher's print, so its first <see cref="SurveyLength"/> characters tell its layout; the
    /// survey of a large file costs no more than that.
    /// </summary>
    private sealed record Survey(bool Binary, bool LayoutColumns, int Titles, double NameColumnWidth)
    {
        private const long SurveyLength = 2_000_000;

        public static Survey Of(TextReader reader)
        {
            using var lines = new LineSource(reader, layoutColumns: false);
            int count = 0, wide = 0, titles = 0;
            long read = 0;
            var inTable = false;
            var selfEvaluation = false;
            var widths = new Dictionary<double, int>();
            while (read < SurveyLength && lines.Read(out var raw))
            {
                // Lines are looked at in place; a string is built only for the few that need their compact form.
                read += raw.Length + 1;
                var text = raw.Trim();
                if (text.IsEmpty)
                {
                    continue;
                }

                count++;
                if (text.Contains("   ", StringComparison.Ordinal))
                {
                    wide++;
                }

                var maybeTitle = text.Contains('财') && text.Contains('表');
                var compact = maybeTitle || text.Contains('级') ? TextTools.RemoveWhitespace(text.ToString()).AsSpan() : text;
                if (maybeTitle && (compact.Contains(TargetTitle, StringComparison.Ordinal) || compact.Contains(SelfEvaluationTitle, StringComparison.Ordinal)))
                {
                    titles++;
                    selfEvaluation = compact.Contains(SelfEvaluationTitle, StringComparison.Ordinal);
                    inTable = false;
                    continue;
                }

                if (!selfEvaluation)
                {
                    continue;
                }

                if (compact.Contains("三级指标", StringComparison.Ordinal))
                {
                    inTable = true;
                    continue;
                }

                if (inTable && !text.Contains(' ') && !IndicatorLevels.IsLabelPrefix(compact))
                {
                    var w = Math.Round(TextTools.Width(text) * 2) / 2;
                    widths[w] = widths.GetValueOrDefault(w) + 1;
                }
            }

            var candidates = widths.Where(kv => kv.Value >= 2 && kv.Key >= 8).Select(kv => kv.Key).ToList();
            return new Survey(
                Binary: lines.SampledCharacters > 0 && lines.SuspectCharacters > lines.SampledCharacters / 10,
                LayoutColumns: count > 0 && wide * 4 > count,
                Titles: titles,
                NameColumnWidth: candidates.Count == 0 ? 14 : candidates.Max());
        }
    }

    /// <summary>
    /// Cross-form repairs done while streaming: a form without a year takes its neighbours' (held back
    /// until one is known), and a form printed twice in a row is noted. Keeps a small window only.
    /// </summary>
    private sealed class StreamContext
    {
        private const int Window = 32;
        private readonly List<FormReadResult> _waiting = [];
        private readonly Queue<PerformanceForm> _recent = new();
        private int? _lastYear;

        public bool SawForm { get; private set; }

        public IEnumerable<FormReadResult> Complete(FormReadResult result)
        {
            SawForm = true;
            if (result.Form is { } form)
            {
                result = NoteDuplicate(result, form);
                if (result.Form!.Year is null && _lastYear is null)
                {
                    _waiting.Add(result);
                    return [];
                }

                if (result.Form.Year is { } year)
                {
                    _lastYear = year;
                }
                else
                {
                    result = WithYear(result, _lastYear!.Value);
                }
            }

            if (_waiting.Count == 0)
            {
                return [result];
            }

            var released = _waiting.Select(w => WithYear(w, _lastYear ?? 0)).Append(result).ToList();
            _waiting.Clear();
            return released;
        }

        public IEnumerable<FormReadResult> Flush()
        {
            var rest = _waiting.ToList();
            _waiting.Clear();
            return rest;
        }

        private static FormReadResult WithYear(FormReadResult r, int year)
        {
            var bag = new DiagnosticBag();
            bag.Warn(r.Form!.Line, DiagnosticCodes.YearInferred, $"表“{r.Form.Name}”未印年度，按相邻表推定为{year}年度。");
            return new FormReadResult(r.Form with { Year = year }, [.. r.Diagnostics, .. bag.Items]);
        }

        private FormReadResult NoteDuplicate(FormReadResult r, PerformanceForm b)
        {
            var twin = _recent.FirstOrDefault(a => a.Kind == b.Kind && a.Unit == b.Unit && a.Name == b.Name && a.Funds == b.Funds
                && a.Indicators.Count == b.Indicators.Count
                && a.Indicators.Zip(b.Indicators).All(p => p.First.Name == p.Second.Name && p.First.Target == p.Second.Target));
            _recent.Enqueue(b);
            if (_recent.Count > Window)
            {
                _recent.Dequeue();
            }

            if (twin is null)
            {
                return r;
            }

            var bag = new DiagnosticBag();
            bag.Warn(b.Line, DiagnosticCodes.DuplicateForm, $"表“{b.Name}”与第{twin.Line}行的表内容相同（重复印出），两表均保留。");
            return new FormReadResult(b, [.. r.Diagnostics, .. bag.Items]);
        }
    }

    internal static readonly Regex YearPattern = YearRegex();
    internal static readonly Regex DatePattern = DateRegex();

    [GeneratedRegex(@"[（(]\s*(\d{4})\s*年度\s*[)）]")]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"(\d{4})-(\d{1,2})-(\d{1,2})")]
    private static partial Regex DateRegex();

    /// <summary>A plain number cell: <c>83.00</c>, <c>6,765.00</c>, <c>-1</c> (what <c>^-?\d[\d,]*(\.\d+)?$</c> matches).</summary>
    internal static bool IsNumberToken(ReadOnlySpan<char> t)
    {
        var i = 0;
        if (i < t.Length && t[i] == '-')
        {
            i++;
        }

        if (i >= t.Length || !char.IsAsciiDigit(t[i]))
        {
            return false;
        }

        while (i < t.Length && (char.IsAsciiDigit(t[i]) || t[i] == ','))
        {
            i++;
        }

        if (i == t.Length)
        {
            return true;
        }

        if (t[i] != '.' || i + 1 == t.Length)
        {
            return false;
        }

        for (i++; i < t.Length; i++)
        {
            if (!char.IsAsciiDigit(t[i]))
            {
                return false;
            }
        }

        return true;
    }

    internal static decimal? ParseNumber(string token) => ParseNumber(token.AsSpan());

    /// <summary>A number with its thousands separators (<c>,</c> and <c>，</c>) dropped, or null.</summary>
    internal static decimal? ParseNumber(ReadOnlySpan<char> token)
    {
        char[]? rented = null;
        var buffer = token.Length <= 128 ? stackalloc char[128] : (rented = ArrayPool<char>.Shared.Rent(token.Length));
        var n = 0;
        foreach (var c in token)
        {
            if (c is not (',' or '，'))
            {
                buffer[n++] = c;
            }
        }

        var ok = decimal.TryParse(buffer[..n], NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return ok ? d : null;
    }

    internal static DateOnly? ParseDate(Match m) =>
        m.Success && int.TryParse(m.Groups[1].Value, out var y) && int.TryParse(m.Groups[2].Value, out var mo) && int.TryParse(m.Groups[3].Value, out var d)
            && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(Math.Clamp(y, 1, 9999), mo) && y is >= 1 and <= 9999
            ? new DateOnly(y, mo, d)
            : null;
}
