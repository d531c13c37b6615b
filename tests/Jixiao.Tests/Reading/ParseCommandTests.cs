using System.Text.Json;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Reading;

public class ParseCommandTests
{
    [Fact]
    public void Parse_json_prints_one_interchange_document_for_one_file()
    {
        var result = JixiaoProcess.Run("parse", Seeds.PathOf(Seeds.File002), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("jixiao.disclosure/1", json.RootElement.GetProperty("schema").GetString());
        var forms = json.RootElement.GetProperty("forms");
        Assert.Equal(9, forms.GetArrayLength());
        Assert.Equal(0.63m, forms[6].GetProperty("indicators")[1].GetProperty("score").GetDecimal());
    }

    [Fact]
    public void Parse_of_several_files_prints_an_array()
    {
        var result = JixiaoProcess.Run("parse", Seeds.PathOf(Seeds.File000), Seeds.PathOf(Seeds.File004));

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        Assert.Equal([7, 15], json.RootElement.EnumerateArray().Select(d => d.GetProperty("forms").GetArrayLength()));
    }

    [Fact]
    public void Parse_table_summarises_forms_indicators_and_diagnostics()
    {
        var result = JixiaoProcess.Run("parse", Seeds.PathOf(Seeds.File001), "--format", "table");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("信息化建设项目", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("表 34 张，指标 356 个", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("repeated-block", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreadable_file_exits_2_with_the_reason_on_stderr()
    {
        var result = JixiaoProcess.Run("parse", "/nonexistent/x.txt");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("文件不存在", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_that_is_not_a_disclosure_is_read_with_an_error_diagnostic()
    {
        var path = Path.Combine(Path.GetTempPath(), $"jixiao-empty-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "");
        try
        {
            var result = JixiaoProcess.Run("parse", path);

            Assert.Equal(0, result.ExitCode);
            using var json = JsonDocument.Parse(result.Stdout);
            Assert.Equal(0, json.RootElement.GetProperty("forms").GetArrayLength());
            Assert.Equal("not-a-disclosure", json.RootElement.GetProperty("diagnostics")[0].GetProperty("code").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
