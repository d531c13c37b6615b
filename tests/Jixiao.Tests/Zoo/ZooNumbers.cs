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

    /// <summary>The spreadsheet format code printing <paramref name="value"/> as <see cref="Format"/> does (<c>#,##0.00</c>).</summary>
    public static string FormatCode(ZooPrinting p, decimal value)
    {
        var decimals = Decimals(p, value);
        return (p.Thousands ? "#,##0" : "0") + (decimals > 0 ? "." + new string('0', decimals) : "");
    }

    /// <summary>A date as printed: <c>2024-01-01</c>, <c>2024/1/1</c> or <c>2024年1月1日</c>.</summary>
    public static string Date(ZooPrinting p, DateOnly d) => p.Dates switch
    {
        ZooDateStyle.Slash => $"{d.Year}/{d.Month}/{d.Day}",
        ZooDateStyle.Chinese => $"{d.Year}年{d.Month}月{d.Day}日",
        _ => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>The spreadsheet format code printing a date as <see cref="Date"/> does.</summary>
    public static string DateFormatCode(ZooPrinting p) => p.Dates switch
    {
        ZooDateStyle.Slash => "yyyy/m/d",
        ZooDateStyle.Chinese => "yyyy\"年\"m\"月\"d\"日\"",
        _ => "yyyy-mm-dd",
    };

    /// <summary>A date's serial day number in a spreadsheet (days since 1899-12-30).</summary>
    public static decimal Serial(DateOnly d) => d.DayNumber - new DateOnly(1899, 12, 30).DayNumber;

    /// <summary>An indicator value with its unit brackets in the printing's style (<c>≥8.00（人次）</c>).</summary>
    public static string Value(ZooPrinting p, string? value) =>
        value is null ? "" : p.FullWidthBrackets ? value.Replace('(', '（').Replace(')', '）') : value;
}
