using Jixiao.Domain.Model;
using Jixiao.Formats.Layout;
using Jixiao.Formats.Sources;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Reading;

/// <summary>
/// The readers of printed text — the <c>pdftotext -layout</c> reader and the raw token-stream reader, which
/// <see cref="MutationTests"/> (seed texts, line reader) does not reach — fed mutants of four zoo printings
/// (<c>Printed/</c>: Chromium and LibreOffice, ruled and borderless, as <c>pdftotext</c> extracted them). They must
/// never throw, never hang, and keep every diagnostic on a real line.
/// </summary>
public class PrintedTextMutationTests
{
    private const int Variants = 1_024;

    private static readonly string[] Fixtures = ["chromium-official.layout.txt", "calc-self.layout.txt", "chromium-borderless.raw.txt", "calc-official.raw.txt"];

    private static string Fixture(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Jixiao.Tests", "Reading", "Printed", name);
            if (File.Exists(candidate))
            {
                return File.ReadAllText(candidate);
            }
        }

        throw new FileNotFoundException($"tests/Jixiao.Tests/Reading/Printed/{name} not found");
    }

    [Fact]
    public void The_printings_read_whole_as_they_are()
    {
        // What the mutants start from: each printing's forms, by the reader its text goes to.
        Assert.True(LayoutTextCells.LooksLikeLayout(Fixture("chromium-official.layout.txt")));
        Assert.False(LayoutTextCells.LooksLikeLayout(Fixture("calc-official.raw.txt")));
        Assert.Equal([3, 3, 5, 3], Fixtures.Select(f => DocumentLoader.ReadText(Fixture(f), f).Forms.Count));
    }

    [Fact]
    public async Task A_thousand_mutated_printings_never_throw_never_hang_and_report_real_lines()
    {
        var texts = Fixtures.Select(f => Fixture(f).Split('\n')).ToArray();
        var random = new Random(20261206);
        var n = 0;
        foreach (var text in Mutants.Of(texts, random, Variants))
        {
            var name = $"printed-mutant-{n++}.txt";
            var lineCount = text.Length == 0 ? 0 : text.Count(c => c == '\n') + 1;
            var doc = await Task.Run(() => DocumentLoader.ReadText(text, name)).WaitAsync(TimeSpan.FromSeconds(20));

            Assert.All(doc.Diagnostics, d => Assert.InRange(d.Line, 0, lineCount + 1));
            Assert.DoesNotContain(doc.Diagnostics, d => d.Message.StartsWith("内部错误", StringComparison.Ordinal));
            if (doc.Forms.Count == 0)
            {
                Assert.Contains(doc.Diagnostics, d => d.Severity == Severity.Error);
            }
        }
    }
}
