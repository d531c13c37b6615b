namespace Jixiao.Domain.Scoring;

/// <summary>评分等级 from the total: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below.</summary>
public sealed record GradeBands(decimal Excellent, decimal Good, decimal Pass)
{
    public static readonly GradeBands Default = new(90m, 80m, 60m);

    public const string ExcellentLabel = "优";
    public const string GoodLabel = "良";
    public const string PassLabel = "中";
    public const string FailLabel = "差";

    public string Grade(decimal total) =>
        total >= Excellent ? ExcellentLabel : total >= Good ? GoodLabel : total >= Pass ? PassLabel : FailLabel;

    /// <summary>Why <paramref name="total"/> has its grade: <c>98.95 ≥ 90 → 优</c>.</summary>
    public string Explain(decimal total)
    {
        var grade = Grade(total);
        var t = Numbers.Fixed(total);
        return grade switch
        {
            ExcellentLabel => $"{t} ≥ {Numbers.Plain(Excellent)} → 优",
            GoodLabel => $"{Numbers.Plain(Good)} ≤ {t} < {Numbers.Plain(Excellent)} → 良",
            PassLabel => $"{Numbers.Plain(Pass)} ≤ {t} < {Numbers.Plain(Good)} → 中",
            _ => $"{t} < {Numbers.Plain(Pass)} → 差",
        };
    }
}
