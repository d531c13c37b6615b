using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Jixiao.Domain.Model;
using Jixiao.Formats.Json;
using Jixiao.Tests.Zoo;

namespace Jixiao.Bench;

/// <summary>
/// The whole printing zoo: <c>zoo [--out DIR] [--only NAME[,NAME…]] [--jobs 2] [--generated N [--seed 1] [--content]] [--word]</c>.
/// Prints every printing of <see cref="ZooCatalogue.All"/> (or N printings drawn by
/// <see cref="ZooCatalogue.Generated"/> from the seed: a held-out set nobody tuned to), reads its PDF, <c>pdftotext</c> raw and <c>-layout</c> texts back with the
/// current reader and prints fields/forms exact per printing and path, the totals, and the 20 most frequent
/// kinds of difference per path. With <c>--out</c> the HTML/XLSX, PDFs, texts, expected and read JSON and the
/// differences of every printing stay in DIR for inspection. With <c>--word</c> the same printings (same knobs,
/// same forms) are made as Word documents and printed by LibreOffice Writer (<see cref="ZooCatalogue.AsWord"/>).
/// </summary>
internal static class ZooBenchmark
{
    public static int Run(string[] args)
    {
        var only = BenchSupport.OptionText(args, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var jobs = BenchSupport.Option(args, "--jobs", 2);
        var generated = BenchSupport.Option(args, "--generated", 0);
        var catalogue = generated > 0 ? ZooCatalogue.Generated(BenchSupport.Option(args, "--seed", 1), generated, args.Contains("--content")) : ZooCatalogue.All;
        if (args.Contains("--word"))
        {
            catalogue = ZooCatalogue.AsWord(catalogue);
        }

        var printings = catalogue.Where(p => only is null || only.Any(o => p.Name.Contains(o, StringComparison.OrdinalIgnoreCase))).ToList();
        if (printings.Count == 0)
        {
            Console.Error.WriteLine($"no printing matches; the zoo has: {string.Join(", ", catalogue.Select(p => p.Name))}");
            return 2;
        }

        foreach (var producer in printings.Select(p => p.Producer).Distinct())
        {
            if (ZooTools.Missing(producer) is { } missing)
            {
                Console.Error.WriteLine($"cannot print the {producer} printings: {missing}");
                return 1;
            }
        }

        var given = BenchSupport.OptionText(args, "--out");
        var folder = given ?? Directory.CreateTempSubdirectory("jixiao-zoo-").FullName;
        Directory.CreateDirectory(folder);
        var clock = Stopwatch.StartNew();
        var results = new ConcurrentDictionary<string, ZooResult>();
        var failures = new ConcurrentBag<string>();
        try
        {
            Parallel.ForEach(printings, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs) }, p =>
            {
                try
                {
                    var r = ZooRunner.Run(p, folder);
                    results[p.Name] = r;
                    Console.Error.WriteLine($"{p.Name}: printed in {r.PrintTime.TotalSeconds:0.0} s, read in {r.Paths.Sum(x => x.ReadTime.TotalSeconds):0.00} s");
                    if (given is not null)
                    {
                        Save(folder, r);
                    }
                }
                catch (ZooToolException ex)
                {
                    failures.Add($"{p.Name}: {ex.Message}");
                }
            });
        }
        finally
        {
            if (given is null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        var ordered = printings.Where(p => results.ContainsKey(p.Name)).Select(p => results[p.Name]).ToList();
        Console.WriteLine($"zoo: {ordered.Count} printings ({ordered.Count(r => r.Printing.Producer == ZooProducer.Chromium)} Chromium, "
            + $"{ordered.Count(r => r.Printing.Producer == ZooProducer.LibreOffice)} LibreOffice), {ordered.Sum(r => r.Expected.Count)} forms, "
            + $"{clock.Elapsed.TotalSeconds:0.0} s with {jobs} jobs");
        Console.WriteLine();
        Console.WriteLine(ZooRunner.Table(ordered));
        foreach (var r in ordered)
        {
            foreach (var x in r.Paths.Where(x => x.Error is not null))
            {
                Console.WriteLine($"{r.Printing.Name} {x.Path}: reader threw {x.Error}");
            }
        }

        Console.WriteLine(ZooRunner.TopDifferences(ordered));
        foreach (var r in ordered.Where(r => r.Unprinted.Count > 0))
        {
            Console.WriteLine($"GENERATOR {r.Printing.Name}: {r.Unprinted.Count} strings not found in pdftotext -raw, e.g. {string.Join(" | ", r.Unprinted.Take(3))}");
        }

        foreach (var f in failures)
        {
            Console.WriteLine("FAILED " + f);
        }

        if (given is not null)
        {
            Console.WriteLine($"files in {Path.GetFullPath(folder)}");
        }

        return failures.IsEmpty ? 0 : 1;
    }

    private static void Save(string folder, ZooResult r)
    {
        var name = r.Printing.Name;
        File.WriteAllText(Path.Combine(folder, name + ".printing.txt"), r.Printing.Describe(), new UTF8Encoding(false));
        WriteJson(Path.Combine(folder, name + ".expected.json"), new DisclosureDocument(name, r.Expected, []));
        var diffs = new StringBuilder();
        foreach (var x in r.Paths)
        {
            WriteJson(Path.Combine(folder, $"{name}.read-{x.Path}.json"), new DisclosureDocument($"{name} ({x.Path})", x.Read, []));
            diffs.AppendLine($"== {x.Path}: {x.Diff.Right}/{x.Diff.Fields} fields, {x.Diff.FormsExact}/{x.Diff.Forms} forms exact{(x.Error is null ? "" : ", reader threw " + x.Error)}");
            foreach (var d in x.Diff.Differences)
            {
                diffs.AppendLine(d.ToString());
            }
        }

        File.WriteAllText(Path.Combine(folder, name + ".diff.txt"), diffs.ToString(), new UTF8Encoding(false));
    }

    private static void WriteJson(string path, DisclosureDocument document)
    {
        using var file = File.Create(path);
        DisclosureJson.Write(file, document);
    }
}
