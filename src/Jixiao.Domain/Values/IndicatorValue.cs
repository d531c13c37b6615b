namespace Jixiao.Domain.Values;

/// <summary>The comparison a quantitative target states.</summary>
public enum Comparison
{
    AtLeast,
    Above,
    Equal,
    AtMost,
    Below,
}

public static class ComparisonSymbols
{
    public static string Symbol(this Comparison op) => op switch
    {
        Comparison.AtLeast => "≥",
        Comparison.Above => ">",
        Comparison.Equal => "=",
        Comparison.AtMost => "≤",
        Comparison.Below => "<",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    public static Comparison? FromSymbol(string? symbol) => symbol switch
    {
        "≥" => Comparison.AtLeast,
        ">" => Comparison.Above,
        "=" => Comparison.Equal,
        "≤" => Comparison.AtMost,
        "<" => Comparison.Below,
        _ => null,
    };
}

/// <summary>
/// A target or actual value: a quantity (<see cref="Op"/> may be null for an actual) or a qualitative
/// text such as 及时 or 达成指标. Exactly one of <see cref="Number"/> and <see cref="Text"/> is set,
/// unless the cell was empty.
/// </summary>
public sealed record IndicatorValue(Comparison? Op, decimal? Number, string? Unit, string? Text)
{
    public static readonly IndicatorValue Empty = new(null, null, null, null);

    public bool IsQuantity => Number is not null;

    public bool IsEmpty => Number is null && Text is null;

    public override string ToString() =>
        IsQuantity ? $"{Op?.Symbol()}{Number}{(Unit is null ? "" : " " + Unit)}" : Text ?? "";
}
