using System.CommandLine;
using System.Globalization;
using Jixiao.Domain.Reports;
using Jixiao.Formats.Json;
using Spectre.Console;

namespace Jixiao.Cli;

/// <summary><c>jixiao summary FILE... [--department NAME] [--year N] [--format json|table]</c>: 部门项目绩效概况.</summary>
internal static class SummaryCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = "公开文件：文本、PDF、交换 JSON 或 XLSX" };
        var department = new Option<string?>("--department") { Description = "主管部门；缺省时逐个主管部门汇总" };
        var year = new Option<int?>("--year") { Description = "年度；缺省时逐个年度汇总" };
        var format = CliOptions.Format("table");
        var command = new Command("summary", "部门项目绩效概况：申报目标与开展自评的项目、资金、平均得分、等级分布和一段部门决算式说明")
        {
            files, department, year, format,
        };
        command.SetAction(result => Run(result.GetValue(files) ?? [], result.GetValue(department), result.GetValue(year), result.GetValue(format) ?? "table"));
        return command;
    }

    private static int Run(string[] paths, string? department, int? year, string format)
    {
        var (documents, exit) = InputFiles.Load(paths);
        var forms = documents.SelectMany(d => d.Forms).ToList();
        var one = department is not null && year is not null;
        var summaries = one ? [DepartmentSummary.Build(forms, department!, year!.Value)] : DepartmentSummary.BuildAll(forms, department, year);
        if (format == "json")
        {
            using var stdout = Console.OpenStandardOutput();
            if (one)
            {
                DepartmentSummaryJson.Write(stdout, summaries[0]);
            }
            else
            {
                DepartmentSummaryJson.WriteMany(stdout, summaries);
            }

            stdout.WriteByte((byte)'\n');
        }
        else
        {
            foreach (var summary in summaries)
            {
                Write(summary);
            }
        }

        return exit;
    }

    private static void Write(DepartmentSummary s)
    {
        var console = Terminal.Console;
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(s.Department)} {s.Year}年度[/]");
        table.AddColumn("实施单位");
        table.AddColumn(new TableColumn("申报目标项目").RightAligned());
        table.AddColumn(new TableColumn("申报资金（元）").RightAligned());
        table.AddColumn(new TableColumn("自评项目").RightAligned());
        table.AddColumn(new TableColumn("平均得分").RightAligned());
        foreach (var u in s.Units)
        {
            table.AddRow(Markup.Escape(u.Unit), Count(u.TargetProjects), Money(u.TargetFunds), Count(u.EvaluatedProjects), Money(u.AverageScore));
        }

        table.AddRow("[bold]合计[/]", Count(s.TargetProjects), Money(s.TargetFunds), Count(s.EvaluatedProjects), Money(s.AverageScore));
        console.Write(table);
        console.MarkupLine(Markup.Escape($"评分等级：{string.Join("，", DepartmentSummary.GradeLabels.Select(g => $"{g} {s.Grades[g]}"))}"));
        console.WriteLine(s.Paragraph);
        console.WriteLine();
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Money(decimal? value) =>
        value is { } v ? Math.Round(v, 2, MidpointRounding.AwayFromZero).ToString("N2", CultureInfo.InvariantCulture) : "-";
}
