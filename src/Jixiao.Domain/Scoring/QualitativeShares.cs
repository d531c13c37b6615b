namespace Jixiao.Domain.Scoring;

/// <summary>
/// The share of an indicator's weight that a qualitative result earns: 达成指标 100 %, 部分达成指标并具有一定效果
/// 60 % (policy range 60–80 %), 未达成指标且效果较差 0 % (policy range 0–60 %).
/// </summary>
public sealed record QualitativeShares
{
    public static readonly QualitativeShares Default = new(1m, 0.6m, 0m);

    public QualitativeShares(decimal achieved, decimal partial, decimal notAchieved)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(achieved, 1m);
        if (partial is < 0.6m or > 0.8m)
        {
            throw new ArgumentOutOfRangeException(nameof(partial), partial, "部分达成的得分比例应在 60%–80% 之间。");
        }

        if (notAchieved is < 0m or > 0.6m)
        {
            throw new ArgumentOutOfRangeException(nameof(notAchieved), notAchieved, "未达成的得分比例应在 0%–60% 之间。");
        }

        (Achieved, Partial, NotAchieved) = (achieved, partial, notAchieved);
    }

    public decimal Achieved { get; }

    public decimal Partial { get; }

    public decimal NotAchieved { get; }

    public decimal Of(QualitativeResult result) => result switch
    {
        QualitativeResult.Achieved => Achieved,
        QualitativeResult.Partial => Partial,
        _ => NotAchieved,
    };
}

/// <summary>The three results a self-evaluation prints for a qualitative indicator.</summary>
public enum QualitativeResult : byte
{
    /// <summary>达成指标 / 达成年度指标</summary>
    Achieved,

    /// <summary>部分达成指标并具有一定效果</summary>
    Partial,

    /// <summary>未达成指标且效果较差</summary>
    NotAchieved,
}

public static class QualitativeResults
{
    /// <summary>Reads a printed result; null when the text is none of the three.</summary>
    public static QualitativeResult? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (text is "达成指标" or "达成年度指标" or "已达成指标")
        {
            return QualitativeResult.Achieved;
        }

        if (text.StartsWith("部分达成", StringComparison.Ordinal))
        {
            return QualitativeResult.Partial;
        }

        return text.StartsWith("未达成", StringComparison.Ordinal) ? QualitativeResult.NotAchieved : null;
    }

    public static string Label(this QualitativeResult result) => result switch
    {
        QualitativeResult.Achieved => "达成指标",
        QualitativeResult.Partial => "部分达成指标并具有一定效果",
        _ => "未达成指标且效果较差",
    };
}
