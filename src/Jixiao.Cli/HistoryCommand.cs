using System.CommandLine;
using System.Globalization;
using Jixiao.Storage.Queries;
using Spectre.Console;

namespace Jixiao.Cli;

/// <summary><c>jixiao history --unit … [--project …]</c>: a unit's projects across years, targets and actuals side by side.</summary>
internal static class HistoryCommand
{
    public static Command Create()
    {
        var unit = new Option<string>("--unit") { Description = "实施单位（全称或其中一段）", Required = true };
        var project = new Option<string?>("--project") { Description = "项目名称（其中一段，任一年度的名称均可）" };
        var db = StoreCli.Db();
        var format = CliOptions.Format("table");
        var command = new Command("history", "一个单位的项目跨年度对照：各年度的资金、得分，以及每个指标的目标值与实际值") { unit, project, db, format };
        command.SetAction((r, ct) => StoreCli.Run(async () =>
        {
            var histories = await DbCommand.OpenStore(r.GetValue(db)).HistoryAsync(r.GetValue(unit)!, r.GetValue(project), ct);
            if (r.GetValue(format) == "json")
            {
                StoreCli.WriteJson(histories);
            }
            else
            {
                foreach (var h in histories)
                {
                    Write(h);
                }

                Console.WriteLine($"{histories.Count} 个项目");
            }

            return histories.Count == 0 ? 1 : 0;
        }));
        return command;
    }

    private static void Write(ProjectHistoryView h)
    {
        var years = h.Years.Select(y => y.Year).ToList();
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]{Markup.Escape(h.Name)}[/]（项目 {h.ProjectId}，{Markup.Escape(h.Unit)}）");
        table.AddColumn("二级指标");
        table.AddColumn("三级指标");
        foreach (var y in years)
        {
            table.AddColumn($"{y} 目标");
            table.AddColumn($"{y} 实际");
        }

        table.AddRow(["名称", ""], h.Years.SelectMany(y => new[] { Markup.Escape(y.Name), y.MatchKind == "similar" ? $"[yellow]更名 {y.Similarity:0.00}[/]" : "" }));
        table.AddRow(["资金", "申报（元）"], h.Years.SelectMany(y => new[] { Money(y.Target?.Funds), "" }));
        table.AddRow(["", "预算 / 执行（万元）"], h.Years.SelectMany(y => new[] { Money(y.SelfEvaluation?.Budget), Money(y.SelfEvaluation?.Executed) }));
        table.AddRow(["得分", ""], h.Years.SelectMany(y => new[] { "", y.SelfEvaluation is { } s ? $"{s.TotalScore} {s.Grade}" : "" }));
        table.AddEmptyRow();
        foreach (var i in h.Indicators)
        {
            table.AddRow([Markup.Escape(i.Level2), Markup.Escape(i.Name)], years.SelectMany(y => i.Years.FirstOrDefault(c => c.Year == y) is { } c
                ? new[] { Markup.Escape(c.Target ?? ""), Markup.Escape(c.Actual ?? "") }
                : ["", ""]));
        }

        AnsiConsole.Write(table);
        foreach (var p in h.Parents)
        {
            AnsiConsole.MarkupLine($"  上级项目：{Markup.Escape(p.Name)}（{p.ProjectId}，{p.Origin}）");
        }

        foreach (var c in h.Children)
        {
            AnsiConsole.MarkupLine($"  下级项目：{Markup.Escape(c.Name)}（{c.ProjectId}，{c.Origin}）");
        }
    }

    private static string Money(decimal? value) => value?.ToString("N2", CultureInfo.InvariantCulture) ?? "";

    private static void AddRow(this Table table, string[] head, IEnumerable<string> cells) => table.AddRow([.. head, .. cells]);
}
