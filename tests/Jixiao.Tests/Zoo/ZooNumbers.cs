using System.Globalization;

namespace Jixiao.Tests.Zoo;

/// <summary>How a printing writes numbers and indicator values: separators, decimals, brackets.</summary>
public static class ZooNumbers
{
    /// <summary>Decimals printed for <paramref name="value"/>: its own scale, or none when whole and the printing drops them.</summary>
    public static int Decimals(ZooPrinting p, decimal value) =>
        p.DropWholeDecimals && value == decimal.Truncate(value) ? 0 : value.Scale;

    /// <summary>The number as printed: <c>4,855,541.00</c>, <c>4855541.00</c> or <c>4855541</c>.</summary>
    public static string Format(ZooPrinting p, decimal value)
    {
        var decimals = Decimals(p, value);
        return value.ToString((p.Thousands ? "N" : "F") + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>An indicator value with its unit brackets in the printing's style (<c>≥8.00（人次）</c>).</summary>
    public static string Value(ZooPrinting p, string? value) =>
        value is null ? "" : p.FullWidthBrackets ? value.Replace('(', '（').Replace(')', '）') : value;
}
