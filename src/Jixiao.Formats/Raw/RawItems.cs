using Jixiao.Domain.Model;
using Jixiao.Formats.Disclosure;
using Jixiao.Formats.Layout;

namespace Jixiao.Formats.Raw;

/// <summary>What a raw token (or tokens joined) is.</summary>
public enum RawKind
{
    /// <summary>A value or a piece of one: anything not recognised as a label.</summary>
    Value,

    /// <summary>A field label (<see cref="Layout.Field"/>).</summary>
    Label,

    /// <summary>A label naming a block, with no value of its own (项目资金, 项目绩效目标, 其中：财政资金).</summary>
    Side,

    /// <summary>A column header word of a table (三级指标, 分值, 年初预算数).</summary>
    Header,

    /// <summary>A 一级 indicator label.</summary>
    Level1,

    /// <summary>A 二级 indicator label.</summary>
    Level2,

    /// <summary>A form title (…绩效目标申报表, …绩效自评表).</summary>
    Title,
}

/// <summary>A token, or label pieces joined, with what it is.</summary>
public sealed record RawItem(RawKind Kind, string Text, int Line, int Paragraph, Field? Field = null, int Page = 0);

/// <summary>
/// Stage 2 of the raw-text reader: tokens to items. Labels are recognised by what they say in any known
/// spelling (<see cref="Labels"/>, <see cref="IndicatorLevels"/>); a label split inside a word
/// (<c>项目名</c> … <c>称</c>, <c>社会效益指</c> … <c>标</c>) is joined with the short pieces that complete it,
/// even when a neighbouring cell's text stands between them (raw text prints a wrapped cell's lines around
/// its neighbours'). Every join is a diagnostic.
/// </summary>
public static class RawItems
{
    /// <summary>Tokens after a label's first piece in which its other pieces are looked for (Chromium: up to 3 between).</summary>
    public const int JoinWindow = 5;

    /// <summary>The longest piece (characters) that may complete a split label: longer text is a value.</summary>
    public const int MaxLabelPiece = 5;

    /// <summary>Tokens after a label's first piece looked at in all, long values and joined pieces included (<see cref="JoinWindow"/> counts only short unjoined ones).</summary>
    public const int MaxJoinReach = 10;

    /// <summary>Labels naming a block, with no value: skipped when values are paired.</summary>
    private static readonly string[] SideWords =
    [
        .. Labels.SideLabels, "其中：财政资金", "其中:财政资金", "财政资金", "项目资金(元)", "(元)", "(万元)", "（元）", "（万元）", "项目资金（万元）",
    ];

    private static readonly string[] Known = [.. Labels.Splittable, .. SideWords, "偏差原因分析", "偏差原因分析及改进措施", "服务对象满意度指标"];

    internal static List<RawItem> Read(List<RawToken> tokens, DiagnosticBag diagnostics)
    {
        var items = new List<RawItem>(tokens.Count);
        var used = new bool[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i])
            {
                continue;
            }

            var t = tokens[i];
            var text = t.Text;
            if (IsPrefix(text))
            {
                // Extend with the short pieces that follow, keeping the longest whole label found.
                var acc = text;
                var taken = new List<int>();
                var best = -1;
                var counted = 0;
                for (var j = i + 1; j < tokens.Count && j <= i + MaxJoinReach && counted < JoinWindow; j++)
                {
                    // A long value or a piece already joined does not use up the window: a long project name
                    // wraps its label cell around it (项目名 公共文化服务体系建设运 项目 其他经常性 项目类别 其他运转类 称).
                    if (used[j] || tokens[j].Text.Length > MaxLabelPiece)
                    {
                        continue;
                    }

                    counted++;

                    // Never with a piece that is a label itself (项目 + 实施单位 is not 项目实施单位 here).
                    if (Classify(tokens[j].Text) is not null)
                    {
                        continue;
                    }

                    var next = acc + tokens[j].Text;
                    if (!IsPrefix(next) && Classify(next) is null)
                    {
                        continue;
                    }

                    acc = next;
                    taken.Add(j);
                    if (Classify(acc) is not null)
                    {
                        best = taken.Count;
                        if (!IsPrefix(acc))
                        {
                            break;
                        }
                    }
                }

                if (best > 0)
                {
                    text = text + string.Concat(taken.Take(best).Select(j => tokens[j].Text));
                    foreach (var j in taken.Take(best))
                    {
                        used[j] = true;
                    }

                    diagnostics.Info(t.Line, DiagnosticCodes.LabelSplit, $"第{t.Line}行：分行印出的标签“{text}”已合并。");
                }
            }

            var kind = Classify(text) ?? RawKind.Value;
            items.Add(new RawItem(kind, text, t.Line, t.Paragraph, kind == RawKind.Label ? Labels.FieldOf(text) : null, t.Page));
        }

        return items;
    }

    /// <summary>What a whole text is, or null for a value.</summary>
    public static RawKind? Classify(string text)
    {
        if (text.Contains(Labels.TargetTitle, StringComparison.Ordinal) || text.Contains(Labels.SelfEvaluationTitle, StringComparison.Ordinal))
        {
            return RawKind.Title;
        }

        var stripped = Labels.Strip(text);
        if (IndicatorLevels.IsLevel1(stripped) && stripped != IndicatorLevels.Cost)
        {
            return RawKind.Level1;
        }

        if (IndicatorLevels.IsLevel2(stripped) || stripped == IndicatorLevels.Cost)
        {
            return RawKind.Level2;
        }

        if (Labels.FieldOf(text) is not null)
        {
            return RawKind.Label;
        }

        if (Array.IndexOf(SideWords, text) >= 0 || Array.IndexOf(SideWords, stripped) >= 0)
        {
            return RawKind.Side;
        }

        if (Array.IndexOf(Labels.HeaderWords, stripped) >= 0 || stripped is "偏差原因分析" or "年度指标值" or "年度(/项目)指标值" or "年度（/项目）指标值"
            || Labels.IndicatorColumn(stripped) is not null && stripped.EndsWith("指标", StringComparison.Ordinal) && stripped.Length <= 4
            || Labels.IndicatorColumn(stripped) is not null && stripped.Length <= 6 && !char.IsAsciiDigit(stripped[0])
                && Labels.HeaderWords.Any(h => stripped.Contains(h, StringComparison.Ordinal) || h.Contains(stripped, StringComparison.Ordinal) && stripped.Length >= 2))
        {
            return RawKind.Header;
        }

        return null;
    }

    private static bool IsPrefix(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var k in Known)
        {
            if (k.Length > text.Length && k.StartsWith(text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
