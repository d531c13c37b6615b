using System.CommandLine;
using Spectre.Console;

namespace Jixiao.Cli;

/// <summary><c>jixiao search TEXT</c>: projects and indicators that mention a text.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var text = new Argument<string>("TEXT") { Description = "要找的文字（忽略空白）" };
        var limit = new Option<int>("--limit") { Description = "每类最多列出的条数", DefaultValueFactory = _ => 50 };
        var db = StoreCli.Db();
        var format = CliOptions.Format("table");
        var command = new Command("search", "在项目名称与指标（名称、目标值、实际值）中查找文字") { text, limit, db, format };
        command.SetAction((r, ct) => StoreCli.Run(async () =>
        {
            var found = await DbCommand.OpenStore(r.GetValue(db)).SearchAsync(r.GetValue(text)!, r.GetValue(limit), ct);
            if (r.GetValue(format) == "json")
            {
                StoreCli.WriteJson(found);
                return 0;
            }

            var projects = new Table().Border(TableBorder.Rounded).Title($"[bold]项目（{found.Projects.Count}）[/]");
            foreach (var column in new[] { "编号", "实施单位", "项目", "年度" })
            {
                projects.AddColumn(column);
            }

            foreach (var p in found.Projects)
            {
                projects.AddRow($"{p.ProjectId}", Markup.Escape(p.Unit), Markup.Escape(string.Join(" / ", p.Names)), string.Join("、", p.Years));
            }

            var indicators = new Table().Border(TableBorder.Rounded).Title($"[bold]指标（{found.Indicators.Count}）[/]");
            foreach (var column in new[] { "表", "实施单位", "项目", "年度", "二级指标", "三级指标", "目标", "实际" })
            {
                indicators.AddColumn(column);
            }

            foreach (var i in found.Indicators)
            {
                indicators.AddRow($"{i.FormId}", Markup.Escape(i.Unit), Markup.Escape(i.Project), $"{i.Year}", Markup.Escape(i.Level2), Markup.Escape(i.Name), Markup.Escape(i.Target), Markup.Escape(i.Actual ?? ""));
            }

            AnsiConsole.Write(projects);
            AnsiConsole.Write(indicators);
            return 0;
        }));
        return command;
    }
}
