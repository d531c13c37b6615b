using System.CommandLine;
using Jixiao.Domain.Model;
using Jixiao.Formats.Disclosure;
using Jixiao.Formats.Json;
using Jixiao.Formats.Sources;
using Spectre.Console;

namespace Jixiao.Cli;

/// <summary><c>jixiao parse FILE... [--format json|table]</c>: reads published forms and prints them.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = "公开文件：文本、PDF、交换 JSON 或 XLSX；全为执行监控表时输出监控表" };
        var format = CliOptions.Format();
        var command = new Command("parse", "读取公开的绩效表，输出交换 JSON 或摘要表") { files, format };
        command.SetAction(result => Run(result.GetValue(files) ?? [], result.GetValue(format) ?? "json"));
        return command;
    }

    /// <summary>
    /// Streams: a text file's forms are written as they are read (JSON flushed form by form, tables a
    /// hundred rows at a time), so memory does not grow with the input; other files are small and loaded whole.
    /// </summary>
    private static int Run(string[] paths, string format)
    {
        if (paths.Length > 0 && paths.All(MonitorCommand.HoldsMonitoring))
        {
            return RunMonitoring(paths, format, Console.Out, Console.Error);
        }

        var exit = 0;
        if (format == "table")
        {
            foreach (var path in paths)
            {
                Each(path, ref exit, s =>
                {
                    if (s.Forms is { } forms)
                    {
                        SummaryTable.Write(s.Source, forms);
                    }
                    else
                    {
                        SummaryTable.Write(s.Documents!);
                    }
                });
            }

            return exit;
        }

        using var stdout = Console.OpenStandardOutput();
        using (var json = new DisclosureJsonStream(stdout, GcPacer.Tick))
        {
            if (paths.Length == 1)
            {
                // One file is one document, as an object — unless it holds several (an array) or none ("[]").
                Each(paths[0], ref exit, s =>
                {
                    if (s.Forms is { } forms)
                    {
                        json.WriteDocument(s.Source, forms);
                    }
                    else if (s.Documents!.Count == 1)
                    {
                        json.WriteDocument(s.Documents[0]);
                    }
                    else
                    {
                        WriteArray(json, s.Documents);
                    }
                });
                if (!json.Started)
                {
                    WriteArray(json, []);
                }
            }
            else
            {
                json.WriteStartArray();
                foreach (var path in paths)
                {
                    Each(path, ref exit, s =>
                    {
                        if (s.Forms is { } forms)
                        {
                            json.WriteDocument(s.Source, forms);
                        }
                        else
                        {
                            foreach (var d in s.Documents!)
                            {
                                json.WriteDocument(d);
                            }
                        }
                    });
                }

                json.WriteEndArray();
            }
        }

        stdout.WriteByte((byte)'\n');
        return exit;
    }

    /// <summary>
    /// Monitoring forms (JSON or XLSX; every file holds some): the interchange JSON of all of them, or a table
    /// of one row per form. Read strictly, as <c>monitor</c> reads them: exit 2 with every problem on stderr and
    /// nothing on stdout when one cannot be used. Lights are <c>monitor</c>'s to add.
    /// </summary>
    private static int RunMonitoring(string[] paths, string format, TextWriter output, TextWriter error)
    {
        var documents = new List<Domain.Monitoring.MonitoringDocument>();
        foreach (var path in paths)
        {
            if (MonitorCommand.Load(path, Domain.Monitoring.MonitoringPolicy.Default, error) is not { } read)
            {
                return 2;
            }

            documents.AddRange(read);
        }

        if (format == "table")
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumn("文件").AddColumn("年度").AddColumn("期间").AddColumn("实施单位")
                .AddColumn("项目名称").AddColumn(new TableColumn("指标").RightAligned()).AddColumn(new TableColumn("年初预算（万元）").RightAligned());
            foreach (var d in documents)
            {
                foreach (var f in d.Forms)
                {
                    table.AddRow(Markup.Escape(d.Source), f.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-", f.Period,
                        Markup.Escape(f.Unit), Markup.Escape(f.Name), f.Indicators.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        f.Budget.Total?.Initial?.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "");
                }
            }

            Terminal.Console.Write(table);
            return 0;
        }

        using var buffer = new MemoryStream();
        MonitoringJson.Write(buffer, documents);
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        return 0;
    }

    /// <summary>Opens a file and writes it; a file that cannot be read is reported on stderr and makes the exit code 2.</summary>
    private static void Each(string path, ref int exit, Action<SourceStream> write)
    {
        try
        {
            write(SourceStream.Open(path, GcPacer.Tick));
        }
        catch (UnreadableSourceException ex)
        {
            Console.Error.WriteLine($"jixiao: {ex.Message}");
            exit = 2;
        }
    }

    private static void WriteArray(DisclosureJsonStream json, IEnumerable<DisclosureDocument> documents)
    {
        json.WriteStartArray();
        foreach (var d in documents)
        {
            json.WriteDocument(d);
        }

        json.WriteEndArray();
    }
}

