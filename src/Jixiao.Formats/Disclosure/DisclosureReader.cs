using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Domain.Model;

namespace Jixiao.Formats.Disclosure;

/// <summary>
/// Reads the text of published performance forms (as extracted from the PDFs, in any of the three layouts
/// seen in the wild) into <see cref="PerformanceForm"/>s. Total: never throws on bad input, never loops on
/// it; every repair and inference is a <see cref="Diagnostic"/> with its source line.
/// </summary>
public static partial class DisclosureReader
{
    private const string TargetTitle = "财政项目支出绩效目标申报表";
    private const string SelfEvaluationTitle = "财政项目支出绩效自评表";

    /// <summary>Reads one disclosure file's text.</summary>
    public static DisclosureDocument Read(string text, string source)
    {
        var diagnostics = new DiagnosticBag();
        var forms = new List<PerformanceForm>();
        try
        {
            ReadInto(text ?? "", diagnostics, forms);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug of ours must not lose the user's file: report it as a diagnostic, keep what was read.
            diagnostics.Error(0, DiagnosticCodes.UnreadRow, $"内部错误，读取中止：{ex.GetType().Name}: {ex.Message}");
        }

        return new DisclosureDocument(source, forms, diagnostics.Items.OrderBy(d => d.Line).ToList());
    }

    private static void ReadInto(string text, DiagnosticBag diagnostics, List<PerformanceForm> forms)
    {
        if (LooksBinary(text))
        {
            diagnostics.Error(1, DiagnosticCodes.Binary, "输入不是文本（含大量控制字符或无效字节），无法读取。");
            return;
        }

        var lines = SourceLine.Split(text, LooksLikeLayoutColumns(text), out var overlong);
        foreach (var n in overlong)
        {
            diagnostics.Warn(n, DiagnosticCodes.LineTooLong, $"第{n}行超过{SourceLine.MaxLength}个字符，已忽略。");
        }

        var blocks = Segment(lines);
        if (blocks.Count == 0)
        {
            diagnostics.Error(1, DiagnosticCodes.NotADisclosure, "未找到“财政项目支出绩效目标申报表”或“财政项目支出绩效自评表”，不是绩效公开文件。");
            return;
        }

        var widths = NameColumnWidth(lines, blocks);
        foreach (var block in blocks)
        {
            var form = new FormReader(block, diagnostics, widths).Read();
            if (form is not null)
            {
                forms.Add(form);
            }
        }

        InferMissingYears(forms, diagnostics);
        NoteDuplicateForms(forms, diagnostics);
    }

    private static bool LooksBinary(string text)
    {
        var sample = text.Length > 8192 ? text[..8192] : text;
        if (sample.Length == 0)
        {
            return false;
        }

        var bad = 0;
        foreach (var c in sample)
        {
            if (c == '\0' || c == '\uFFFD' || c < 0x20 && c is not ('\n' or '\r' or '\t'))
            {
                bad++;
            }
        }

        return bad > sample.Length / 10;
    }

    /// <summary>pdftotext -layout separates columns by runs of spaces; the seeds use tabs or one cell a line.</summary>
    private static bool LooksLikeLayoutColumns(string text)
    {
        var sample = text.Length > 200_000 ? text[..200_000] : text;
        int lines = 0, wide = 0;
        foreach (var line in sample.Split('\n'))
        {
            var t = line.Trim();
            if (t.Length == 0)
            {
                continue;
            }

            lines++;
            if (t.Contains("   ", StringComparison.Ordinal))
            {
                wide++;
            }
        }

        return lines > 0 && wide * 4 > lines;
    }

    /// <summary>A form's lines and the context it stands in.</summary>
    internal sealed record FormBlock(FormKind Kind, string? Group, List<SourceLine> Lines);

