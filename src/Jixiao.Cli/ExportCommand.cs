using System.CommandLine;
using Jixiao.Domain.Monitoring;
using Jixiao.Formats.Csv;
using Jixiao.Formats.Json;
using Jixiao.Formats.Xlsx;

namespace Jixiao.Cli;

/// <summary><c>jixiao export FILE... --format xlsx|csv|json --out PATH [--summary]</c>: writes what was read in another format.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = "公开文件：文本、PDF、交换 JSON 或 XLSX" };
        var format = new Option<string>("--format") { Description = "导出格式：xlsx（按官方表样排版，A4 可打印）、csv 或 json", DefaultValueFactory = _ => "xlsx" };
        format.AcceptOnlyFromAmong("xlsx", "csv", "json");
        var output = new Option<string>("--out") { Description = "输出位置：xlsx、json 为文件，csv 为文件夹（forms.csv、indicators.csv、scores.csv）", Required = true };
        var summary = new Option<bool>("--summary") { Description = "附上各实施单位的汇总表（xlsx 中的工作表，csv 中的 units.csv）" };
        var template = new Option<bool>("--template") { Description = "执行监控表导出为一行一个指标的导入模板（仅 xlsx）" };
        var command = new Command("export", "把绩效表导出为 XLSX、CSV 或交换 JSON") { files, format, output, summary, template };
        command.Validators.Add(result =>
        {
            if (result.GetValue(summary) && result.GetValue(format) == "json")
            {
                result.AddError("--summary 只适用于 xlsx 和 csv。");
            }
        });
        command.SetAction(result =>
        {
            var paths = result.GetValue(files) ?? [];
            var monitoring = paths.Where(MonitorCommand.HoldsMonitoring).ToList();
            return monitoring.Count == 0
                ? Run(paths, result.GetValue(format) ?? "xlsx", result.GetValue(output)!, result.GetValue(summary))
                : RunMonitoring(paths, monitoring, result.GetValue(format) ?? "xlsx", result.GetValue(output)!, result.GetValue(template), Console.Error);
        });
        return command;
    }

    /// <summary>
    /// Exports monitoring forms (JSON or XLSX in): XLSX in the 执行监控表 layout or, with <paramref name="template"/>,
    /// as the import template (one workbook per form: the template holds one form); JSON as the interchange document.
    /// </summary>
    internal static int RunMonitoring(string[] paths, List<string> monitoring, string format, string output, bool template, TextWriter error)
    {
        if (paths.Except(monitoring).FirstOrDefault() is { } other)
        {
            error.WriteLine($"jixiao: 执行监控表请单独导出（{Path.GetFileName(other)} 中没有执行监控表）。");
            return 2;
        }

        if (format == "csv")
        {
            error.WriteLine("jixiao: 执行监控表可导出为 xlsx 或 json。");
            return 2;
        }

        var documents = new List<MonitoringDocument>();
        foreach (var path in monitoring)
        {
            if (MonitorCommand.Load(path, MonitoringPolicy.Default, error) is not { } read)
            {
                return 2;
            }

            documents.AddRange(read);
        }

        var forms = documents.SelectMany(d => d.Forms).ToList();
        if (template && (format != "xlsx" || forms.Count != 1))
        {
            error.WriteLine($"jixiao: --template 只适用于 xlsx，且一次一张执行监控表（读到 {forms.Count} 张）。");
            return 2;
        }

        try
        {
            using var stream = File.Create(output);
            if (format == "json")
            {
                MonitoringJson.Write(stream, documents);
            }
            else if (template)
            {
                MonitoringXlsx.WriteTemplate(stream, forms[0]);
            }
            else
            {
                MonitoringXlsx.Write(stream, forms);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"jixiao: 无法写出 {output}：{ex.Message}");
            return 2;
        }

        error.WriteLine($"已导出 {forms.Count} 张执行监控表、{forms.Sum(f => f.Indicators.Count)} 个指标：{output}");
        return 0;
    }

    private static int Run(string[] paths, string format, string output, bool summary)
    {
        var (documents, exit) = InputFiles.Load(paths);
        var forms = documents.SelectMany(d => d.Forms).ToList();
        if (forms.Count == 0 && format == "xlsx")
        {
            Console.Error.WriteLine($"jixiao: 没有读到任何绩效表，未写出 {output}。");
            return 2;
        }

        try
        {
            if (format == "csv")
            {
                CsvExport.WriteFolder(output, documents, units: summary);
            }
            else
            {
                using var stream = File.Create(output);
                if (format == "xlsx")
                {
                    XlsxExporter.Write(stream, forms, summary);
                }
                else if (documents.Count == 1 && paths.Length == 1)
                {
                    DisclosureJson.Write(stream, documents[0]);
                }
                else
                {
                    DisclosureJson.WriteMany(stream, documents);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"jixiao: 无法写出 {output}：{ex.Message}");
            return 2;
        }

        Console.Error.WriteLine($"已导出 {forms.Count} 张表、{forms.Sum(f => f.Indicators.Count)} 个指标：{output}");
        return exit;
    }
}
