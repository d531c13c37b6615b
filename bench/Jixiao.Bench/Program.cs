// Benchmarks are timed command-line runs, not unit tests: `dotnet run -c Release --project bench/Jixiao.Bench -- <name> [options]`.
// Each benchmark is one class with a static Run(string[] args) returning an exit code; register it here.
using Jixiao.Bench;

var benchmarks = new Dictionary<string, Func<string[], int>>(StringComparer.OrdinalIgnoreCase)
{
    ["parse"] = ParseBenchmark.Run,
    ["parse-cli"] = ParseCliBenchmark.Run,
    ["import"] = ImportBenchmark.Run,
    ["score"] = ScoreBenchmark.Run,
    ["fill-db"] = FillDatabase.Run,
    ["library"] = LibraryBenchmark.Run,
    ["form-page"] = FormPageBenchmark.Run,
    ["dump"] = ReaderDump.Run,
    ["raw-grid"] = RawGridDump.Run,
    ["pdf-cells"] = PdfCellsDump.Run,
    ["layout-read"] = LayoutTextDump.Run,
    ["zoo"] = ZooBenchmark.Run,
    ["zoo-reread"] = ZooRereadBenchmark.Run,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: Jixiao.Bench <{string.Join("|", benchmarks.Keys)}> [options]");
    return 2;
}

return run(args[1..]);
