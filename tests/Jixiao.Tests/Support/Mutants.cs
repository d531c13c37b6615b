using System.Text;

namespace Jixiao.Tests.Support;

/// <summary>
/// Seed texts cut and mutated at random (lines dropped, doubled, swapped, cut short, junk inserted, bytes
/// flipped, characters shuffled). The same <see cref="Random"/> seed gives the same mutants: the mutation
/// test reads them, and the bench's <c>dump</c> compares what the reader makes of them before and after a change.
/// </summary>
public static class Mutants
{
    /// <summary><paramref name="count"/> mutants of <paramref name="seeds"/> (each seed as its lines), in order; every 64th is a whole seed.</summary>
    public static IEnumerable<string> Of(string[][] seeds, Random random, int count)
    {
        for (var n = 0; n < count; n++)
        {
            var lines = Slice(seeds[n % seeds.Length], random, whole: n % 64 == 0);
            var mutations = 1 + random.Next(6);
            for (var m = 0; m < mutations; m++)
            {
                Mutate(lines, random);
            }

            yield return string.Join('\n', lines);
        }
    }

    private static List<string> Slice(string[] seed, Random random, bool whole)
    {
        if (whole)
        {
            return [.. seed];
        }

        var start = random.Next(Math.Max(1, seed.Length - 60));
        var length = 40 + random.Next(220);
        return seed.Skip(start).Take(length).ToList();
    }

    private static readonly string[] Junk =
        ["\0\0\0", "\t\t\t", "≥", "(", "）", "一级指标", "绩效", "指标", "满意", "100 97", "2.00 1.20", "财政项目支出绩效自评表", "项目名称", "\uFFFD", "$\\geq$", "<p>", "    ", "评分等级"];

    private static void Mutate(List<string> lines, Random random)
    {
        if (lines.Count == 0)
        {
            lines.Add(Junk[random.Next(Junk.Length)]);
            return;
        }

        var at = random.Next(lines.Count);
        switch (random.Next(8))
        {
            case 0:
                lines.RemoveAt(at);
                break;
            case 1:
                lines.Insert(at, lines[at]);
                break;
            case 2:
                var other = random.Next(lines.Count);
                (lines[at], lines[other]) = (lines[other], lines[at]);
                break;
            case 3:
                lines[at] = lines[at].Length > 1 ? lines[at][..random.Next(lines[at].Length)] : "";
                break;
            case 4:
                lines.Insert(at, Junk[random.Next(Junk.Length)]);
                break;
            case 5:
                lines.RemoveRange(at, lines.Count - at);
                break;
            case 6:
                var bytes = Encoding.UTF8.GetBytes(lines[at]);
                if (bytes.Length > 0)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                lines[at] = Encoding.UTF8.GetString(bytes);
                break;
            default:
                var chars = lines[at].ToCharArray();
                random.Shuffle(chars);
                lines[at] = new string(chars);
                break;
        }
    }
}
