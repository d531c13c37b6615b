using System.Diagnostics;
using System.Text;
using Jixiao.Domain.Model;
using Jixiao.Formats.Json;
using Jixiao.Formats.Sources;
using Jixiao.Tests.Zoo;

namespace Jixiao.Bench;

/// <summary>
/// Reads a saved zoo again with the current reader, without printing anything:
/// <c>zoo-reread DIR [--path pdf|raw|layout] [--only NAME[,NAME…]] [--diffs N]</c>. DIR is a folder written by
/// <c>zoo --out DIR</c>; each printing's inputs (<c>NAME.pdf</c>, <c>NAME.raw.txt</c>, <c>NAME.layout.txt</c>) are read
/// and compared with <c>NAME.expected.json</c>. Printing takes minutes, reading seconds: this is the loop for
/// working on the reader. The figures it prints are the ones <c>zoo</c> would print for the same printings.
/// </summary>
internal static class ZooRereadBenchmark
{
    public static int Run(string[] args)
    {
        if (args.Length == 0 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: zoo-reread DIR [--path pdf|raw|layout] [--only NAME[,NAME…]] [--diffs N]");
            return 2;
        }

        var folder = args[0];
        var wanted = BenchSupport.OptionText(args, "--path") is { } p ? [p] : ZooRunner.Paths;
        var only = BenchSupport.OptionText(args, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var shown = BenchSupport.Option(args, "--diffs", 0);
        var names = Directory.GetFiles(folder, "*.expected.json")
            .Select(f => Path.GetFileName(f)[..^".expected.json".Length])
            .Where(n => only is null || only.Any(o => n.Contains(o, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .ToList();
        var totals = wanted.ToDictionary(x => x, _ => new List<DiffResult>());
        var clock = Stopwatch.StartNew();
        foreach (var name in names)
        {
            var expected = DisclosureJson.Read(File.ReadAllText(Path.Combine(folder, name + ".expected.json")), name).SelectMany(d => d.Forms).ToList();
            var line = new StringBuilder($"{name,-40}");
            foreach (var path in wanted)
            {
                var read = Read(folder, name, path);
                var diff = FormDiff.Compare(expected, read);
                totals[path].Add(diff);
                // Forms read when not as many as printed: one lost or extra shifts every later form's comparison.
                var count = read.Count == expected.Count ? "" : $" read {read.Count}";
                line.Append($" {path} {diff.FieldAccuracy * 100,6:0.00} % {diff.FormsExact,2}/{diff.Forms,-2}{count}");
                foreach (var d in diff.Differences.Take(shown))
                {
                    Console.WriteLine($"  {name} {path}: {d}");
                }
            }

            Console.WriteLine(line);
        }

        foreach (var (path, list) in totals)
        {
            var sum = DiffResult.Sum(list);
            Console.WriteLine($"{path}: {sum.Right} of {sum.Fields} fields ({sum.FieldAccuracy * 100:0.00} %), {sum.FormsExact} of {sum.Forms} forms exact ({sum.FormAccuracy * 100:0.0} %)");
        }

        Console.WriteLine($"{names.Count} printings read in {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    private static IReadOnlyList<PerformanceForm> Read(string folder, string name, string path)
    {
        var file = Path.Combine(folder, path switch { ZooRunner.PdfPath => name + ".pdf", ZooRunner.RawPath => name + ".raw.txt", _ => name + ".layout.txt" });
        try
        {
            return [.. DocumentLoader.Load(file).SelectMany(d => d.Forms)];
        }
        catch (Exception ex)
        {
            Console.WriteLine($"  {name} {path}: reader threw {ex.GetType().Name}: {ex.Message}");
            return [];
        }
    }
}
