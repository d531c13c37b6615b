namespace Jixiao.Domain.Scoring;

/// <summary>How a computed figure is cut to the printed decimals. Never banker's rounding.</summary>
public enum Rounding
{
    /// <summary>四舍五入: 2.985 → 2.99.</summary>
    HalfUp,

    /// <summary>截尾: 2.985 → 2.98, 75.2084 → 75.20.</summary>
    Truncate,
}

public static class RoundingExtensions
{
    public static decimal Apply(this Rounding rounding, decimal value, int decimals = 2) => rounding switch
    {
        Rounding.HalfUp => decimal.Round(value, decimals, MidpointRounding.AwayFromZero),
        Rounding.Truncate => decimal.Round(value, decimals, MidpointRounding.ToZero),
        _ => throw new ArgumentOutOfRangeException(nameof(rounding)),
    };

    /// <summary>The name used in explanations: <c>half-up</c> or <c>truncate</c>.</summary>
    public static string Label(this Rounding rounding) => rounding == Rounding.HalfUp ? "half-up" : "truncate";
}
