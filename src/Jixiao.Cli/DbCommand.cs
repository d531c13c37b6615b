using System.CommandLine;
using System.Globalization;
using Jixiao.Formats.Json;
using Jixiao.Storage;
using Jixiao.Storage.Queries;
using Spectre.Console;

namespace Jixiao.Cli;

/// <summary><c>jixiao db init|stats|export|link</c>: the database itself.</summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var command = new Command("db", "数据库：建表与升级、统计、导出、关联项目");
        command.Subcommands.Add(Init());
        command.Subcommands.Add(Stats());
        command.Subcommands.Add(Export());
        command.Subcommands.Add(Link());
        return command;
    }

    private static Command Init()
    {
        var db = StoreCli.Db();
        var format = CliOptions.Format("table");
        var command = new Command("init", "创建数据库或把它升级到最新结构版本") { db, format };
        command.SetAction(r => StoreCli.Run(() =>
        {
            var database = JixiaoDatabase.Open(r.GetValue(db));
            var applied = database.Migrate();
            var version = database.SchemaVersion();
            if (r.GetValue(format) == "json")
            {
                StoreCli.WriteJson(new { database = database.Target.ToString(), schemaVersion = version, applied = applied.Select(m => m.Name) });
            }
            else
            {
                Console.WriteLine(applied.Count == 0
                    ? $"{database.Target}：结构版本 {version}，已是最新。"
                    : $"{database.Target}：已应用 {string.Join("、", applied.Select(m => m.Name))}，结构版本 {version}。");
            }

            return Task.FromResult(0);
        }));
        return command;
    }

    private static Command Stats()
    {
        var db = StoreCli.Db();
        var format = CliOptions.Format("table");
        var command = new Command("stats", "数据库中的部门、单位、项目、表、指标等数量") { db, format };
        command.SetAction((r, ct) => StoreCli.Run(async () =>
        {
            var store = OpenStore(r.GetValue(db));
            var stats = await store.StatsAsync(ct);
            if (r.GetValue(format) == "json")
            {
                StoreCli.WriteJson(stats);
                return 0;
            }

            var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(stats.Database)}[/]（结构版本 {stats.SchemaVersion}）");
            table.AddColumn("项");
            table.AddColumn(new TableColumn("数量").RightAligned());
            (string, object)[] rows =
            [
                ("主管部门", stats.Departments), ("实施单位", stats.Units), ("项目", stats.Projects), ("项目年度", stats.ProjectYears),
                ("跨年度项目", stats.ProjectsAcrossYears), ("上下级项目关联", stats.ProjectRelations), ("来源文件", stats.SourceDocuments),
                ("文件版本", stats.DocumentVersions), ("绩效表（现行）", stats.Forms), ("  目标申报表", stats.TargetForms),
                ("  自评表", stats.SelfEvaluations), ("绩效表（含历史版本）", stats.FormsInHistory), ("指标", stats.Indicators),
                ("预算执行行", stats.BudgetRows), ("读取诊断", stats.Diagnostics), ("审核发现", stats.Findings),
                ("申报资金合计（元）", stats.TargetFunds.ToString("N2", CultureInfo.InvariantCulture)),
            ];
            foreach (var (name, value) in rows)
            {
                table.AddRow(name, Convert.ToString(value is int n ? n.ToString("N0", CultureInfo.InvariantCulture) : value, CultureInfo.InvariantCulture) ?? "");
            }

            foreach (var y in stats.Years)
            {
                table.AddRow($"{y.Year?.ToString(CultureInfo.InvariantCulture) ?? "年度不明"} 年度：表 / 指标", $"{y.Forms:N0} / {y.Indicators:N0}");
            }

            AnsiConsole.Write(table);
            return 0;
        }));
        return command;
    }

    private static Command Export()
    {
        var db = StoreCli.Db();
        var format = CliOptions.Format("json");
        var output = new Option<string?>("--output", "-o") { Description = "写入此文件（默认标准输出）" };
        var command = new Command("export", "导出现行版本的全部绩效表：交换 JSON（每个来源一个文档）或摘要表") { db, format, output };
        command.SetAction((r, ct) => StoreCli.Run(async () =>
        {
            var documents = await OpenStore(r.GetValue(db)).ExportAsync(ct);
            if (r.GetValue(format) == "table")
            {
                SummaryTable.Write(documents);
                return 0;
            }

            var path = r.GetValue(output);
            await using var stream = path is null ? Console.OpenStandardOutput() : File.Create(path);
            DisclosureJson.WriteMany(stream, documents);
            stream.WriteByte((byte)'\n');
            return 0;
        }));
        return command;
    }

    private static Command Link()
    {
        var parent = new Argument<long>("PARENT") { Description = "上级（汇总）项目的编号" };
        var child = new Argument<long>("CHILD") { Description = "下级项目的编号" };
        var db = StoreCli.Db();
        var format = CliOptions.Format("table");
        var command = new Command("link", "手工把一个项目登记为另一个项目的下级项目（编号见 history / search 的 JSON 输出）") { parent, child, db, format };
        command.SetAction((r, ct) => StoreCli.Run(async () =>
        {
            var added = await OpenStore(r.GetValue(db)).LinkProjectsAsync(r.GetValue(parent), r.GetValue(child), ct);
            if (r.GetValue(format) == "json")
            {
                StoreCli.WriteJson(new { parent = r.GetValue(parent), child = r.GetValue(child), added });
            }
            else
            {
                Console.WriteLine(added ? "已关联。" : "关联已存在。");
            }

            return 0;
        }));
        return command;
    }

    /// <summary>The store, after checking that its schema is the one this program reads.</summary>
    internal static JixiaoStore OpenStore(string? db)
    {
        var store = JixiaoStore.Open(db);
        store.Database.EnsureCurrentSchema();
        return store;
    }
}