    private static List<FormBlock> Segment(List<SourceLine> lines)
    {
        var blocks = new List<FormBlock>();
        string? group = null;
        List<SourceLine>? current = null;
        var kind = FormKind.Target;
        foreach (var line in lines)
        {
            var compact = line.Compact;
            if (compact.Contains("汇总表", StringComparison.Ordinal) && compact.Length < 120 && !compact.Contains(TargetTitle, StringComparison.Ordinal))
            {
                Close();
                group = compact;
                continue;
            }

            if (compact.Contains(TargetTitle, StringComparison.Ordinal) || compact.Contains(SelfEvaluationTitle, StringComparison.Ordinal))
            {
                Close();
                kind = compact.Contains(TargetTitle, StringComparison.Ordinal) ? FormKind.Target : FormKind.SelfEvaluation;
                current = [line];
                continue;
            }

            current?.Add(line);
        }

        Close();
        return blocks;

        void Close()
        {
            if (current is not null)
            {
                blocks.Add(new FormBlock(kind, group, current));
                current = null;
            }
        }
    }

    /// <summary>
    /// The width (in CJK cells) at which the 三级指标 column of self-evaluations wraps: the widest line that
    /// occurs at least twice among single-cell lines. A name line that full continues on the next line.
    /// </summary>
    private static double NameColumnWidth(List<SourceLine> lines, List<FormBlock> blocks)
    {
        var counts = new Dictionary<double, int>();
        foreach (var block in blocks.Where(b => b.Kind == FormKind.SelfEvaluation))
        {
            var inTable = false;
            foreach (var line in block.Lines)
            {
                if (line.Compact.Contains("三级指标", StringComparison.Ordinal))
                {
                    inTable = true;
                    continue;
                }

                if (!inTable || line.IsBlank || line.Text.Contains(' ') || IndicatorLevels.IsLabelPrefix(line.Compact))
                {
                    continue;
                }

                var w = Math.Round(TextTools.Width(line.Text) * 2) / 2;
                counts[w] = counts.GetValueOrDefault(w) + 1;
            }
        }

        var candidates = counts.Where(kv => kv.Value >= 2 && kv.Key >= 8).Select(kv => kv.Key).ToList();
        return candidates.Count == 0 ? 14 : candidates.Max();
    }

    private static void InferMissingYears(List<PerformanceForm> forms, DiagnosticBag diagnostics)
    {
        for (var i = 0; i < forms.Count; i++)
        {
            if (forms[i].Year is not null)
            {
                continue;
            }

            int? year = null;
            for (var d = 1; d < forms.Count && year is null; d++)
            {
                year = (i - d >= 0 ? forms[i - d].Year : null) ?? (i + d < forms.Count ? forms[i + d].Year : null);
            }

            if (year is not null)
            {
                forms[i] = forms[i] with { Year = year };
                diagnostics.Warn(forms[i].Line, DiagnosticCodes.YearInferred, $"表“{forms[i].Name}”未印年度，按相邻表推定为{year}年度。");
            }
        }
    }

    private static void NoteDuplicateForms(List<PerformanceForm> forms, DiagnosticBag diagnostics)
    {
        for (var i = 0; i < forms.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var a = forms[j];
                var b = forms[i];
                if (a.Kind == b.Kind && a.Unit == b.Unit && a.Name == b.Name && a.Indicators.Count == b.Indicators.Count
                    && a.Funds == b.Funds && a.Indicators.Zip(b.Indicators).All(p => p.First.Name == p.Second.Name && p.First.Target == p.Second.Target))
                {
                    diagnostics.Warn(b.Line, DiagnosticCodes.DuplicateForm, $"表“{b.Name}”与第{a.Line}行的表内容相同（重复印出），两表均保留。");
                    break;
                }
            }
        }
    }

    internal static readonly Regex YearPattern = YearRegex();
    internal static readonly Regex DatePattern = DateRegex();
    internal static readonly Regex NumberToken = NumberTokenRegex();

    [GeneratedRegex(@"[（(]\s*(\d{4})\s*年度\s*[)）]")]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"(\d{4})-(\d{1,2})-(\d{1,2})")]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"^-?\d[\d,]*(\.\d+)?$")]
    private static partial Regex NumberTokenRegex();

    internal static decimal? ParseNumber(string token)
    {
        var t = token.Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal);
        return decimal.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    internal static DateOnly? ParseDate(Match m) =>
        m.Success && int.TryParse(m.Groups[1].Value, out var y) && int.TryParse(m.Groups[2].Value, out var mo) && int.TryParse(m.Groups[3].Value, out var d)
            && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(Math.Clamp(y, 1, 9999), mo) && y is >= 1 and <= 9999
            ? new DateOnly(y, mo, d)
            : null;
}
