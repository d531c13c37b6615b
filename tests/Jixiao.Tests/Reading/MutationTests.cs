using System.Text;
using Jixiao.Domain.Model;
using Jixiao.Formats.Disclosure;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Reading;

/// <summary>
/// Deterministic fuzzing: 10,240 variants of the seeds with bytes flipped, lines dropped, doubled, swapped,
/// cut or filled with junk. The reader must never throw, never hang, and always explain itself with
/// diagnostics that point at real lines.
/// </summary>
public class MutationTests
{
    private const int Variants = 10_240;

    [Fact]
    public async Task Ten_thousand_mutated_seeds_never_throw_never_hang_and_report_real_lines()
    {
        var seeds = Seeds.All.Select(f => Seeds.Text(f).Split('\n')).ToArray();
        var random = new Random(20261123);
        var formsRead = 0;
        for (var n = 0; n < Variants; n++)
        {
            var lines = Slice(seeds[n % seeds.Length], random, whole: n % 64 == 0);
            var mutations = 1 + random.Next(6);
            for (var m = 0; m < mutations; m++)
            {
                Mutate(lines, random);
            }

            var text = string.Join('\n', lines);
            var name = $"mutant-{n}.txt";

            // A hang fails the test with a TimeoutException instead of blocking the run.
            var doc = await Task.Run(() => DisclosureReader.Read(text, name)).WaitAsync(TimeSpan.FromSeconds(10));

            var lineCount = lines.Count;
            Assert.All(doc.Diagnostics, d => Assert.InRange(d.Line, 0, lineCount + 1));
            Assert.DoesNotContain(doc.Diagnostics, d => d.Message.StartsWith("内部错误", StringComparison.Ordinal));
            if (doc.Forms.Count == 0)
            {
                Assert.Contains(doc.Diagnostics, d => d.Severity == Severity.Error);
            }

            foreach (var form in doc.Forms)
            {
                Assert.False(string.IsNullOrEmpty(form.Name), $"variant {n}: form at line {form.Line} has no name");
                Assert.InRange(form.Line, 1, lineCount);
                Assert.All(form.Indicators, i => Assert.InRange(i.Line, 1, lineCount));
            }

            formsRead += doc.Forms.Count;
        }

        Assert.True(formsRead > Variants, "mutants should mostly still read");
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
