using System.Text.RegularExpressions;

namespace Jixiao.Formats.Disclosure;

/// <summary>
/// The 年度总体目标 cell, and for self-evaluations its two columns 预期目标 / 实际完成情况, which the
/// extraction prints one after the other with nothing but the layout to tell where one ends.
/// </summary>
internal static partial class GoalText
{
    private static readonly string[] LabelCells = ["项目绩效目标", "项目总目标", "年度总体目标", "项目", "绩效", "目标"];

    /// <summary>The text of the goal lines of a target form, wrapped pieces joined, markup and label cells removed.</summary>
    public static string Join(IEnumerable<SourceLine> lines) => string.Concat(lines.Select(Content));

    private static string Content(SourceLine line)
    {
        if (line.IsBlank || line.IsTableRule)
        {
            return "";
        }

        if (!line.HasTabs)
        {
            return IsContent(line.Text) ? TextTools.StripMarkup(line.Text).Trim() : "";
        }

        var cells = line.Cells;
        var kept = 0;
        var last = "";
        foreach (var c in cells)
        {
            if (IsContent(c))
            {
                kept++;
                last = c;
            }
        }

        var text = kept switch
        {
            0 => "",
            1 => last,
            _ => string.Concat(Filter(cells)),
        };
        return TextTools.StripMarkup(text).Trim();

        static bool IsContent(string c) => c.Length > 0 && Array.IndexOf(LabelCells, TextTools.RemoveWhitespace(c)) < 0;

        static IEnumerable<string> Filter(string[] cells)
        {
            foreach (var c in cells)
            {
                if (IsContent(c))
                {
                    yield return c;
                }
            }
        }
    }

    /// <summary>Splits the self-evaluation's goal block into 预期目标 and 实际完成情况.</summary>
    public static (string Goal, string? Outcome) SplitGoalAndOutcome(List<SourceLine> block, int? year)
    {
        var lines = new List<(string Text, bool BlankAfter)>();
        for (var i = 0; i < block.Count; i++)
        {
            var text = Content(block[i]);
            if (text.Length == 0)
            {
                continue;
            }

            var blankAfter = i + 1 < block.Count && block[i + 1].IsBlank;
            lines.Add((text, blankAfter));
        }

        if (lines.Count == 0)
        {
            return ("", null);
        }

        var yearText = year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "20";

        // Both columns on the first line: "接听及时、应答准确 2024年上海市…".
        var sameLine = SameLineSplit(lines[0].Text, yearText);
        if (sameLine is not null)
        {
            return (sameLine.Value.Goal, sameLine.Value.Outcome + string.Concat(lines.Skip(1).Select(l => l.Text)));
        }

        var split = FindSplit(lines, yearText);
        if (split < 0)
        {
            return (string.Concat(lines.Select(l => l.Text)), null);
        }

        return (string.Concat(lines.Take(split + 1).Select(l => l.Text)), string.Concat(lines.Skip(split + 1).Select(l => l.Text)));
    }

    private static (string Goal, string Outcome)? SameLineSplit(string first, string yearText)
    {
        var at = first.IndexOf(' ' + yearText, StringComparison.Ordinal);
        if (at <= 0)
        {
            return null;
        }

        var left = first[..at].Trim();
        var right = first[(at + 1)..].Trim();
        return TextTools.Width(left) >= 6 && YearStart(right, yearText) ? (left, right) : null;
    }

    private static int FindSplit(List<(string Text, bool BlankAfter)> lines, string yearText)
    {
        // Blank lines carry meaning only where most lines are not followed by one (seed 002's layout).
        var sparse = lines.Count(l => l.BlankAfter) * 2 < lines.Count;
        var firstHeading = lines[0].Text;

        // The outcome of Shanghai self-evaluations usually opens with the year: "2024年…", "1.2024年…".
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            if (YearStart(lines[i + 1].Text, yearText) && (TextTools.EndsSentence(lines[i].Text) || lines[i].Text.EndsWith('）') || lines[i].Text.EndsWith(')'))
                && !ContinuesNumbering(lines, i + 1))
            {
                return i;
            }
        }

        for (var i = 0; i + 1 < lines.Count; i++)
        {
            var text = lines[i].Text;
            if (!text.EndsWith('。') || sparse && !lines[i].BlankAfter)
            {
                continue;
            }

            var next = lines[i + 1].Text;
            if (ContinuesNumbering(lines, i + 1))
            {
                continue;
            }

            if (IsHeading(next) && next != firstHeading)
            {
                continue;
            }

            return i;
        }

        return -1;
    }

    private static bool YearStart(string text, string yearText)
    {
        var m = MayStartOrdinal(text) ? OrdinalRegex().Match(text) : Match.Empty;
        var rest = m.Success ? text[m.Length..].TrimStart() : text;
        return rest.StartsWith(yearText, StringComparison.Ordinal) && rest.Length > 4 && rest[4] == '年';
    }

    private static bool IsHeading(string text) => text.Length <= 12 && (text.EndsWith('：') || text.EndsWith(':'));

    /// <summary>True when line <paramref name="at"/> carries on a numbered list of the lines before it.</summary>
    private static bool ContinuesNumbering(List<(string Text, bool BlankAfter)> lines, int at)
    {
        var next = Ordinal(lines[at].Text);
        if (next is null)
        {
            return false;
        }

        for (var i = at - 1; i >= 0; i--)
        {
            var previous = Ordinal(lines[i].Text);
            if (previous is not null)
            {
                return next == previous + 1;
            }
        }

        return false;
    }

    private static int? Ordinal(string text)
    {
        if (!MayStartOrdinal(text))
        {
            return null;
        }

        var m = OrdinalRegex().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var digits = m.Groups["d"].Success ? m.Groups["d"].Value : null;
        if (digits is not null)
        {
            return int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        }

        var chinese = m.Groups["c"].Value;
        var index = "一二三四五六七八九十".IndexOf(chinese, StringComparison.Ordinal);
        return chinese.Length == 1 && index >= 0 ? index + 1 : null;
    }

    /// <summary>What <see cref="OrdinalRegex"/> can match at all: text opening with 目, a digit or a bracket.</summary>
    private static bool MayStartOrdinal(string text) => text.Length > 0 && (text[0] is '目' or '（' or '(' || char.IsDigit(text[0])); // \d is any Unicode digit

    [GeneratedRegex(@"^(?:目标)?(?:(?<d>\d{1,2})(?:[、．：:]|\.(?!\d{2,}\.))|[（(](?<c>[一二三四五六七八九十])[)）])")]
    private static partial Regex OrdinalRegex();
}
