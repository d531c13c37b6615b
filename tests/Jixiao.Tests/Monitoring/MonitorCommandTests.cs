using System.Diagnostics;
using System.Text.Json;
using Jixiao.Cli;

namespace Jixiao.Tests.Monitoring;

/// <summary><c>jixiao monitor</c> in process on the sample, and <c>jixiao check</c> as a user runs it.</summary>
public class MonitorCommandTests
{
    private static (int Exit, string Out, string Err) Monitor(string path, string format = "json", string? policy = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = MonitorCommand.Run(path, policy, format, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Json_prints_the_document_with_the_monitoring_annotation_and_indicator_lights()
    {
        var (exit, output, error) = Monitor(MonitoringSample.Path, policy: "monitoring-2025");
        Assert.Equal((0, ""), (exit, error));
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("jixiao.disclosure/1", doc.RootElement.GetProperty("schema").GetString());
        var form = doc.RootElement.GetProperty("forms")[0];
        var m = form.GetProperty("monitoring");
        Assert.Equal(("monitoring-2025", 58.33m, 36.26m, "yellow", "red"),
            (m.GetProperty("policy").GetString(), m.GetProperty("timeProgress").GetDecimal(), m.GetProperty("rate").GetDecimal(),
             m.GetProperty("budgetLight").GetString(), m.GetProperty("light").GetString()));
        Assert.Equal("全年预计完成值 0(次) 未达到年度指标值 ≥1.00(次)，却填完成目标可能性为“确定能” → 红",
            form.GetProperty("indicators")[1].GetProperty("lightReason").GetString());
        Assert.Equal("组织人事专项", form.GetProperty("name").GetString());
    }

    [Fact]
    public void Table_shows_the_lights_in_chinese_with_their_reasons()
    {
        var (exit, output, _) = Monitor(MonitoringSample.Path, "table");
        Assert.Equal(0, exit);
        Assert.Contains("时间进度 58.33%　执行率 36.26%（年初预算数）", output);
        Assert.Contains("预算执行 黄：执行率 36.26% 落后时间进度 58.33% 22.07 个百分点 → 黄", output);
        Assert.Contains("整表 红：预算执行 黄；指标 红 2 个、黄 2 个、绿 3 个 → 红", output);
        Assert.Contains("红 培训人员满意度：完成目标可能性为“完全不可能”；全年预计完成值 80(%) 未达到年度指标值 ≥85.00(%) → 红", output);
        Assert.Contains("绿 提升干部能力和素质情况：定性指标，完成目标可能性为“确定能” → 绿", output);
        Assert.Contains("monitoring.cause-missing", output);
    }

    [Fact]
    public void Bad_input_is_an_error_naming_the_field_and_nothing_is_printed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"jixiao-monitor-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, MonitoringJsonTests.Bad("\"through\": 13").Replace("\"likelihood\": \"possible\"", "\"likelihood\": \"maybe\""));
        try
        {
            var (exit, output, error) = Monitor(path);
            Assert.Equal((2, ""), (exit, output));
            Assert.Contains("forms[0].through: 截至月份须为 1 到 12 的整数，实为 13", error);
            Assert.Contains("forms[0].indicators[0].likelihood: 完成目标可能性“maybe”不在 certain、possible、impossible 之中", error);
        }
        finally
        {
            File.Delete(path);
        }

        var missing = Monitor("/nonexistent/m.json");
        Assert.Equal((2, ""), (missing.Exit, missing.Out));
        Assert.Contains("文件不存在", missing.Err);
    }

    [Fact]
    public void Check_reports_the_monitoring_findings_and_monitor_runs_from_the_executable()
    {
        var check = Jixiao("check", MonitoringSample.Path);
        Assert.Equal(1, check.Exit); // monitoring.cause-missing is an error
        using (var doc = JsonDocument.Parse(check.Out))
        {
            var codes = doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
            Assert.Equal(["monitoring.likelihood-inconsistent", "monitoring.unit-mismatch", "monitoring.cause-missing"], codes);
        }

        Assert.Equal(0, Jixiao("check", MonitoringSample.Path, "--disable", "monitoring.cause-missing").Exit);
        var monitor = Jixiao("monitor", MonitoringSample.Path, "--format", "json");
        Assert.Equal(0, monitor.Exit);
        Assert.Contains("\"budgetLight\": \"yellow\"", monitor.Out);
    }

    [Fact]
    public void Export_writes_the_monitoring_workbook_and_template_that_monitor_and_check_read_back()
    {
        var dir = Directory.CreateTempSubdirectory("jixiao-monitor-");
        try
        {
            var official = Path.Combine(dir.FullName, "监控表.xlsx");
            var template = Path.Combine(dir.FullName, "模板.xlsx");
            var export = Jixiao("export", MonitoringSample.Path, "--format", "xlsx", "--out", official);
            Assert.Equal((0, "已导出 1 张执行监控表、7 个指标：" + official), (export.Exit, export.Err.Trim()));
            Assert.Equal(0, Jixiao("export", MonitoringSample.Path, "--format", "xlsx", "--template", "--out", template).Exit);

            // The lights from either workbook are the lights from the JSON, field by field (only the source differs).
            var fromJson = Monitor(MonitoringSample.Path).Out.Replace("sample-monitoring.json", "SOURCE", StringComparison.Ordinal);
            Assert.Equal(fromJson, Monitor(official).Out.Replace("监控表.xlsx", "SOURCE", StringComparison.Ordinal));
            var fromTemplate = Monitor(template);
            Assert.Equal((0, ""), (fromTemplate.Exit, fromTemplate.Err));
            Assert.Contains("\"budgetLight\": \"yellow\"", fromTemplate.Out);

            var check = Jixiao("check", official);
            Assert.Equal(1, check.Exit);
            using var doc = JsonDocument.Parse(check.Out);
            var codes = doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
            Assert.Equal(["monitoring.likelihood-inconsistent", "monitoring.unit-mismatch", "monitoring.cause-missing"], codes);

            // parse reads monitoring forms from either format into the same interchange JSON, without lights.
            var parsedJson = Jixiao("parse", MonitoringSample.Path);
            var parsedXlsx = Jixiao("parse", official);
            Assert.Equal((0, 0), (parsedJson.Exit, parsedXlsx.Exit));
            Assert.Equal(parsedJson.Out.Replace("sample-monitoring.json", "SOURCE", StringComparison.Ordinal),
                parsedXlsx.Out.Replace("监控表.xlsx", "SOURCE", StringComparison.Ordinal));
            Assert.Contains("\"kind\": \"monitoring\"", parsedJson.Out);
            Assert.DoesNotContain("budgetLight", parsedJson.Out);
            var parsedTable = Jixiao("parse", template, "--format", "table");
            Assert.Equal(0, parsedTable.Exit);
            Assert.Contains("组织人事专项", parsedTable.Out);
            Assert.Contains("1–7月", parsedTable.Out);

            var csv = Jixiao("export", official, "--format", "csv", "--out", Path.Combine(dir.FullName, "csv"));
            Assert.Equal(2, csv.Exit);
            Assert.Contains("执行监控表可导出为 xlsx 或 json", csv.Err);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static (int Exit, string Out, string Err) Jixiao(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "jixiao.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
