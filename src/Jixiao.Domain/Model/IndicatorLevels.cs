namespace Jixiao.Domain.Model;

/// <summary>
/// The 一级 and 二级 indicator labels of the Shanghai forms, and how they nest. Pure vocabulary: the
/// readers use it to recognise labels (also when the print splits them into pieces), the checks use it to
/// judge where an indicator belongs.
/// </summary>
public static class IndicatorLevels
{
    public const string Output = "产出指标";
    public const string Benefit = "效益指标";
    public const string Satisfaction = "满意度指标";
    public const string Cost = "成本指标";

    /// <summary>The 一级 labels, 成本指标 included (its own 一级 from 2024 in Shanghai).</summary>
    public static readonly IReadOnlyList<string> Level1 = [Output, Benefit, Satisfaction, Cost];

    /// <summary>Known misprints of 一级 labels and what they stand for.</summary>
    public static readonly IReadOnlyDictionary<string, string> Level1Misprints = new Dictionary<string, string>
    {
        ["厂址指标"] = Output,
    };

    /// <summary>Every 二级 label with the 一级 it belongs under.</summary>
    public static readonly IReadOnlyDictionary<string, string> Level2 = new Dictionary<string, string>
    {
        ["数量指标"] = Output,
        ["质量指标"] = Output,
        ["时效指标"] = Output,
        ["成本指标"] = Output,
        ["经济成本指标"] = Cost,
        ["社会成本指标"] = Cost,
        ["生态环境成本指标"] = Cost,
        ["经济效益指标"] = Benefit,
        ["社会效益指标"] = Benefit,
        ["生态效益指标"] = Benefit,
        ["可持续影响指标"] = Benefit,
        ["服务对象满意度指标"] = Satisfaction,
    };

    /// <summary>Spellings of 二级 labels that stand for a canonical one.</summary>
    public static readonly IReadOnlyDictionary<string, string> Level2Aliases = new Dictionary<string, string>
    {
        ["服务对象满意度"] = "服务对象满意度指标",
    };

    /// <summary>Words that a 二级 group's indicators commonly use (数量 counts, 时效 times, 满意度 satisfaction …).</summary>
    private static readonly Dictionary<string, string[]> Level2Words = new()
    {
        ["数量指标"] = ["数量", "次数", "人次", "个数", "场次", "件数", "完成数", "覆盖", "数", "(次)", "(个)", "(人", "(份)", "(项)", "(家)"],
        ["质量指标"] = ["合格", "准确", "达标", "质量", "规范", "合规", "通过", "正确", "完整", "差错", "投诉", "故障", "安全"],
        ["时效指标"] = ["及时", "时限", "时间", "按时", "时效", "周期", "进度", "年底前", "天", "小时", "分钟", "工作日"],
        ["成本指标"] = ["成本", "费用", "预算", "控制"],
        ["经济成本指标"] = ["成本", "节约", "控制", "费用", "预算"],
        ["社会成本指标"] = ["社会成本", "经济性", "成本"],
        ["生态环境成本指标"] = ["生态", "环境", "成本"],
        ["经济效益指标"] = ["经济效益", "收益", "资金", "经济", "基金"],
        ["社会效益指标"] = ["社会", "影响", "提升", "促进", "保障", "知晓", "服务", "效益"],
        ["生态效益指标"] = ["生态", "环境", "绿色", "节能"],
        ["可持续影响指标"] = ["可持续", "长效", "机制", "制度", "持续", "长期", "健全"],
        ["服务对象满意度指标"] = ["满意"],
    };

    /// <summary>The most <see cref="Affinity"/> gives.</summary>
    public const int MaxAffinity = 2;

    /// <summary>
    /// How much an indicator's text (name and target) reads like a 二级 group's: how many of the group's
    /// common words it uses, at most <see cref="MaxAffinity"/>; 0 for an unknown label. Readers use it only to
    /// break ties that the print leaves (a label printed between two groups).
    /// </summary>
    public static int Affinity(string level2, string text)
    {
        if (!Level2Words.TryGetValue(CanonicalLevel2(level2), out var words))
        {
            return 0;
        }

        var hits = 0;
        foreach (var w in words)
        {
            if (text.Contains(w, StringComparison.Ordinal) && ++hits == MaxAffinity)
            {
                break;
            }
        }

        return hits;
    }

    private static readonly string[] AllLabels =
        [.. Level1, .. Level1Misprints.Keys, .. Level2.Keys, .. Level2Aliases.Keys];

    public static bool IsLevel1(string label) => Level1.Contains(label) || Level1Misprints.ContainsKey(label);

    public static bool IsLevel2(string label) => Level2.ContainsKey(label) || Level2Aliases.ContainsKey(label);

    public static bool IsLabel(string text) => IsLevel1(text) || IsLevel2(text);

    /// <summary>True when <paramref name="piece"/> starts some label: a label the print split over lines.</summary>
    public static bool IsLabelPrefix(string piece) => IsLabelPrefix(piece.AsSpan());

    /// <summary>True when <paramref name="piece"/> starts some label (for text looked at in place).</summary>
    public static bool IsLabelPrefix(ReadOnlySpan<char> piece)
    {
        if (piece.Length == 0)
        {
            return false;
        }

        foreach (var label in AllLabels)
        {
            if (label.AsSpan().StartsWith(piece, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The single label that <paramref name="piece"/> can be the start of, if there is exactly one.</summary>
    public static string? CompleteUniquely(string piece)
    {
        string? found = null;
        foreach (var label in AllLabels)
        {
            if (label.StartsWith(piece, StringComparison.Ordinal))
            {
                if (found is not null && found != label && !label.StartsWith(found, StringComparison.Ordinal) && !found.StartsWith(label, StringComparison.Ordinal))
                {
                    return null;
                }

                found = found is null || label.Length > found.Length ? label : found;
            }
        }

        return found;
    }

    public static string CanonicalLevel1(string label) => Level1Misprints.TryGetValue(label, out var real) ? real : label;

    public static string CanonicalLevel2(string label) => Level2Aliases.TryGetValue(label, out var real) ? real : label;

    /// <summary>The canonical 一级 label and the misprints standing for it: every way a stored 一级 may spell it.</summary>
    public static IReadOnlyList<string> Level1Spellings(string label)
    {
        var canonical = CanonicalLevel1(label);
        return [canonical, .. Level1Misprints.Where(p => p.Value == canonical).Select(p => p.Key)];
    }

    /// <summary>The canonical 二级 label and its aliases: every way a stored 二级 may spell it.</summary>
    public static IReadOnlyList<string> Level2Spellings(string label)
    {
        var canonical = CanonicalLevel2(label);
        return [canonical, .. Level2Aliases.Where(p => p.Value == canonical).Select(p => p.Key)];
    }

    /// <summary>The 一级 a 二级 label belongs under (成本指标 as 二级 sits under 产出指标, as in 2023).</summary>
    public static string? ParentOf(string level2) =>
        Level2.TryGetValue(CanonicalLevel2(level2), out var parent) ? parent : null;

    /// <summary>True for the 二级 labels that only exist under a 成本指标 一级.</summary>
    public static bool IsCostLevel2(string level2) => ParentOf(level2) == Cost;
}
