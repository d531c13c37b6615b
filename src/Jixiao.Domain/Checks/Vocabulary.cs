namespace Jixiao.Domain.Checks;

/// <summary>The words the target-quality rules look for, as tables (not if-chains), each with its reason.</summary>
public static class Vocabulary
{
    /// <summary>Words that make an indicator a satisfaction measure (complaints count as its converse).</summary>
    private static readonly string[] SatisfactionWords = ["满意", "投诉", "好评", "差评", "认可", "满足", "评价"];

    /// <summary>Template prompts left in a form by whoever filled it in (004: （描述一下主要产出目标情况）).</summary>
    private static readonly string[] PlaceholderMarkers = ["描述一下", "请填写", "请输入", "此处填写", "在此填写", "XXX", "×××"];

    /// <summary>Rates where less is better: a target demanding a positive value of them is upside down.</summary>
    private static readonly string[] ReverseRates =
        ["投诉率", "差错率", "错误率", "事故率", "故障率", "流失率", "退回率", "不合格率", "失误率", "违规率", "发生率", "误报率", "漏报率"];

    /// <summary>Names ending in 率 that are not percentages (frequency, efficiency).</summary>
    private static readonly string[] NotRates = ["频率", "效率", "功率"];

    /// <summary>Words that only say which way something should move, with the modifiers that may precede them.</summary>
    private static readonly string[] VagueVerbs =
        ["提高", "提升", "增强", "加强", "改善", "优化", "扩大", "增加", "减少", "降低", "减轻", "缓解", "促进", "保持"];

    /// <summary>Vague only with a modifier (趋于完善, 更加健全, 稳中有升); alone they name a verifiable state.</summary>
    private static readonly string[] VagueWhenModified = ["完善", "健全", "升", "向好"];

    private static readonly string[] Modifiers =
        ["进一步", "稳中有", "同比", "逐步", "持续", "不断", "有所", "稳步", "明显", "显著", "大幅", "更加", "逐年", "趋于", "稳中", "继续", "全面"];

    public static bool IsSatisfactionNamed(string name) => name.Contains("满意", StringComparison.Ordinal);

    public static bool IsSatisfactionLike(string name)
    {
        foreach (var word in SatisfactionWords)
        {
            if (name.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A name that states a rate (…率), not a frequency or efficiency.</summary>
    public static bool IsRate(string name) => name.EndsWith('率') && !EndsWithAny(name, NotRates);

    public static bool IsReverseRate(string name) => EndsWithAny(name, ReverseRates);

    /// <summary>
    /// A qualitative target that only names a direction: 提升, 逐步提高, 同比有所提升, 稳中有升, 趋于完善. Such a target
    /// cannot be verified at the year's end. 建立健全, 及时, 有效 name a state one can check, and are not vague.
    /// </summary>
    public static bool IsVague(string target)
    {
        var rest = target.AsSpan().TrimEnd("。．. ");
        var modified = false;
        for (var stripped = true; stripped;)
        {
            stripped = false;
            foreach (var m in Modifiers)
            {
                if (rest.Length > m.Length && rest.StartsWith(m, StringComparison.Ordinal))
                {
                    rest = rest[m.Length..];
                    modified = stripped = true;
                    break;
                }
            }
        }

        return IsOneOf(rest, VagueVerbs) || modified && IsOneOf(rest, VagueWhenModified);
    }

    /// <summary>The first placeholder in <paramref name="text"/>, with the bracketed phrase around it; null when none.</summary>
    public static string? FindPlaceholder(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        foreach (var marker in PlaceholderMarkers)
        {
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var open = text.LastIndexOfAny(['（', '('], at);
            var start = open >= 0 && at - open <= 4 ? open : at;
            var close = text.IndexOfAny(['）', ')'], at);
            var end = close >= 0 && close - at <= 30 ? close + 1 : Math.Min(text.Length, at + marker.Length + 12);
            return text[start..end];
        }

        return null;
    }

    private static bool EndsWithAny(string s, string[] suffixes)
    {
        foreach (var suffix in suffixes)
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOneOf(ReadOnlySpan<char> s, string[] words)
    {
        foreach (var w in words)
        {
            if (s.SequenceEqual(w))
            {
                return true;
            }
        }

        return false;
    }
}
