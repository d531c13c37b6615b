using System.Text;

namespace Jixiao.Formats.Xlsx;

/// <summary>A1-style cell references: column letters, <c>D14</c>, and <c>'Sheet name'!D14</c>.</summary>
internal static class CellRefs
{
    public static string Column(int column)
    {
        var letters = new StringBuilder();
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            letters.Insert(0, (char)('A' + (c - 1) % 26));
        }

        return letters.ToString();
    }

    public static string Of(int row, int column) => $"{Column(column)}{row}";

    /// <summary><c>Sheet1!D14</c>, quoting the sheet name as Excel does when it holds more than letters, digits and <c>_</c>.</summary>
    public static string Of(string sheet, int row, int column) => $"{Quote(sheet)}!{Of(row, column)}";

    public static string Quote(string sheet) =>
        sheet.All(c => char.IsLetterOrDigit(c) || c == '_') ? sheet : $"'{sheet.Replace("'", "''", StringComparison.Ordinal)}'";

    /// <summary>Reads <c>D14</c> (or <c>$D$14</c>) into (14, 4); false when it is not a cell reference.</summary>
    public static bool TryParse(string? reference, out int row, out int column)
    {
        row = column = 0;
        var i = 0;
        var s = (reference ?? "").Replace("$", "", StringComparison.Ordinal);
        while (i < s.Length && char.IsAsciiLetter(s[i]))
        {
            column = column * 26 + (char.ToUpperInvariant(s[i]) - 'A' + 1);
            i++;
        }

        return i > 0 && i < s.Length && int.TryParse(s.AsSpan(i), out row) && row > 0;
    }
}
