using Jixiao.Domain.Model;

namespace Jixiao.Domain.Values;

/// <summary>
/// The one codec for <see cref="FormKind"/>: the interchange word (<c>"target"</c>, <c>"selfEvaluation"</c>,
/// as JSON, the database and the API spell it), the printed titles the readers look for, and the short
/// Chinese names of lists and sheets. Unknown words are an error, never a default: <see cref="Parse"/>
/// throws and <see cref="TryParse"/> says false, so each reader reports the value and where it was.
/// </summary>
public static class FormKinds
{
    public const string TargetWord = "target";
    public const string SelfEvaluationWord = "selfEvaluation";

    /// <summary>The full title printed above a form.</summary>
    public const string TargetTitle = "财政项目支出绩效目标申报表";
    public const string SelfEvaluationTitle = "财政项目支出绩效自评表";

    /// <summary>The tail of the title the layout reader matches (PDF titles are often split or prefixed).</summary>
    public const string TargetTitleTail = "绩效目标申报表";
    public const string SelfEvaluationTitleTail = "绩效自评表";

    /// <summary>The short name of a kind, for lists and the 表类型 cell.</summary>
    public const string TargetName = "目标申报表";
    public const string SelfEvaluationName = "自评表";

    /// <summary>Every kind, in order.</summary>
    public static readonly IReadOnlyList<FormKind> All = [FormKind.Target, FormKind.SelfEvaluation];

    /// <summary>The interchange word of a kind.</summary>
    public static string Word(FormKind kind) => kind switch
    {
        FormKind.Target => TargetWord,
        FormKind.SelfEvaluation => SelfEvaluationWord,
        _ => throw Unknown(kind),
    };

    /// <summary>The full printed title of a kind.</summary>
    public static string Title(FormKind kind) => kind switch
    {
        FormKind.Target => TargetTitle,
        FormKind.SelfEvaluation => SelfEvaluationTitle,
        _ => throw Unknown(kind),
    };

    /// <summary>The short Chinese name of a kind (目标申报表, 自评表).</summary>
    public static string Name(FormKind kind) => kind switch
    {
        FormKind.Target => TargetName,
        FormKind.SelfEvaluation => SelfEvaluationName,
        _ => throw Unknown(kind),
    };

    /// <summary>The kind an interchange word names; false for anything else (case matters, as in the JSON).</summary>
    public static bool TryParse(string? word, out FormKind kind)
    {
        switch (word)
        {
            case TargetWord:
                kind = FormKind.Target;
                return true;
            case SelfEvaluationWord:
                kind = FormKind.SelfEvaluation;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    /// <summary>The kind an interchange word names; throws <see cref="FormatException"/> naming the word otherwise.</summary>
    public static FormKind Parse(string? word) =>
        TryParse(word, out var kind) ? kind : throw new FormatException(UnknownWordMessage(word));

    /// <summary>The message for a word that names no kind: 未知的表类型 "xyz"（应为 target 或 selfEvaluation）.</summary>
    public static string UnknownWordMessage(string? word) =>
        word is null ? $"缺少表类型 kind（应为 {TargetWord} 或 {SelfEvaluationWord}）" : $"未知的表类型 \"{word}\"（应为 {TargetWord} 或 {SelfEvaluationWord}）";

    /// <summary>The kind whose full title a (compacted) line holds; null when it holds neither.</summary>
    public static FormKind? FromTitle(string compact) =>
        compact.Contains(TargetTitle, StringComparison.Ordinal) ? FormKind.Target
        : compact.Contains(SelfEvaluationTitle, StringComparison.Ordinal) ? FormKind.SelfEvaluation
        : null;

    /// <summary>The kind whose title tail (<see cref="TargetTitleTail"/>, <see cref="SelfEvaluationTitleTail"/>) a (compacted) cell holds; null when neither.</summary>
    public static FormKind? FromTitleTail(string compact) =>
        compact.Contains(TargetTitleTail, StringComparison.Ordinal) ? FormKind.Target
        : compact.Contains(SelfEvaluationTitleTail, StringComparison.Ordinal) ? FormKind.SelfEvaluation
        : null;

    /// <summary>
    /// The kind a 表类型 cell or sheet title names in words: 自评 (自评表, 绩效自评表) or 申报 / 目标
    /// (目标申报表, 绩效目标), or the interchange word; null when it names neither.
    /// </summary>
    public static FormKind? FromLabel(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : TryParse(text.Trim(), out var kind) ? kind
        : text.Contains("自评", StringComparison.Ordinal) ? FormKind.SelfEvaluation
        : text.Contains("申报", StringComparison.Ordinal) || text.Contains("目标", StringComparison.Ordinal) ? FormKind.Target
        : null;

    private static ArgumentOutOfRangeException Unknown(FormKind kind) => new(nameof(kind), kind, "未知的表类型");
}
