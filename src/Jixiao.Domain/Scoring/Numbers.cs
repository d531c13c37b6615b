using System.Globalization;

namespace Jixiao.Domain.Scoring;

/// <summary>How numbers are shown in explanations and findings (invariant culture, never exponent form).</summary>
public static class Numbers
{
    /// <summary>Two decimals, as the forms print scores: <c>2.00</c>, <c>0.63</c>.</summary>
    public static string Fixed(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>
    /// Without trailing zeros, and cut to six decimals with an ellipsis when longer: <c>3135</c>,
    /// <c>0.627</c>, <c>91.780455…</c>.
    /// </summary>
    public static string Plain(decimal value)
    {
        var cut = decimal.Round(value, 6, MidpointRounding.ToZero);
        var text = cut.ToString("0.######", CultureInfo.InvariantCulture);
        return cut == value ? text : text + "…";
    }

    /// <summary>Money with thousands separators: <c>92,764</c>, <c>3,307.5</c>.</summary>
    public static string Money(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
}