internal static class CliOptions
{
    public static Option<string> Format(string defaultValue = "json")
    {
        var option = new Option<string>("--format") { Description = "输出格式：json 或 table", DefaultValueFactory = _ => defaultValue };
        option.AcceptOnlyFromAmong("json", "table");
        return option;
    }
}

/// <summary>
/// A readable summary of what was read, for people rather than programs: per document, its forms in tables of
/// at most <see cref="RowsPerTable"/> rows (printed as they fill, so a large file is not held), then the
/// counts and the warnings and errors by line.
/// </summary>
internal static class SummaryTable
{
    public const int RowsPerTable = 100;

    public static void Write(IReadOnlyList<DisclosureDocument> documents)
    {
        foreach (var doc in documents)
        {
            Write(doc.Source, doc.Forms.Select(f => new FormReadResult(f, [])).Append(new FormReadResult(null, doc.Diagnostics)));
        }
    }

    /// <summary>One document from streamed results; if a result cannot be read, what was read is printed and the exception thrown.</summary>
    public static void Write(string source, IEnumerable<FormReadResult> results)
    {
        var console = Terminal.Console;
        using var spool = new DiagnosticSpool();
        int forms = 0, indicators = 0, diagnostics = 0;
        Table? table = null;
        try
        {
            foreach (var r in results)
            {
                GcPacer.Tick();
                diagnostics += r.Diagnostics.Count;
                spool.AddRange(r.Diagnostics);

                if (r.Form is not { } f)
                {
                    continue;
                }

                table ??= NewTable(forms == 0 ? source : $"{source}（续）");
                AddRow(table, f);
                forms++;
                indicators += f.Indicators.Count;
                if (table.Rows.Count == RowsPerTable)
                {
                    console.Write(table);
                    table = null;
                }
            }
        }
        finally
        {
            if (table is not null || forms == 0)
            {
                console.Write(table ?? NewTable(source));
            }

            console.MarkupLine($"表 {forms} 张，指标 {indicators} 个，诊断 {diagnostics} 条");
            foreach (var d in spool.Sorted().Where(d => d.Severity != Severity.Info))
            {
                GcPacer.Tick();
                var color = d.Severity == Severity.Error ? "red" : "yellow";
                console.MarkupLine($"  [{color}]{d.Severity.ToString().ToLowerInvariant()}[/] 第{d.Line}行 {Markup.Escape(d.Code)}：{Markup.Escape(d.Message)}");
            }

            console.WriteLine();
        }
    }

    private static Table NewTable(string title)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(title)}[/]");
        table.AddColumn("行");
        table.AddColumn("类型");
        table.AddColumn("年度");
        table.AddColumn("实施单位");
        table.AddColumn("项目名称");
        table.AddColumn(new TableColumn("指标数").RightAligned());
        table.AddColumn(new TableColumn("资金/总分").RightAligned());
        return table;
    }

    private static void AddRow(Table table, PerformanceForm f)
    {
        var money = f.Kind == FormKind.Target
            ? f.Funds?.AnnualTotal?.ToString("N2", System.Globalization.CultureInfo.InvariantCulture) + " 元"
            : $"{f.TotalScore} {f.Grade}";
        table.AddRow(
            f.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
            f.Kind == FormKind.Target ? "目标申报" : "自评",
            f.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
            Markup.Escape(f.Unit),
            Markup.Escape(f.Name),
            f.Indicators.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Markup.Escape(money ?? ""));
    }
}

/// <summary>
/// Collects the young generations each time <see cref="PaceBytes"/> more have been allocated on the calling
/// thread, while a command streams. The GC sizes its gen0 budget from the CPU cache: with the 260 MB L3 of the
/// machine measured (docs/benchmarks.md) gen0 grew past 100 MB between collections, and `parse` of a 90 MB
/// text, which keeps almost nothing alive, peaked at 165 MB. A forced collection finds little alive.
/// Every <see cref="AggressiveEvery"/>th pace is an aggressive full collection, which also gives back the
/// memory the GC keeps committed for its budget: on a 32 MiB-L3 machine the young collections alone left
/// 191 MB resident (aggressive: 76 MB, the same CPU time; docs/benchmarks.md).
/// </summary>
internal static class GcPacer
{
    private const long PaceBytes = 16L << 20;

    /// <summary>One pace in this many (every 64 MB allocated) is an aggressive, compacting full collection.</summary>
    private const int AggressiveEvery = 4;

    [ThreadStatic]
    private static long _next;

    [ThreadStatic]
    private static long _paces;

    public static void Tick()
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        if (_next == 0)
        {
            _next = allocated + PaceBytes;
        }
        else if (allocated >= _next)
        {
            if (++_paces % AggressiveEvery == 0)
            {
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            }
            else
            {
                GC.Collect(1, GCCollectionMode.Forced, blocking: true);
            }

            _next = GC.GetAllocatedBytesForCurrentThread() + PaceBytes;
        }
    }
}

/// <summary>The console for tables: piped output is not wrapped at 80 columns, so scripts and logs get whole lines.</summary>
internal static class Terminal
{
    public static IAnsiConsole Console
    {
        get
        {
            var console = AnsiConsole.Console;
            if (System.Console.IsOutputRedirected)
            {
                console.Profile.Width = 240;
            }

            return console;
        }
    }
}
