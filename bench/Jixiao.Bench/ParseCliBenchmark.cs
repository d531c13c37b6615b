using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Jixiao.Bench;

/// <summary>
/// <c>jixiao parse</c> end to end, as a user runs it: <c>parse-cli [--mb 90] [--runs 3] [--cli PATH/jixiao.dll]
/// [--seeds DIR] [--all-cores]</c>. Builds a text of the seeds repeated to the given size, then runs, interleaved
/// in each round, the baselines — <c>wc -l</c>, a Python line count (<c>for line in open(f, encoding="utf-8")</c>)
/// and a C# <c>ReadLine</c> loop in this process — and the published CLI: <c>dotnet jixiao.dll parse FILE
/// --format json &gt; /dev/null</c>, and <c>--format table</c>. Each child runs under GNU <c>/usr/bin/time</c>,
/// which gives its wall time, CPU time (user + system) and peak resident memory (ru_maxrss, the VmHWM at exit).
/// Unless <c>--all-cores</c>, every child is pinned to one CPU with <c>taskset -c 0</c>, so wall time is
/// one-core time. Reported: the median of the rounds, MB/s on wall and on CPU time, and the ratio to the
/// baselines. Build the CLI first: <c>dotnet build -c Release src/Jixiao.Cli</c>.
/// </summary>
internal static class ParseCliBenchmark
{
    private const string Time = "/usr/bin/time";

    public static int Run(string[] args)
    {
        var megabytes = BenchSupport.Option(args, "--mb", 90);
        var runs = BenchSupport.Option(args, "--runs", 3);
        var cli = BenchSupport.OptionText(args, "--cli") ?? FindCli();
        if (cli is null || !File.Exists(cli))
        {
            Console.Error.WriteLine("jixiao.dll not found: run `dotnet build -c Release src/Jixiao.Cli` or pass --cli PATH/jixiao.dll");
            return 2;
        }

        if (!File.Exists(Time))
        {
            Console.Error.WriteLine($"{Time} (GNU time, Debian package `time`) is needed to measure the children's peak memory");
            return 2;
        }

        var pin = !args.Contains("--all-cores") && File.Exists("/usr/bin/taskset");
        var corpus = Path.Combine(Path.GetTempPath(), $"jixiao-parse-cli-{Environment.ProcessId}.txt");
        try
        {
            var bytes = WriteCorpus(BenchSupport.SeedDirectory(args), corpus, megabytes * 1_000_000L);
            var mb = bytes / 1e6;
            Console.WriteLine($"input: {mb:F1} MB ({corpus}), {runs} rounds, children {(pin ? "pinned to CPU 0 (taskset -c 0)" : "on all cores")}; CLI {cli}");
            var commands = new (string Name, string[] Argv)[]
            {
                ("wc -l", ["wc", "-l", corpus]),
                ("python3 line count", ["python3", "-c", "import sys\nn = 0\nfor _ in open(sys.argv[1], encoding='utf-8'): n += 1\nprint(n)", corpus]),
                ("jixiao parse --format json", ["dotnet", cli, "parse", corpus, "--format", "json"]),
                ("jixiao parse --format table", ["dotnet", cli, "parse", corpus, "--format", "table"]),
            };
            var results = commands.ToDictionary(c => c.Name, _ => new List<Measure>());
            var scans = new List<double>();
            for (var round = 0; round < runs; round++)
            {
                foreach (var (name, argv) in commands)
                {
                    results[name].Add(Measure.Of(pin ? ["taskset", "-c", "0", .. argv] : argv));
                }

                scans.Add(LineScan(corpus));
            }

            var median = results.ToDictionary(kv => kv.Key, kv => kv.Value.OrderBy(m => m.Wall).ElementAt(runs / 2));
            var scan = scans.Order().ElementAt(runs / 2);
            // Ratios against at least 10 ms: wc -l of a small file in the page cache takes "0.00 s".
            var wc = Math.Max(median["wc -l"].Wall, 0.01);
            var py = Math.Max(median["python3 line count"].Wall, 0.01);
            Console.WriteLine($"{"command",-30} {"wall s",8} {"cpu s",8} {"MB/s",8} {"MB/cpu-s",9} {"peak MB",8} {"×wc",7} {"×python",8}");
            foreach (var (name, m) in median)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-30} {m.Wall,8:F2} {m.Cpu,8:F2} {mb / Math.Max(m.Wall, 0.01),8:F1} {mb / Math.Max(m.Cpu, 0.01),9:F1} {m.PeakKb / 1024.0,8:F0} {m.Wall / wc,7:F1} {m.Wall / py,8:F1}"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{"C# ReadLine loop (in process)",-30} {scan,8:F2} {"",8} {mb / scan,8:F1} {"",9} {"",8} {scan / wc,7:F1} {scan / py,8:F1}"));
            Console.WriteLine("rounds (wall s): " + string.Join("; ", results.Select(kv => $"{kv.Key} {string.Join(" ", kv.Value.Select(m => m.Wall.ToString("F2", CultureInfo.InvariantCulture)))}")));
        }
        finally
        {
            File.Delete(corpus);
        }

        return 0;
    }

    /// <summary>The seeds repeated, each followed by a newline, until <paramref name="size"/> bytes.</summary>
    private static long WriteCorpus(string seeds, string path, long size)
    {
        var texts = Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        long written = 0;
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        while (written < size)
        {
            foreach (var t in texts)
            {
                w.Write(t);
                w.Write('\n');
                written += Encoding.UTF8.GetByteCount(t) + 1;
            }
        }

        return written;
    }

    private static double LineScan(string path)
    {
        var sw = Stopwatch.StartNew();
        long n = 0;
        using var reader = new StreamReader(path, Encoding.UTF8, false, 1 << 16);
        while (reader.ReadLine() is not null)
        {
            n++;
        }

        return sw.Elapsed.TotalSeconds;
    }

    /// <summary>src/Jixiao.Cli/bin/Release/net10.0/jixiao.dll above the current directory.</summary>
    private static string? FindCli()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Jixiao.slnx")))
            {
                return Path.Combine(dir.FullName, "src", "Jixiao.Cli", "bin", "Release", "net10.0", "jixiao.dll");
            }
        }

        return null;
    }

    /// <summary>One child run: wall and CPU seconds, peak RSS in KB, stdout to /dev/null.</summary>
    private sealed record Measure(double Wall, double Cpu, long PeakKb)
    {
        public static Measure Of(string[] argv)
        {
            var report = Path.GetTempFileName();
            try
            {
                var psi = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
                psi.ArgumentList.Add("-c");
                psi.ArgumentList.Add($"exec {Time} -f '%e %U %S %M' -o \"$0\" \"$@\" > /dev/null");
                psi.ArgumentList.Add(report);
                foreach (var a in argv)
                {
                    psi.ArgumentList.Add(a);
                }

                using var p = Process.Start(psi)!;
                p.WaitForExit();
                if (p.ExitCode != 0)
                {
                    throw new InvalidOperationException($"{string.Join(' ', argv)} exited {p.ExitCode}");
                }

                var f = File.ReadAllLines(report).Last().Split(' ');
                var d = f.Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
                return new Measure(d[0], d[1] + d[2], (long)d[3]);
            }
            finally
            {
                File.Delete(report);
            }
        }
    }
}
