using System.Text;

namespace Jixiao.Domain.Projects;

/// <summary>
/// How names of units and projects are compared: the key drops white space and folds full-width ASCII
/// forms (<c>（</c> is <c>(</c>, <c>Ａ</c> is <c>A</c>); similarity is the Dice coefficient of the keys'
/// character bigrams.
/// </summary>
public static class ProjectNames
{
    /// <summary>The comparable form of a name: full-width ASCII folded, without any white space.</summary>
    /// <remarks>Folded by hand: with invariant globalization <see cref="string.Normalize()"/> leaves these alone.</remarks>
    public static string Key(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "";
        }

        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Dice similarity of the character bigrams of two keys, 0..1: <c>医疗保险社会服务管理费</c> and
    /// <c>医疗保险社会服务管理经费</c> share 9 of 10 and 11 bigrams, 0.857.
    /// </summary>
    public static double Similarity(string a, string b)
    {
        if (a == b)
        {
            return 1;
        }

        if (a.Length < 2 || b.Length < 2)
        {
            return 0;
        }

        var bigrams = new Dictionary<(char, char), int>();
        for (var i = 0; i + 1 < a.Length; i++)
        {
            var bigram = (a[i], a[i + 1]);
            bigrams[bigram] = bigrams.GetValueOrDefault(bigram) + 1;
        }

        var shared = 0;
        for (var i = 0; i + 1 < b.Length; i++)
        {
            var bigram = (b[i], b[i + 1]);
            if (bigrams.TryGetValue(bigram, out var left) && left > 0)
            {
                bigrams[bigram] = left - 1;
                shared++;
            }
        }

        return 2.0 * shared / (a.Length - 1 + b.Length - 1);
    }
}
