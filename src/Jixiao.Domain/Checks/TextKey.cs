namespace Jixiao.Domain.Checks;

/// <summary>
/// Strings as the rules compare them: white space is not meaningful in the forms (disclosure-json.md),
/// so it is dropped; nothing else changes. Returns the same instance when there is nothing to drop.
/// </summary>
public static class TextKey
{
    public static string Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var kept = 0;
        foreach (var c in text)
        {
            kept += char.IsWhiteSpace(c) ? 0 : 1;
        }

        if (kept == text.Length)
        {
            return text;
        }

        return string.Create(kept, text, static (span, s) =>
        {
            var n = 0;
            foreach (var c in s)
            {
                if (!char.IsWhiteSpace(c))
                {
                    span[n++] = c;
                }
            }
        });
    }

    /// <summary>Levenshtein distance, for short strings (names, targets).</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
