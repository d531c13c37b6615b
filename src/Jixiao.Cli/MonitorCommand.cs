using System.CommandLine;
using Jixiao.Application;
using System.Text.Json;
using Jixiao.Domain.Checks;
using Jixiao.Domain.Model;
using Jixiao.Domain.Monitoring;
using Jixiao.Formats.Json;
using Jixiao.Formats.Sources;
using Jixiao.Formats.Xlsx;
using Spectre.Console;

namespace Jixiao.Cli;

/// <summary>
/// <c>jixiao monitor FILE [--policy monitoring-2025] [--format json|table]</c>: the lights of the monitoring
/// forms (shared/spec/monitoring.md) in an interchange JSON. JSON: the document back with each form's
/// <c>monitoring</c> annotation and each indicator's <c>light</c>; table: 绿/黄/红 with the reasons in words.
/// Exit 0, or 2 with every bad field on stderr and nothing on stdout when the input cannot be used.
/// </summary>
public static class MonitorCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "执行监控表：交换 JSON（kind: monitoring）或 XLSX（监控表表样或导入模板）" };
        var format = CliOptions.Format();
        var policy = new Option<string>("--policy")
        {
            Description = $"监控口径：{string.Join("、", MonitoringPolicy.BuiltIn.Select(p => p.Name))}",
            DefaultValueFactory = _ => MonitoringPolicy.Default.Name,
        };
        policy.AcceptOnlyFromAmong([.. MonitoringPolicy.BuiltIn.Select(p => p.Name)]);
        var command = new Command("monitor", "绩效运行监控：计算时间进度、执行率，给出预算、指标与整表的红黄绿灯及原因") { file, policy, format };
        command.SetAction(result => Run(result.GetValue(file)!, result.GetValue(policy), result.GetValue(format) ?? "json", Console.Out, Console.Error));
        return command;
    }

    /// <summary>Runs the command, writing to the given streams (the tests run it in process).</summary>
    public static int Run(string path, string? policyName, string format, TextWriter output, TextWriter error)
    {
        var policy = MonitoringPolicy.Find(policyName ?? MonitoringPolicy.Default.Name);
        if (policy is null)
        {
            error.WriteLine($"jixiao: 未知的监控口径：{policyName}");
            return 2;
        }

        if (Load(path, policy, error) is not { } documents)
        {
            return 2;
        }

        if (documents.All(d => d.Forms.Count == 0))
        {
            error.WriteLine($"jixiao: {Path.GetFileName(path)} 中没有执行监控表（kind: \"monitoring\"）");
            return 2;
        }

        var source = Path.GetFileName(path);
        var assessments = new Dictionary<MonitoringForm, MonitoringAssessment>(ReferenceEqualityComparer.Instance);
        foreach (var form in documents.SelectMany(d => d.Forms))
        {
            assessments[form] = MonitoringAssessor.Assess(form, policy, source);
        }

        if (format == "table")
        {
            MonitoringTable.Write(output, documents, assessments);
        }
        else
        {
            using var buffer = new MemoryStream();
            MonitoringJson.Write(buffer, documents, assessments.GetValueOrDefault);
            output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }

        return 0;
    }

    /// <summary>
    /// The <c>monitoring.*</c> findings of every monitoring form in the files (for <c>jixiao check</c>); files
    /// without monitoring forms are left to the other readers. Exit 2 when a monitoring form cannot be used.
    /// </summary>
    internal static (List<Finding> Findings, int Exit) Findings(IEnumerable<string> paths, IReadOnlySet<string> disabled, TextWriter error)
    {
        var findings = new List<Finding>();
        var exit = 0;
        foreach (var path in paths)
        {
            if (!HoldsMonitoring(path))
            {
                continue;
            }

            if (Load(path, MonitoringPolicy.Default, error) is not { } documents)
            {
                exit = 2;
                continue;
            }

            foreach (var form in documents.SelectMany(d => d.Forms))
            {
                findings.AddRange(MonitoringAssessor.Assess(form, MonitoringPolicy.Default, Path.GetFileName(path)).Findings.Where(f => !disabled.Contains(f.Code)));
            }
        }

        return (findings, exit);
    }

    /// <summary>
    /// Whether a file holds monitoring forms: an interchange JSON with forms of <c>kind: "monitoring"</c>, or a
    /// workbook with a 执行监控表 sheet. Other files (text, PDF, other forms) are left to the other readers.
    /// </summary>
    internal static bool HoldsMonitoring(string path) => File.Exists(path) && MonitoringFiles.HoldsFile(path);

    /// <summary>The monitoring documents of a JSON or XLSX file; null, with every problem on <paramref name="error"/>, when it cannot be used.</summary>
    internal static IReadOnlyList<MonitoringDocument>? Load(string path, MonitoringPolicy policy, TextWriter error)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            error.WriteLine($"jixiao: 文件不存在：{path}");
            return null;
        }

        try
        {
            return MonitoringFiles.Read(name, File.ReadAllBytes(path), policy);
        }
        catch (UnreadableSourceException ex)
        {
            error.WriteLine($"jixiao: {ex.Message}");
        }
        catch (JsonException ex)
        {
            error.WriteLine($"jixiao: {name} 不是有效的 JSON：{ex.Message}");
        }
        catch (MonitoringInputException ex)
        {
            foreach (var problem in ex.Problems)
            {
                error.WriteLine(problem.Field.Length == 0 ? $"jixiao: {name}: {problem.Message}" : $"jixiao: {name}: {problem.Field}: {problem.Message}");
            }
        }
        catch (IOException ex)
        {
            error.WriteLine($"jixiao: 无法读取文件 {path}：{ex.Message}");
        }

        return null;
    }
}

