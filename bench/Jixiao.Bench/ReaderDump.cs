using System.Security.Cryptography;
using System.Text;
using Jixiao.Domain.Model;
using Jixiao.Formats.Disclosure;

namespace Jixiao.Bench;

/// <summary>
/// Writes everything the disclosure reader makes of many inputs to one text file: <c>dump --out FILE
/// [--mutants 10240] [--seeds DIR]</c>. Run before and after a change to the reader and compare the files:
/// a change meant to be faster only must leave them identical. Inputs: each seed in memory and streamed
/// from disk; the seeds concatenated (lines across read-buffer boundaries); CRLF, BOM, layout-spaced and
/// overlong-line variants; the mutation test's mutants (same generator, same seed) in memory; as many
/// mutants again from another seed, each streamed from disk as well; and mutants made of raw bytes
/// (invalid UTF-8, cut sequences) streamed from disk.
/// </summary>
internal static class ReaderDump
{
    public static int Run(string[] args)
    {
        var output = BenchSupport.OptionText(args, "--out") ?? "reader-dump.txt";
        var variants = BenchSupport.Option(args, "--mutants", 10_240);
        var files = Directory.GetFiles(BenchSupport.SeedDirectory(args), "*.txt").Order(StringComparer.Ordinal).ToArray();
        var texts = files.Select(File.ReadAllText).ToArray();
        var temp = Directory.CreateTempSubdirectory("jixiao-dump-");
        var inputs = 0;
        using var writer = new StreamWriter(output, false, new UTF8Encoding(false)) { NewLine = "\n" };
        try
        {
            void InMemory(string name, string text)
            {
                inputs++;
                writer.WriteLine($"== memory {name}");
                Write(writer, DisclosureReader.Read(text, name));
            }

            void Streamed(string name, byte[] bytes)
            {
                inputs++;
                var path = Path.Combine(temp.FullName, name);
                File.WriteAllBytes(path, bytes);
                writer.WriteLine($"== stream {name}");
                foreach (var r in DisclosureReader.ReadFile(path))
                {
                    writer.WriteLine("-- result");
                    if (r.Form is { } f)
                    {
                        Write(writer, f);
                    }

                    foreach (var d in r.Diagnostics)
                    {
                        writer.WriteLine(d);
                    }
                }

                File.Delete(path);
            }

            void Both(string name, string text)
            {
                InMemory(name, text);
                Streamed(name, Encoding.UTF8.GetBytes(text));
            }

            for (var k = 0; k < files.Length; k++)
            {
                var name = Path.GetFileName(files[k]);
                InMemory(name, texts[k]);
                Streamed(name, File.ReadAllBytes(files[k]));
                Both("crlf-" + name, texts[k].Replace("\n", "\r\n", StringComparison.Ordinal));
                Streamed("bom-" + name, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(texts[k])]);
                Both("layout-" + name, texts[k].Replace("\t", "    ", StringComparison.Ordinal));
                var lines = texts[k].Split('\n');
                Both("overlong-" + name, string.Join('\n', lines.Take(40).Append(new string('很', 25_000)).Append(new string('x', 20_000)).Concat(lines.Skip(40))));
            }

            var corpus = string.Join('\n', Enumerable.Repeat(texts, 4).SelectMany(t => t));
            Both("corpus", corpus);

            var seeds = texts.Select(t => t.Split('\n')).ToArray();
            Mutants(seeds, new Random(20261123), variants, (n, text) => InMemory($"mutant-{n}.txt", text));
            Mutants(seeds, new Random(7), variants, (n, text) => Both($"mutant7-{n}.txt", text));

            var random = new Random(11);
            var raw = files.Select(File.ReadAllBytes).ToArray();
            for (var n = 0; n < variants / 4; n++)
            {
                var bytes = raw[n % raw.Length];
                var start = random.Next(bytes.Length / 2);
                var slice = bytes.AsSpan(start, Math.Min(bytes.Length - start, 2_000 + random.Next(40_000))).ToArray();
                for (var m = random.Next(1, 12); m > 0; m--)
                {
                    slice[random.Next(slice.Length)] = (byte)random.Next(256);
                }

                Streamed($"bytes-{n}.txt", slice);
            }
        }
        finally
        {
            temp.Delete(recursive: true);
        }

        writer.Flush();
        writer.Close();
        using var stream = File.OpenRead(output);
        Console.WriteLine($"{inputs:N0} inputs read, dump {new FileInfo(output).Length / 1e6:F1} MB, SHA-256 {Convert.ToHexString(SHA256.HashData(stream))}");
        return 0;
    }

    private static void Write(TextWriter writer, DisclosureDocument document)
    {
        foreach (var f in document.Forms)
        {
            Write(writer, f);
        }

        foreach (var d in document.Diagnostics)
        {
            writer.WriteLine(d);
        }
    }

    /// <summary>Every field: the form's own (records print their members, nested records included), then each indicator.</summary>
    private static void Write(TextWriter writer, PerformanceForm form)
    {
        writer.WriteLine((form with { Indicators = [] }).ToString());
        foreach (var i in form.Indicators)
        {
            writer.WriteLine(i);
        }
    }

    /// <summary>The mutation test's mutants (<see cref="Tests.Support.Mutants"/>): the same seed gives the same texts.</summary>
    private static void Mutants(string[][] seeds, Random random, int variants, Action<int, string> read)
    {
        var n = 0;
        foreach (var text in Tests.Support.Mutants.Of(seeds, random, variants))
        {
            read(n++, text);
        }
    }
}
