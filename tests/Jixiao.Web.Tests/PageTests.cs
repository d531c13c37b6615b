using System.Net;
using System.Text.Json;
using AngleSharp;
using AngleSharp.Dom;
using Jixiao.Domain.Model;
using Jixiao.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

public class PageTests(WebFixture web) : IClassFixture<WebFixture>
{
    private async Task<IDocument> Get(string url)
    {
        using var client = web.CreateClient();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        return await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html));
    }

    private IReadModel Data => web.Services.GetRequiredService<IReadModel>();

    private StoredFormView Form(string name, int? year = null) => Data.Form(Data.Forms(new Scope(year)).First(f => f.Name == name).Id)!;

    [Fact]
    public async Task Dashboard_counts_match_the_data()
    {
        var page = await Get("/");

        var forms = Data.Forms(new Scope());
        Assert.Equal(80, forms.Count);
        Assert.Equal(forms.Select(f => f.ProjectId).Distinct().Count().ToString(), page.QuerySelector("#stat-projects")!.TextContent);
        Assert.Equal("56", page.QuerySelector("#stat-targets")!.TextContent);
        Assert.Equal("24", page.QuerySelector("#stat-self")!.TextContent);
        Assert.Equal(forms.Where(f => f.Kind == FormKind.Target).Sum(f => f.Funds!.Value).ToString("N2", System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("#stat-funds")!.TextContent);
        var average = forms.Where(f => f.TotalScore is not null).Average(f => f.TotalScore!.Value);
        Assert.Equal(Math.Round(average, 2, MidpointRounding.AwayFromZero).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("#stat-average")!.TextContent);
        Assert.Equal(3, page.QuerySelectorAll("[data-chart]").Length);
    }

    [Fact]
    public async Task Dashboard_filters_by_year()
    {
        var page = await Get("/?year=2024");

        Assert.Equal("22", page.QuerySelector("#stat-targets")!.TextContent);
        Assert.Equal("15", page.QuerySelector("#stat-self")!.TextContent);
    }

    [Fact]
    public async Task Dashboard_filters_by_unit()
    {
        var unit = Data.Units(new Scope()).Single(u => u.Name == "上海市药品监督管理局");

        var page = await Get($"/?unit={unit.Id}");

        Assert.Equal("0", page.QuerySelector("#stat-targets")!.TextContent);
        Assert.Equal("9", page.QuerySelector("#stat-self")!.TextContent);
        Assert.Single(page.QuerySelectorAll("#units-table tbody tr"));
    }

    [Fact]
    public async Task A_self_evaluation_page_shows_every_indicator_and_published_and_recomputed_totals()
    {
        var stored = Form("药械化稽查综合检查");

        var page = await Get($"/forms/{stored.Id}");

        var names = page.QuerySelectorAll("td.ind-name").Select(td => td.ChildNodes.First().TextContent.Trim()).ToList();
        Assert.Equal(stored.Form.Indicators.Select(i => i.Name), names);
        var total = page.QuerySelector("tr.total td.score")!;
        Assert.StartsWith("93.42", total.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("93.42", total.QuerySelector("details.recomputed summary")!.TextContent.Trim());
        var leaflets = page.QuerySelectorAll("tr").First(tr => tr.TextContent.Contains("进博会药械化服务宣传资料", StringComparison.Ordinal));
        Assert.Contains("3135", leaflets.QuerySelector("details.recomputed .explanation")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("0.63", leaflets.QuerySelector("details.recomputed summary")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_target_page_merges_level_cells_and_shows_findings_inline()
    {
        var stored = Form("医药集中招标采购工作经费", 2023);

        var page = await Get($"/forms/{stored.Id}");

        Assert.Equal(stored.Form.Indicators.Count, page.QuerySelectorAll("table.indicators tbody tr:not(.head)").Length);
        var output = page.QuerySelector("td.level1")!;
        Assert.Equal("产出指标", output.TextContent);
        Assert.Equal(stored.Form.Indicators.TakeWhile(i => i.Level1 == "产出指标").Count().ToString(), output.GetAttribute("rowspan"));
        Assert.Contains(page.QuerySelectorAll(".finding"), f => f.GetAttribute("title") == "target.missing-value");
    }

    [Fact]
    public async Task Chinese_is_sent_as_text_and_markup_characters_stay_encoded()
    {
        using var client = web.CreateClient();
        var row = Data.Forms(new Scope()).First(f => f.Name == "信息化建设项目");

        var html = await client.GetStringAsync($"/forms/{row.Id}");

        Assert.Contains("财政项目支出绩效目标申报表", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>1、", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_in_goal_text_is_shown_as_text_never_as_markup()
    {
        var stored = Form("信息化建设项目");

        var page = await Get($"/forms/{stored.Id}");

        var goal = page.QuerySelector("td.goal")!;
        Assert.Empty(goal.QuerySelectorAll("p"));
        Assert.StartsWith("1、根据相关文件", goal.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_finds_a_project_by_name()
    {
        var page = await Get("/search?q=" + Uri.EscapeDataString("医保监管"));

        Assert.Contains(page.QuerySelectorAll(".hits a"), a => a.TextContent == "医保监管");
    }

    [Fact]
    public async Task Every_page_answers_and_carries_no_inline_script()
    {
        var form = Form("医保监管");
        foreach (var url in new[] { "/", "/units", $"/units/{form.UnitId}", $"/forms/{form.Id}", $"/projects/{form.ProjectId}/history", "/findings", "/search?q=培训", "/import", "/?lang=en" })
        {
            var page = await Get(url);
            Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), $"inline script on {url}"));
            Assert.Empty(page.QuerySelectorAll("[onclick],[onload],[onerror]"));
        }
    }

    [Fact]
    public async Task Responses_carry_a_strict_content_security_policy()
    {
        using var client = web.CreateClient();
        var response = await client.GetAsync("/");

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp.Split("script-src")[1].Split(';')[0], StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task English_is_the_second_language()
    {
        var page = await Get("/?lang=en");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Dashboard", page.QuerySelector("nav")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unit_summary_lists_its_projects_with_scores()
    {
        var unit = Data.Units(new Scope()).Single(u => u.Name == "上海市医疗保险事业管理中心");

        var page = await Get($"/units/{unit.Id}");

        Assert.Equal(28, page.QuerySelectorAll("table.summary tbody tr").Length);
        Assert.Contains(page.QuerySelectorAll("table.summary td"), td => td.TextContent == "99.97");
    }

    [Fact]
    public async Task Project_history_shows_years_side_by_side()
    {
        var stored = Form("医保监管");

        var page = await Get($"/projects/{stored.ProjectId}/history");

        // One row per distinct indicator name (医保监管 lists 43 indicators under 38 names).
        Assert.Equal(38, page.QuerySelectorAll("table.history tbody tr").Length);
        Assert.Contains(page.QuerySelectorAll("table.history td"), td => td.TextContent == "=956.00(元/家)");
    }

    [Fact]
    public async Task History_links_a_renamed_project_across_years_and_highlights_only_real_changes()
    {
        var stored = Form("医疗保险社会服务管理经费", 2024);

        var page = await Get($"/projects/{stored.ProjectId}/history");

        Assert.Equal(2, page.QuerySelectorAll("table.history thead tr:first-child th a").Length);
        var row = page.QuerySelectorAll("table.history tbody tr").First(tr => tr.Children[0].TextContent == "信访个案办结率");
        Assert.Equal(">=99%", row.Children[1].TextContent);
        Assert.False(row.Children[2].ClassList.Contains("changed"), ">=99% and ≥99.00(%) are the same target");
        var cost = page.QuerySelectorAll("table.history tbody tr").First(tr => tr.Children[0].TextContent == "成本控制率");
        Assert.True(cost.Children[2].ClassList.Contains("changed"), "=100% became ≥0.00(%)");
    }

    [Fact]
    public async Task Findings_page_filters_by_rule()
    {
        var page = await Get("/findings?code=target.missing-value");

        var rows = page.QuerySelectorAll("table.findings tbody tr");
        Assert.Single(rows);
        Assert.Contains("提升本市药品、医用耗材交易市场化水平", rows[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Findings_that_compare_forms_are_stored_too()
    {
        var duplicates = await Get("/findings?code=form.duplicate");
        var names = duplicates.QuerySelectorAll("table.findings tbody tr td:nth-child(3)").Select(td => td.TextContent).ToList();
        Assert.Contains("业务培训", names);
        Assert.Contains("网络信息系统运行与维护", names);

        // 医保监管 = its four children: no parent-children finding on the seeds.
        Assert.Empty((await Get("/findings?code=funds.parent-children")).QuerySelectorAll("table.findings tbody tr"));
    }

    [Fact]
    public async Task Api_serves_forms_in_interchange_json_and_an_openapi_document()
    {
        using var client = web.CreateClient();
        var stored = Form("医保监管");

        using var form = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/forms/{stored.Id}"));
        Assert.Equal("target", form.RootElement.GetProperty("kind").GetString());
        Assert.Equal(43, form.RootElement.GetProperty("indicators").GetArrayLength());
        Assert.Equal(364900.00m, form.RootElement.GetProperty("funds").GetProperty("annualTotal").GetDecimal());

        using var openapi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        Assert.True(openapi.RootElement.GetProperty("paths").TryGetProperty("/api/v1/forms/{id}", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/forms/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/forms/999999")).StatusCode);
    }

    [Theory]
    [InlineData("virus.exe", 10, "不支持 .exe 文件")]
    [InlineData("huge.txt", 21 * 1024 * 1024, "文件过大")]
    public async Task Uploads_of_the_wrong_type_or_size_get_a_clear_message(string name, int size, string message)
    {
        using var client = web.CreateClient();
        var html = await client.GetStringAsync("/import");
        var form = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html));
        var token = form.QuerySelector("form.upload input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(new byte[size]), "upload", name },
        };

        var response = await client.PostAsync("/import?handler=Preview", content);
        var answer = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, $"{response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            var page = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(answer));
            Assert.Contains(message, page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Upload_needs_an_antiforgery_token()
    {
        using var client = web.CreateClient();
        using var content = new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "upload", "a.txt" } };

        var response = await client.PostAsync("/import?handler=Preview", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
