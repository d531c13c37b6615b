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
        var n = 0;
        foreach (var text in Mutants.Of(seeds, random, Variants))
        {
            var name = $"mutant-{n++}.txt";
            var lineCount = text.Length == 0 ? 0 : text.Count(c => c == '\n') + 1; // a flipped byte can make a line break

            // A hang fails the test with a TimeoutException instead of blocking the run.
            var doc = await Task.Run(() => DisclosureReader.Read(text, name)).WaitAsync(TimeSpan.FromSeconds(10));

            Assert.All(doc.Diagnostics, d => Assert.InRange(d.Line, 0, lineCount + 1));
            Assert.DoesNotContain(doc.Diagnostics, d => d.Message.StartsWith("内部错误", StringComparison.Ordinal));
            if (doc.Forms.Count == 0)
            {
                Assert.Contains(doc.Diagnostics, d => d.Severity == Severity.Error);
            }

            foreach (var form in doc.Forms)
            {
                Assert.False(string.IsNullOrEmpty(form.Name), $"{name}: form at line {form.Line} has no name");
                Assert.InRange(form.Line, 1, lineCount);
                Assert.All(form.Indicators, i => Assert.InRange(i.Line, 1, lineCount));
            }

            formsRead += doc.Forms.Count;
        }

        Assert.True(formsRead > Variants, "mutants should mostly still read");
    }
}
