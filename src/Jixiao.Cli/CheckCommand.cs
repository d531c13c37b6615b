using System.CommandLine;
using Jixiao.Domain.Checks;
using Jixiao.Domain.Model;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Scoring;
using Jixiao.Formats.Json;
using Spectre.Console;

namespace Jixiao.Cli;

/// <summary>
/// <c>jixiao check FILE... [--format json|table] [--policy NAME] [--disable CODE]</c>: runs the rule
/// catalogue over the forms of all files together. Exit 0 without error findings, 1 with, 2 when a file
/// could not be read.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = "公开文件：文本、PDF 或交换 JSON" };
        var format = CliOptions.Format();
        var policy = PolicyOption.Create();
        var disable = new Option<string[]>("--disable") { Description = "不运行的规则代码（可多次指定）" };
        var command = new Command("check", "审核绩效表：算术、指标质量、资金与跨年度规则，输出发现的问题") { files, format, policy, disable };
        command.SetAction(result => Run(result.GetValue(files) ?? [], result.GetValue(format) ?? "json", result.GetValue(policy), result.GetValue(disable) ?? []));
        return command;
    }

    private static int Run(string[] paths, string format, string? policy, string[] disabled)
    {
        var options = new CheckOptions { Policy = ScoringPolicy.Find(policy), Disabled = disabled.ToHashSet() };
        if (Checker.UnknownCodes(options).Where(c => !MonitoringAssessor.Codes.ContainsKey(c)).ToList() is { Count: > 0 } unknown)
        {
            Console.Error.WriteLine($"jixiao: 未知的规则代码：{string.Join(", ", unknown)}");
            return 2;
        }

        var (documents, exit) = InputFiles.Load(paths);
        var findings = Checker.Check(documents, options);
        var (monitoring, monitoringExit) = MonitorCommand.Findings(paths, options.Disabled, Console.Error);
        findings = [.. findings, .. monitoring];
        exit = Math.Max(exit, monitoringExit);
        if (format == "table")
        {
            FindingsTable.Write(findings);
        }
        else
        {
            using var stdout = Console.OpenStandardOutput();
            FindingsJson.Write(stdout, findings);
            stdout.WriteByte((byte)'\n');
        }

        return exit != 0 ? exit : findings.Any(f => f.Severity == Severity.Error) ? 1 : 0;
    }
}

/// <summary>Findings for people: one table per form, then a count by severity.</summary>
internal static class FindingsTable
{
    public static void Write(IReadOnlyList<Finding> findings)
    {
        var console = AnsiConsole.Console;
        foreach (var form in findings.GroupBy(f => (f.Source, f.Form)))
        {
            var title = $"[bold]{Markup.Escape(form.Key.Source)}[/] · {Markup.Escape(form.Key.Form ?? "")}";
            var table = new Table().Border(TableBorder.Rounded).Title(title)
                .AddColumn(new TableColumn("级别").NoWrap())
                .AddColumn(new TableColumn("行").RightAligned().NoWrap())
                .AddColumn(new TableColumn("规则").NoWrap())
                .AddColumn("指标")
                .AddColumn("说明");
            foreach (var f in form)
            {
                table.AddRow(
                    $"[{Color(f.Severity)}]{Label(f.Severity)}[/]",
                    f.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(f.Code),
                    Markup.Escape(f.Indicator ?? ""),
                    Markup.Escape(f.Message));
            }

            console.Write(table);
        }

        int Count(Severity s) => findings.Count(f => f.Severity == s);
        console.MarkupLine($"错误 [red]{Count(Severity.Error)}[/]，警告 [yellow]{Count(Severity.Warning)}[/]，提示 {Count(Severity.Info)}");
    }

    private static string Label(Severity s) => s switch { Severity.Error => "错误", Severity.Warning => "警告", _ => "提示" };

    private static string Color(Severity s) => s switch { Severity.Error => "red", Severity.Warning => "yellow", _ => "grey" };
}
