using System.CommandLine;
using Jixiao.Application;
using Jixiao.Storage;
using Jixiao.Storage.Import;
using Spectre.Console;

namespace Jixiao.Cli;

/// <summary>
/// <c>jixiao import FILE... [--db …] [--format table|json]</c>: stores published forms through <see cref="ImportDocuments"/>,
/// each file in one transaction with its findings; this command only expands folders, shows progress and sums up.
/// </summary>
internal static class ImportCommand
{
    /// <summary>Up to this many files are listed one by one in the summary; more are summed up by outcome.</summary>
    private const int ListedFiles = 30;

    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = "公开文件（文本、PDF、交换 JSON）或含这些文件的文件夹" };
        var db = StoreCli.Db();
        var format = CliOptions.Format("table");
        var command = new Command("import", "把公开的绩效表存入数据库：每个文件一个事务，内容相同不重复导入，内容变化记为新版本") { files, db, format };
        command.SetAction(result => StoreCli.Run(() => Task.FromResult(Run(result.GetValue(files) ?? [], result.GetValue(db), result.GetValue(format) ?? "table"))));
        return command;
    }

    private static int Run(string[] paths, string? db, string format)
    {
        var database = JixiaoDatabase.Open(db);
        database.Migrate();
        var sources = SourceFiles.Expand(paths);
        var import = new ImportDocuments(database);
        // The audit log names who imported: the OS user running the command.
        var user = "cli:" + Environment.UserName;
        IReadOnlyList<ImportResult> results = [];
        if (format == "json")
        {
            results = import.Files(sources, user);
            StoreCli.WriteJson(new { database = database.Target.ToString(), totals = Totals(results), files = results });
        }
        else
        {
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(progress =>
                {
                    var task = progress.AddTask($"导入 {sources.Count} 个文件", maxValue: Math.Max(1, sources.Count));
                    results = import.Files(sources, user, _ => task.Increment(1));
                });
            WriteSummary(database, results);
        }

        foreach (var failed in results.Where(r => r.Outcome == ImportOutcome.Failed))
        {
            Console.Error.WriteLine($"jixiao: 跳过 {failed.File}：{failed.Message}");
        }

        return results.Any(r => r.Outcome == ImportOutcome.Failed) ? 2 : 0;
    }

    private static IEnumerable<object> Totals(IReadOnlyList<ImportResult> results) =>
        results.GroupBy(r => r.Outcome).OrderBy(g => g.Key).Select(g => new
        {
            outcome = g.Key,
            files = g.Count(),
            forms = g.Sum(r => r.Forms),
            indicators = g.Sum(r => r.Indicators),
            diagnostics = g.Sum(r => r.Diagnostics),
        });

    private static void WriteSummary(JixiaoDatabase database, IReadOnlyList<ImportResult> results)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]导入到 {Markup.Escape(database.Target.ToString())}[/]");
        var listed = results.Count <= ListedFiles;
        table.AddColumn(listed ? "文件" : "结果");
        table.AddColumn(listed ? "结果" : "文件数");
        table.AddColumn(listed ? "来源 / 版本" : "");
        foreach (var column in new[] { "表", "指标", "诊断" })
        {
            table.AddColumn(new TableColumn(column).RightAligned());
        }

        if (listed)
        {
            foreach (var r in results)
            {
                table.AddRow(Markup.Escape(r.File), Label(r.Outcome), Markup.Escape(r.Source is null ? r.Message ?? "" : r.Source == r.File ? $"v{r.Version}" : $"{r.Source} v{r.Version}"), N(r.Forms), N(r.Indicators), N(r.Diagnostics));
            }
        }
        else
        {
            foreach (var g in results.GroupBy(r => r.Outcome).OrderBy(g => g.Key))
            {
                table.AddRow(Label(g.Key), N(g.Count()), "", N(g.Sum(r => r.Forms)), N(g.Sum(r => r.Indicators)), N(g.Sum(r => r.Diagnostics)));
            }
        }

        AnsiConsole.Write(table);
    }

    private static string Label(ImportOutcome outcome) => outcome switch
    {
        ImportOutcome.Imported => "[green]已导入[/]",
        ImportOutcome.NewVersion => "[green]新版本[/]",
        ImportOutcome.Unchanged => "[grey]未变化[/]",
        _ => "[red]失败[/]",
    };

    private static string N(int n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
