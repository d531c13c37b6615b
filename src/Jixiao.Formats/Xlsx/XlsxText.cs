using System.Globalization;
using System.Text.RegularExpressions;

namespace Jixiao.Formats.Xlsx;

/// <summary>
/// Text in cells as OOXML stores it: characters XML cannot hold (control characters) are written as
/// <c>_xHHHH_</c>, and a literal <c>_xHHHH_</c> has its underscore escaped, as Excel does.
/// </summary>
internal static partial class XlsxText
{
    public static string Escape(string text)
    {
        var escaped = Escaped().Replace(text, m => "_x005F" + m.Value);
        return string.Concat(escaped.Select(c => IsXmlChar(c) ? c.ToString() : $"_x{(int)c:X4}_"));
    }

    public static string Unescape(string text) =>
        text.Contains("_x", StringComparison.Ordinal)
            ? Escaped().Replace(text, m => ((char)int.Parse(m.Groups[1].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString())
            : text;

    private static bool IsXmlChar(char c) => c is '\t' or '\n' or '\r' || c >= ' ' && c is not ('\uFFFE' or '\uFFFF');

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial Regex Escaped();
}
