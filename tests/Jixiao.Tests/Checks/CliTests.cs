using System.Diagnostics;
using System.Text.Json;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Checks;

/// <summary>The two commands as a user runs them (the built jixiao.dll in a child process).</summary>
public class CliTests
{
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

    [Fact]
    public void Check_exits_0_without_errors_1_with_errors_2_on_unreadable_input()
    {
        var clean = Jixiao("check", Seeds.PathOf(Seeds.File003));
        Assert.Equal(0, clean.Exit);
        using (var doc = JsonDocument.Parse(clean.Out))
        {
            Assert.Equal("jixiao.findings/1", doc.RootElement.GetProperty("schema").GetString());
        }

        Assert.Equal(1, Jixiao("check", Seeds.PathOf(Seeds.File001)).Exit); // 001:898 has no target value
        var missing = Jixiao("check", Seeds.PathOf(Seeds.File003), "/nonexistent/x.txt");
        Assert.Equal(2, missing.Exit);
        Assert.Contains("文件不存在", missing.Err);
    }

    [Fact]
    public void Check_prints_a_table_grouped_by_form()
    {
        var (exit, colored, _) = Jixiao("check", Seeds.PathOf(Seeds.File004), "--format", "table");
        var output = System.Text.RegularExpressions.Regex.Replace(colored, @"\e\[[0-9;]*m", "");
        Assert.Equal(0, exit);
        Assert.Contains("聘请医保专家劳务费", output);
        Assert.Contains("cost.unit-times-quantity", output);
        Assert.Contains("错误 0", output);
    }

    [Fact]
    public void Score_fills_in_removed_scores()
    {
        var (_, parsed, _) = Jixiao("parse", Seeds.PathOf(Seeds.File003));
        var blank = parsed.Replace("\"score\": ", "\"scoreRemoved\": ").Replace("\"totalScore\": ", "\"totalScoreRemoved\": ");
        var path = Path.Combine(Path.GetTempPath(), $"jixiao-score-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, blank);
        try
        {
            var (exit, output, _) = Jixiao("score", path);
            Assert.Equal(0, exit);
            using var doc = JsonDocument.Parse(output);
            var form = doc.RootElement.GetProperty("forms")[1]; // 医疗保险个人账户管理经费
            Assert.Equal(98.36m, form.GetProperty("totalScore").GetDecimal());
            Assert.Equal(8.36m, form.GetProperty("budget").GetProperty("total").GetProperty("score").GetDecimal());
            Assert.StartsWith("shanghai-2024", form.GetProperty("explanations").GetProperty("policy").GetString());
            Assert.All(form.GetProperty("indicators").EnumerateArray(), i => Assert.Equal(JsonValueKind.Number, i.GetProperty("score").ValueKind));
            Assert.All(form.GetProperty("indicators").EnumerateArray(), i => Assert.False(string.IsNullOrEmpty(i.GetProperty("explanation").GetString())));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
