using System.Diagnostics;
using System.Net;
using AngleSharp;
using Jixiao.Formats.Xlsx;
using Jixiao.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

public class ExportTests(WebFixture web) : IClassFixture<WebFixture>
{
    private IReadModel Data => web.Services.GetRequiredService<IReadModel>();

    [Fact]
    public async Task A_form_downloads_as_xlsx_that_reads_back_to_the_same_form()
    {
        var row = Data.Forms(new Scope()).First(f => f.Name == "药械化稽查综合检查");
        var form = Data.Form(row.Id)!.Form;
        using var client = web.CreateClient();

        var response = await client.GetAsync($"/forms/{row.Id}/xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(XlsxExporter.ContentType, response.Content.Headers.ContentType!.MediaType);
        var back = XlsxImporter.Read(await response.Content.ReadAsByteArrayAsync(), "x.xlsx").Forms.Single();
        Assert.Equal(form.Indicators.Select(i => (i.Name, i.Target, i.Actual, i.Score)), back.Indicators.Select(i => (i.Name, i.Target, i.Actual, i.Score)));
        Assert.Equal(form.TotalScore, back.TotalScore);
    }

    [Fact]
    public async Task A_unit_downloads_its_summary_and_forms_as_one_workbook()
    {
        var unit = Data.Units(new Scope()).Single(u => u.Name == "上海市松江区医疗保障局（本级）");
        using var client = web.CreateClient();

        var bytes = await client.GetByteArrayAsync($"/units/{unit.Id}/xlsx");

        Assert.Equal(15, XlsxImporter.Read(bytes, "unit.xlsx").Forms.Count);
    }

    [Fact]
    public async Task Department_summary_of_the_medical_security_bureau_2024()
    {
        using var client = web.CreateClient();
        var html = await client.GetStringAsync("/summary?department=" + Uri.EscapeDataString("上海市医疗保障局") + "&year=2024");
        var page = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html));

        Assert.Equal("7", page.QuerySelector("#sum-targets")!.TextContent);
        Assert.Equal("17,075,165.00", page.QuerySelector("#sum-funds")!.TextContent);
        Assert.Equal("15", page.QuerySelector("#sum-evaluated")!.TextContent);
        var published = Data.Forms(new Scope(2024, "上海市医疗保障局")).Where(f => f.TotalScore is not null).Select(f => f.TotalScore!.Value).ToList();
        Assert.Equal(15, published.Count);
        Assert.Equal(Math.Round(published.Average(), 2, MidpointRounding.AwayFromZero).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("#sum-average")!.TextContent);
        Assert.Contains("优", page.QuerySelector("#sum-paragraph")!.TextContent, StringComparison.Ordinal);
    }
}

public class PdfExportTests(KestrelWebFixture fixture) : IClassFixture<KestrelWebFixture>
{
    [Theory]
    [InlineData("医疗保险稽核检查经费", 2024)]
    [InlineData("信息化建设项目", 2024)]
    [InlineData("医药机构及医疗费用审核管理经费", 2024)]
    [InlineData("医药机构及医疗费用审核管理费", 2023)]
    [InlineData("外聘法律顾问", 2024)]
    public async Task A_seed_form_of_up_to_20_indicators_prints_as_one_a4_page_with_every_indicator_name(string name, int year)
    {
        var data = fixture.Web.Services.GetRequiredService<IReadModel>();
        var row = data.Forms(new Scope()).First(f => f.Name == name && f.Year == year);
        var form = data.Form(row.Id)!.Form;
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };

        var pdf = await http.GetByteArrayAsync($"{fixture.BaseUrl}/forms/{row.Id}/pdf");

        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var path = Path.Combine(Path.GetTempPath(), $"jixiao-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            Assert.Equal("1", Run("pdfinfo", path).Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal)).Split(':')[1].Trim());
            var text = new string(Run("pdftotext", "-raw", path, "-").Where(c => !char.IsWhiteSpace(c)).ToArray());
            Assert.Contains(name, text, StringComparison.Ordinal);
            Assert.All(form.Indicators, i => Assert.Contains(new string(i.Name.Where(c => !char.IsWhiteSpace(c)).ToArray()), text, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// The page around the form — header, menu, search box, language switch, crumbs, downloads, findings,
    /// footer — and the recomputed scores beside the published ones are on screen, not on paper.
    /// </summary>
    [Fact]
    public async Task The_pdf_carries_the_official_form_alone_with_the_published_scores_only()
    {
        var data = fixture.Web.Services.GetRequiredService<IReadModel>();
        var row = data.Forms(new Scope()).First(f => f.Name == "医疗保险稽核检查经费" && f.Year == 2024);
        var form = data.Form(row.Id)!.Form;
        var total = form.TotalScore!.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        string[] furniture = ["Jixiao", "仪表盘", "审核问题", "部门概况", "搜索", "导入", "草稿", "English", "登录", "XLSX", "JSON", "历年", "来源", "计分规则", "处理记录", "数据来自公开"];
        var html = await http.GetStringAsync($"{fixture.BaseUrl}/forms/{row.Id}?lang=zh");
        Assert.All(furniture, w => Assert.Contains(w, html, StringComparison.Ordinal));
        Assert.Contains("details class=\"recomputed", html, StringComparison.Ordinal);

        var pdf = await http.GetByteArrayAsync($"{fixture.BaseUrl}/forms/{row.Id}/pdf");

        var path = Path.Combine(Path.GetTempPath(), $"jixiao-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var text = Run("pdftotext", "-layout", path, "-");
            var compact = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
            Assert.StartsWith("财政项目支出绩效自评表（2024年度）项目名称医疗保险稽核检查经费", compact, StringComparison.Ordinal);
            Assert.Contains(form.Unit, compact, StringComparison.Ordinal);
            Assert.All(furniture, w => Assert.DoesNotContain(w, text, StringComparison.Ordinal));
            Assert.DoesNotContain("→", text, StringComparison.Ordinal); // the explanations: "2.00 × 3135 / 10000 = 0.627 → 0.63 (half-up)"
            Assert.DoesNotContain("×", text, StringComparison.Ordinal);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, System.Text.RegularExpressions.Regex.Escape(total)));
            Assert.EndsWith("评分等级" + form.Grade, compact, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output;
    }
}
