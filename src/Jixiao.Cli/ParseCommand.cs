using System.CommandLine;
using Jixiao.Domain.Model;
using Jixiao.Formats.Json;
using Jixiao.Formats.Sources;
using Spectre.Console;

namespace Jixiao.Cli;

/// <summary><c>jixiao parse FILE... [--format json|table]</c>: reads published forms and prints them.</summary>
internal static class ParseCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = "公开文件：文本、PDF 或交换 JSON" };
        var format = CliOptions.Format();
        var command = new Command("parse", "读取公开的绩效表，输出交换 JSON 或摘要表") { files, format };
        command.SetAction(result => Run(result.GetValue(files) ?? [], result.GetValue(format) ?? "json"));
        return command;
    }

    private static int Run(string[] paths, string format)
    {
        var (documents, exit) = InputFiles.Load(paths);
        if (format == "table")
        {
            SummaryTable.Write(documents);
        }
        else
        {
            using var stdout = Console.OpenStandardOutput();
            if (documents.Count == 1 && paths.Length == 1)
            {
                DisclosureJson.Write(stdout, documents[0]);
            }
            else
            {
                DisclosureJson.WriteMany(stdout, documents);
            }

            stdout.WriteByte((byte)'\n');
        }

        return exit;
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

/// <summary>A readable summary of what was read, for people rather than programs.</summary>
internal static class SummaryTable
{
    public static void Write(IReadOnlyList<DisclosureDocument> documents)
    {
        var console = Terminal.Console;
        foreach (var doc in documents)
        {
            var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(doc.Source)}[/]");
            table.AddColumn("行");
            table.AddColumn("类型");
            table.AddColumn("年度");
            table.AddColumn("实施单位");
            table.AddColumn("项目名称");
            table.AddColumn(new TableColumn("指标数").RightAligned());
            table.AddColumn(new TableColumn("资金/总分").RightAligned());
            foreach (var f in doc.Forms)
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

            console.Write(table);
            console.MarkupLine($"表 {doc.Forms.Count} 张，指标 {doc.Forms.Sum(f => f.Indicators.Count)} 个，诊断 {doc.Diagnostics.Count} 条");
            foreach (var d in doc.Diagnostics.Where(d => d.Severity != Severity.Info))
            {
                var color = d.Severity == Severity.Error ? "red" : "yellow";
                console.MarkupLine($"  [{color}]{d.Severity.ToString().ToLowerInvariant()}[/] 第{d.Line}行 {Markup.Escape(d.Code)}：{Markup.Escape(d.Message)}");
            }

            console.WriteLine();
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
