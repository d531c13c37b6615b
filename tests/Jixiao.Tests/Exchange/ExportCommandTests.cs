using System.Text.Json;
using Jixiao.Formats.Json;
using Jixiao.Formats.Sources;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Exchange;

public sealed class ExportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("jixiao-export-").FullName;

    private static string[] AllSeeds => Seeds.All.Select(Seeds.PathOf).ToArray();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Export_xlsx_with_summary_writes_a_workbook_that_parse_reads_back()
    {
        var path = Path.Combine(_folder, "all.xlsx");

        var result = JixiaoProcess.Run(["export", .. AllSeeds, "--format", "xlsx", "--out", path, "--summary"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"已导出 80 张表、1052 个指标：{path}", result.Stderr, StringComparison.Ordinal);
        var doc = Assert.Single(DocumentLoader.Load(path));
        Assert.Equal(80, doc.Forms.Count);
        Assert.Equal(1052, doc.Forms.Sum(f => f.Indicators.Count));
    }

    [Fact]
    public void Export_csv_writes_the_tables_into_a_folder()
    {
        var folder = Path.Combine(_folder, "csv");

        var result = JixiaoProcess.Run(["export", .. AllSeeds, "--format", "csv", "--out", folder]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["forms.csv", "indicators.csv", "scores.csv"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        Assert.Equal(1 + 1052, File.ReadAllLines(Path.Combine(folder, "indicators.csv")).Length);
    }

    [Fact]
    public void Export_json_writes_the_interchange_documents_and_refuses_a_summary()
    {
        var path = Path.Combine(_folder, "all.json");

        var result = JixiaoProcess.Run(["export", Seeds.PathOf(Seeds.File000), Seeds.PathOf(Seeds.File002), "--format", "json", "--out", path]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([7, 9], DisclosureJson.Read(File.ReadAllText(path), "all.json").Select(d => d.Forms.Count));

        var refused = JixiaoProcess.Run("export", Seeds.PathOf(Seeds.File000), "--format", "json", "--out", path, "--summary");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("--summary 只适用于 xlsx 和 csv", refused.Stderr + refused.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_of_an_unreadable_file_exits_2()
    {
        var result = JixiaoProcess.Run("export", "/nonexistent/x.txt", "--format", "xlsx", "--out", Path.Combine(_folder, "x.xlsx"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("文件不存在", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_json_of_one_department_and_year()
    {
        var result = JixiaoProcess.Run(["summary", .. AllSeeds, "--department", "上海市医疗保障局", "--year", "2024", "--format", "json"]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(7, root.GetProperty("targetProjects").GetInt32());
        Assert.Equal(17_075_165.00m, root.GetProperty("targetFunds").GetDecimal());
        Assert.Equal(15, root.GetProperty("evaluatedProjects").GetInt32());
        Assert.Equal(1488.86m / 15, root.GetProperty("averageScore").GetDecimal());
        Assert.Equal(15, root.GetProperty("grades").GetProperty("优").GetInt32());
        Assert.StartsWith("2024年度，上海市医疗保障局共有7个项目申报绩效目标", root.GetProperty("paragraph").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_table_lists_every_department_and_year_with_its_paragraph()
    {
        var result = JixiaoProcess.Run(["summary", .. AllSeeds]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("17,075,165.00", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("评分等级：优 15，良 0，中 0，差 0", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("2023年度，上海市药品监督管理局未申报项目绩效目标；9个项目开展绩效自评", result.Stdout, StringComparison.Ordinal);
    }
}