/// <summary>The lights for people: per form its header lines, a table with one row per indicator and its 绿/黄/红, then each indicator's reason and the findings.</summary>
internal static class MonitoringTable
{
    public static void Write(TextWriter output, IReadOnlyList<MonitoringDocument> documents, IReadOnlyDictionary<MonitoringForm, MonitoringAssessment> assessments)
    {
        var console = ReferenceEquals(output, Console.Out)
            ? AnsiConsole.Console
            : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        if (!ReferenceEquals(output, Console.Out))
        {
            console.Profile.Width = 400;
        }

        foreach (var form in documents.SelectMany(d => d.Forms))
        {
            var a = assessments[form];
            var b = a.Budget;
            console.MarkupLine($"[bold]{Markup.Escape(form.Name)}[/] · {Markup.Escape(form.Unit)} · {form.Year}年{form.Period} · {Markup.Escape(a.Policy.Name)}");
            console.MarkupLine($"时间进度 {b.TimeProgress:0.00}%　执行率 {b.Rate:0.00}%（{b.BaseLabel}）");
            console.MarkupLine($"预算执行 {Lamp(b.Light)}：{Markup.Escape(b.Reason)}");
            console.MarkupLine($"整表 {Lamp(a.Light)}：{Markup.Escape(a.Reason)}");
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("指标")
                .AddColumn("年度指标值")
                .AddColumn($"{form.Period}实际")
                .AddColumn("全年预计")
                .AddColumn("可能性")
                .AddColumn(new TableColumn("灯").NoWrap());
            for (var k = 0; k < form.Indicators.Count; k++)
            {
                var i = form.Indicators[k];
                table.AddRow(
                    Markup.Escape(i.Name),
                    Markup.Escape(i.Target),
                    Markup.Escape(i.Actual ?? ""),
                    Markup.Escape(i.Forecast ?? ""),
                    Markup.Escape(i.Likelihood?.Label() ?? ""),
                    Lamp(a.Indicators[k].Light));
            }

            console.Write(table);
            for (var k = 0; k < form.Indicators.Count; k++)
            {
                console.MarkupLine($"{Lamp(a.Indicators[k].Light)} {Markup.Escape(form.Indicators[k].Name)}：{Markup.Escape(a.Indicators[k].Reason)}");
            }

            foreach (var f in a.Findings)
            {
                console.MarkupLine($"{(f.Severity == Severity.Error ? "[red]错误[/]" : "[yellow]警告[/]")} {Markup.Escape(f.Code)} {Markup.Escape(f.Indicator ?? "")} {Markup.Escape(f.Message)}");
            }

            console.WriteLine();
        }
    }

    private static string Lamp(Light light) => light switch
    {
        Light.Red => "[red]红[/]",
        Light.Yellow => "[yellow]黄[/]",
        _ => "[green]绿[/]",
    };
}
