using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Jixiao.Storage;

/// <summary>
/// How SQLite holds decimals, which it has no type for. Amounts (money, rates, weights, scores: two
/// decimals, <c>numeric(18,2)</c> on PostgreSQL) are whole hundredths in an INTEGER column, so SUM and
/// ORDER BY work in SQL and read back with two decimals as PostgreSQL gives them. Indicator numbers, whose
/// scale is free, are exact invariant text.
/// </summary>
internal static class Decimals
{
    public const int AmountPrecision = 18;
    public const int AmountScale = 2;

    public static readonly ValueConverter<decimal, long> Hundredths = new(v => ToHundredths(v), v => FromHundredths(v));

    public static readonly ValueConverter<decimal, string> ExactText = new(v => ToText(v), v => FromText(v));

    public static long ToHundredths(decimal value) => (long)decimal.Round(value * 100, MidpointRounding.AwayFromZero);

    public static decimal FromHundredths(long value)
    {
        var magnitude = value < 0 ? (ulong)-(value + 1) + 1 : (ulong)value;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, value < 0, AmountScale);
    }

    public static string ToText(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static decimal FromText(string text) => decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
}
