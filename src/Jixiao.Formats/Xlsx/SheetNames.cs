namespace Jixiao.Formats.Xlsx;

/// <summary>Sheet names Excel accepts: at most 31 characters, none of <c>[]:*?/\</c>, unique regardless of case.</summary>
internal sealed class SheetNames
{
    public const int MaxLength = 31;
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);

    public string Unique(string wanted)
    {
        var name = Clean(wanted);
        for (var n = 2; !_used.Add(name); n++)
        {
            var suffix = $" ({n})";
            name = Cut(Clean(wanted), MaxLength - suffix.Length) + suffix;
        }

        return name;
    }

    private static string Clean(string wanted)
    {
        var s = new string(wanted.Select(c => c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' || char.IsControl(c) ? '_' : c).ToArray())
            .Trim().Trim('\'');
        s = Cut(s, MaxLength);
        return s.Length == 0 ? "Sheet" : s.Equals("History", StringComparison.OrdinalIgnoreCase) ? "History_" : s;
    }

    private static string Cut(string s, int length)
    {
        if (s.Length <= length)
        {
            return s;
        }

        return char.IsHighSurrogate(s[length - 1]) ? s[..(length - 1)] : s[..length];
    }
}
