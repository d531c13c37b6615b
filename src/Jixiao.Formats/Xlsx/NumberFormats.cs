using DocumentFormat.OpenXml.Spreadsheet;

namespace Jixiao.Formats.Xlsx;

/// <summary>
/// How many decimals a cell's number format shows, so a number reads back as printed: Excel stores
/// 4855541.00 as the double 4855541, and <c>#,##0.00</c> says it had two decimals.
/// </summary>
internal static partial class NumberFormats
{
    /// <summary>The built-in formats with a fixed number of decimals (ECMA-376 §18.8.30).</summary>
    private static readonly Dictionary<uint, int> BuiltIn = new() { [1] = 0, [2] = 2, [3] = 0, [4] = 2, [37] = 0, [38] = 0, [39] = 2, [40] = 2 };

    /// <summary>Decimals shown by each cell style (index = style index); null where the format is not a fixed-decimals number.</summary>
    public static IReadOnlyList<int?> DecimalsByStyle(Stylesheet? stylesheet)
    {
        var custom = stylesheet?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .GroupBy(f => f.NumberFormatId!.Value)
            .ToDictionary(g => g.Key, g => DecimalsOf(g.First().FormatCode?.Value)) ?? [];
        return stylesheet?.CellFormats?.Elements<CellFormat>().Select(f =>
        {
            var id = f.NumberFormatId?.Value ?? 0;
            return custom.TryGetValue(id, out var d) ? d : BuiltIn.TryGetValue(id, out var b) ? b : (int?)null;
        }).ToList() ?? [];
    }

    /// <summary>Decimals of a format code such as <c>#,##0.00</c> or <c>0.0_ </c>; null for dates, percentages, text and General.</summary>
    public static int? DecimalsOf(string? code)
    {
        // Quoted text ("元"), escaped characters, [colours] and padding say nothing about decimals.
        var section = Decorations().Replace((code ?? "").Split(';')[0], "");
        if (section.Length == 0 || section.Contains('%') || section.Contains('@')
            || section.Any(c => char.ToLowerInvariant(c) is 'y' or 'm' or 'd' or 'h' or 's' or 'e') || !section.Contains('0'))
        {
            return null;
        }

        var dot = section.IndexOf('.');
        return dot < 0 ? 0 : section.Skip(dot + 1).TakeWhile(c => c is '0' or '#').Count();
    }

    [System.Text.RegularExpressions.GeneratedRegex("\"[^\"]*\"|\\\\.|\\[[^\\]]*\\]|[_*].")]
    private static partial System.Text.RegularExpressions.Regex Decorations();

    /// <summary>
    /// The number with the scale its format shows: 4855541 in <c>#,##0.00</c> is 4855541.00, and a
    /// double's noise (8.9499999999999993) is rounded away; other values are left as they are.
    /// </summary>
    public static decimal Shown(decimal number, int? decimals)
    {
        if (decimals is not { } d)
        {
            return number;
        }

        if (number.Scale > d)
        {
            var rounded = Math.Round(number, d, MidpointRounding.AwayFromZero);
            return Math.Abs(rounded - number) < 0.000001m ? rounded : number;
        }

        return number.Scale < d ? number + new decimal(0, 0, 0, false, (byte)d) : number;
    }
}
