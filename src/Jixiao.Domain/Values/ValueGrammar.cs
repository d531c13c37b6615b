using System.Globalization;
using System.Text;

namespace Jixiao.Domain.Values;

/// <summary>
/// Reads the values printed in 年度指标值 and 实际完成值 cells: <c>≥95.00(%)</c>, <c>&gt;=97%</c>,
/// <c>$\geq 90\%$</c>, <c>≤15(工作日)</c>, <c>=1次/季</c>, <c>1400家</c>, <c>100.00(%)</c>, <c>及时</c>,
/// <c>部分达成指标并具有一定效果</c>. Pure and total: every input gives a value, never an exception.
/// </summary>
public static class ValueGrammar
{
    /// <summary>Removes extraction markup (LaTeX, HTML paragraphs) and all white space from a cell.</summary>
    public static string Clean(string raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return "";
        }

        if (!NeedsCleaning(raw))
        {
            return raw;
        }

        var s = raw.Replace("<p>", "", StringComparison.Ordinal).Replace("</p>", "", StringComparison.Ordinal);
        foreach (var (command, symbol) in ComparisonOperators.LaTeX)
        {
            s = s.Replace(command, symbol, StringComparison.Ordinal);
        }

        s = s.Replace("\\%", "%", StringComparison.Ordinal).Replace("$", "", StringComparison.Ordinal);
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c) && c != '\\')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>True when a cell holds white space or markup characters that <see cref="Clean"/> removes.</summary>
    private static bool NeedsCleaning(string raw)
    {
        foreach (var c in raw)
        {
            if (char.IsWhiteSpace(c) || c is '$' or '\\' or '<')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Parses a cell (raw or cleaned) into a value.</summary>
    public static IndicatorValue Parse(string? raw)
    {
        if (raw is null)
        {
            return IndicatorValue.Empty;
        }

        var s = Clean(raw);
        if (s.Length == 0)
        {
            return IndicatorValue.Empty;
        }

        var pos = 0;
        var op = ReadOperator(s, ref pos);
        var numberStart = pos;
        var sawDigit = false;
        while (pos < s.Length && (char.IsAsciiDigit(s[pos]) || s[pos] == ',' || s[pos] == '.' || s[pos] == '-' && pos == numberStart))
        {
            sawDigit |= char.IsAsciiDigit(s[pos]);
            pos++;
        }

        if (!sawDigit || !TryNumber(s.AsSpan(numberStart, pos - numberStart), out var number))
        {
            return new IndicatorValue(null, null, null, s);
        }

        // The unit is looked at in place; a string is built only for the unit kept.
        var rest = s.AsSpan(pos);
        string? unit;
        if (rest.Length == 0)
        {
            unit = null;
        }
        else if (IsBracketed(rest))
        {
            unit = rest.Length == 2 ? null : rest[1..^1].ToString();
        }
        else if (IsBareUnit(rest, op is not null))
        {
            unit = rest.ToString();
        }
        else
        {
            return new IndicatorValue(null, null, null, s);
        }

        return new IndicatorValue(op, number, unit, null);
    }

    private static Comparison? ReadOperator(string s, ref int pos)
    {
        if (!ComparisonOperators.TryRead(s.AsSpan(pos), out var comparison, out var length))
        {
            return null;
        }

        pos += length;
        return comparison;
    }

    private static bool TryNumber(ReadOnlySpan<char> span, out decimal number)
    {
        Span<char> buffer = stackalloc char[Math.Min(span.Length, 64)];
        var n = 0;
        foreach (var c in span)
        {
            if (c == ',')
            {
                continue;
            }

            if (n == buffer.Length)
            {
                number = 0;
                return false;
            }

            buffer[n++] = c;
        }

        return decimal.TryParse(buffer[..n], NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);
    }

    private static bool IsBracketed(ReadOnlySpan<char> rest)
    {
        var open = rest[0];
        var close = rest[^1];
        return (open is '(' or '（') && (close is ')' or '）') && rest.Length >= 2;
    }

    /// <summary>A unit printed without brackets: <c>%</c>, <c>家</c>, <c>次/季</c>, <c>个工作日</c>; not a date tail such as <c>年11月完成</c>.</summary>
    private static bool IsBareUnit(ReadOnlySpan<char> rest, bool hasOperator)
    {
        if (rest.Length > (hasOperator ? 8 : 5) || rest[0] is '年' or '月' or '日' or '.' or '、')
        {
            return false;
        }

        foreach (var c in rest)
        {
            if (char.IsAsciiDigit(c) || c is '，' or '。' or '、' or ',')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Formats a number the way the forms print it: at least two decimals.</summary>
    public static string Format(decimal value) => value.ToString("0.00##########", CultureInfo.InvariantCulture);
}
