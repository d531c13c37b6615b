using System.Net;
using System.Text.Json;
using AngleSharp;
using Jixiao.Domain.Model;
using Jixiao.Storage.Queries;
using Jixiao.Tests.Support;
using Jixiao.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>The indicator library (指标库): its API over the seeds, the in-memory read model agreeing with the database, the editor's lists.</summary>
public sealed class LibraryTests(WebFixture web) : IClassFixture<WebFixture>
{
    private static string Show(LibraryIndicator i) => $"{i.Name} {i.Forms}: {string.Join(" · ", i.Targets.Select(t => $"{t.Target} ×{t.Count}"))}";

    [Fact]
    public async Task The_library_api_lists_names_used_under_a_second_level_with_their_usual_targets()
    {
        using var client = web.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/library/indicators?level2=" + Uri.EscapeDataString("服务对象满意度") + "&level1=" + Uri.EscapeDataString("满意度指标") + "&limit=2"));

        var root = json.RootElement;
        Assert.Equal("服务对象满意度指标", root.GetProperty("level2").GetString()); // the alias, canonical
        var indicators = root.GetProperty("indicators");
        Assert.Equal(2, indicators.GetArrayLength());
        var first = indicators[0];
        Assert.Equal("管理人员满意度", first.GetProperty("name").GetString());
        Assert.Equal(15, first.GetProperty("forms").GetInt32());
        Assert.Equal(
            ["≥85.00(%) 4", "≥90.00(%) 3", ">99.00(%) 2"],
            first.GetProperty("targets").EnumerateArray().Select(t => $"{t.GetProperty("target").GetString()} {t.GetProperty("count").GetInt32()}"));
        Assert.Equal("管理部门满意度", indicators[1].GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_library_api_filters_by_text_is_documented_and_needs_a_second_level()
    {
        using var client = web.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/v1/library/indicators?level2=" + Uri.EscapeDataString("经济成本指标") + "&q=" + Uri.EscapeDataString("节约")));
        using var openapi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var only = Assert.Single(json.RootElement.GetProperty("indicators").EnumerateArray());
        Assert.Equal("成本节约率", only.GetProperty("name").GetString());
        Assert.Equal(7, only.GetProperty("forms").GetInt32());
        var get = openapi.RootElement.GetProperty("paths").GetProperty("/api/v1/library/indicators").GetProperty("get");
        Assert.StartsWith("指标库", get.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/library/indicators")).StatusCode);
    }

    /// <summary>The library as its definition says, counted in memory over the seed forms (each form once, as the database holds them).</summary>
    private static List<LibraryIndicator> Counted(string level2, string? level1, string? text, int limit)
    {
        var forms = Seeds.All.SelectMany(f => Seeds.Read(f).Forms).Select((form, id) => (Id: id, Form: form)).ToList();
        var level2s = IndicatorLevels.Level2Spellings(level2.Trim());
        var level1s = string.IsNullOrWhiteSpace(level1) ? null : IndicatorLevels.Level1Spellings(level1.Trim());
        var part = text?.Trim() ?? "";
        return forms
            .SelectMany(f => f.Form.Indicators.Select(i => (FormId: f.Id, Indicator: i)))
            .Where(x => x.Indicator.Name != "" && level2s.Contains(x.Indicator.Level2) && (level1s is null || level1s.Contains(x.Indicator.Level1))
                        && x.Indicator.Name.Contains(part, StringComparison.Ordinal))
            .GroupBy(x => x.Indicator.Name, StringComparer.Ordinal)
            .Select(g => new LibraryIndicator(
                g.Key,
                g.Select(x => x.FormId).Distinct().Count(),
                JixiaoStore.Usual(g.Where(x => x.Indicator.Target != "").GroupBy(x => x.Indicator.Target, StringComparer.Ordinal).Select(t => new UsualTarget(t.Key, t.Count())))))
            .OrderByDescending(i => i.Forms).ThenBy(i => i.Name, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    public static TheoryData<string, string?, string?> Queries()
    {
        var data = new TheoryData<string, string?, string?>();
        foreach (var level2 in IndicatorLevels.Level2.Keys)
        {
            data.Add(level2, null, null);
        }

        data.Add("成本指标", "产出指标", null);
        data.Add("成本指标", "成本指标", null);
        data.Add("服务对象满意度", null, null);
        data.Add("数量指标", null, "次数");
        data.Add("满意度", null, null);
        return data;
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task The_database_gives_the_library_a_count_over_the_seed_forms_gives(string level2, string? level1, string? text)
    {
        var database = web.Services.GetRequiredService<IReadModel>();
        Assert.IsType<StoreReadModel>(database);

        var expected = (await database.LibraryAsync(level2, level1, text, 500)).Select(Show).ToList();

        Assert.Equal(expected, Counted(level2, level1, text, 500).Select(Show));
        if (IndicatorLevels.IsLevel2(level2) && level1 is null)
        {
            Assert.NotEmpty(expected);
        }
    }

    [Fact]
    public async Task The_editor_offers_the_second_levels_of_each_first_level_and_loads_its_script()
    {
        using var client = AccountTests.Client(web);
        await AccountTests.Login(client, "filler@医保中心");
        var token = await AccountTests.Token(client, "/drafts/new");
        var created = await client.PostAsync("/drafts/new", new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "指标库", ["__RequestVerificationToken"] = token }));
        var url = created.Headers.Location!.OriginalString;
        token = await AccountTests.Token(client, url);
        await client.PostAsync($"{url}?handler=AddRow", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "指标库", ["Input.Version"] = "1", ["__RequestVerificationToken"] = token,
        }));

        var html = await AccountTests.Text(client, url);
        var page = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html));

        Assert.Equal("level2-产出指标", page.QuerySelector("#Input_Indicators_0__Level2")!.GetAttribute("list"));
        Assert.Equal("library-names", page.QuerySelector("#Input_Indicators_0__Name")!.GetAttribute("list"));
        Assert.Equal(["数量指标", "质量指标", "时效指标", "成本指标"], page.QuerySelectorAll("datalist[id='level2-产出指标'] option").Select(o => o.GetAttribute("value")));
        Assert.Equal(["经济成本指标", "社会成本指标", "生态环境成本指标"], page.QuerySelectorAll("datalist[id='level2-成本指标'] option").Select(o => o.GetAttribute("value")));
        Assert.Equal(["服务对象满意度指标"], page.QuerySelectorAll("datalist[id='level2-满意度指标'] option").Select(o => o.GetAttribute("value")));
        Assert.StartsWith("/js/drafts.js?v=", page.QuerySelector("script[src*='drafts.js']")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/js/drafts.js")).StatusCode);
    }
}
