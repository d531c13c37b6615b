using System.Globalization;
using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using Jixiao.Domain.Model;
using Jixiao.Tests.Support;
using Jixiao.Web.Accounts;
using Jixiao.Web.Data;
using Jixiao.Web.Drafts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>Starting a draft from one of the unit's published target declarations (/drafts/new).</summary>
public sealed class DraftFromPublishedTests(WebFixture web) : IClassFixture<WebFixture>
{
    private const string Filler = "filler@医保中心";
    private const string OtherFiller = "filler@采购中心";
    private const string Centre = "上海市医疗保险事业管理中心";

    private async Task<HttpClient> SignedIn(string userName)
    {
        var client = AccountTests.Client(web);
        Assert.Equal(HttpStatusCode.Redirect, (await AccountTests.Login(client, userName)).StatusCode);
        return client;
    }

    private static async Task<HttpResponseMessage> StartFrom(HttpClient client, long sourceId) =>
        await client.PostAsync("/drafts/new?handler=FromPublished", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["sourceId"] = sourceId.ToString(CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = await AccountTests.Token(client, "/drafts/new"),
        }));

    private static async Task<IDocument> Page(HttpClient client, string url)
    {
        var html = await AccountTests.Text(client, url);
        return await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html));
    }

    private FormRow Published(string unit, string name, FormKind kind = FormKind.Target) =>
        web.Services.GetRequiredService<IReadModel>().Forms(new Scope()).Single(f => f.Unit == unit && f.Name == name && f.Kind == kind);

    private async Task<int> DraftCount()
    {
        using var scope = web.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AuthoringDbContext>().Drafts.CountAsync();
    }

    [Fact]
    public async Task The_new_page_lists_the_units_published_target_declarations_latest_year_first()
    {
        using var centre = await SignedIn(Filler);
        using var purchasing = await SignedIn(OtherFiller);

        var centreRows = (await Page(centre, "/drafts/new")).QuerySelectorAll("#published-targets tbody tr");
        var purchasingRows = (await Page(purchasing, "/drafts/new")).QuerySelectorAll("#published-targets tbody tr");

        // Seed 001 holds the centre's 13 target declarations of 2023; the purchasing office has 7 of 2024 (seed 000) and 7 of 2023 (seed 001).
        Assert.Equal(13, centreRows.Length);
        Assert.All(centreRows, r => Assert.Equal("2023", r.Children[0].TextContent));
        var ops = centreRows.Single(r => r.Children[1].TextContent == "信息化运维项目");
        Assert.Equal("25,817,729.00", ops.Children[2].TextContent);
        Assert.Equal("24", ops.Children[3].TextContent);
        Assert.Equal([.. Enumerable.Repeat("2024", 7), .. Enumerable.Repeat("2023", 7)], purchasingRows.Select(r => r.Children[0].TextContent));
        Assert.DoesNotContain(purchasingRows, r => r.Children[1].TextContent == "医疗保险档案管理经费");
    }

    [Fact]
    public async Task A_draft_started_from_last_years_declaration_carries_its_indicators_into_the_next_year()
    {
        var source = Published(Centre, "信息化运维项目");
        var published = Seeds.Read(Seeds.File001).Forms.Single(f => f.Unit == Centre && f.Name == "信息化运维项目");
        using var client = await SignedIn(Filler);

        var response = await StartFrom(client, source.Id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var url = response.Headers.Location!.OriginalString;
        var id = long.Parse(url["/drafts/".Length..], CultureInfo.InvariantCulture);
        using (var scope = web.Services.CreateScope())
        {
            var draft = await scope.ServiceProvider.GetRequiredService<AuthoringDbContext>().Drafts.SingleAsync(d => d.Id == id);
            var form = draft.Form;
            Assert.Equal(2024, form.Year);
            Assert.Equal(new DateOnly(2024, 1, 1), form.StartDate);
            Assert.Equal(new DateOnly(2024, 12, 31), form.EndDate);
            Assert.Equal(25_817_729.00m, form.Funds?.AnnualTotal);
            Assert.Equal(published.Funds, form.Funds);
            Assert.Equal(published.Goal, form.Goal);
            Assert.Equal((published.Nature, published.Category), (form.Nature, form.Category));
            Assert.Equal(FormKind.Target, form.Kind);
            Assert.Equal(Centre, form.Unit);
            Assert.Equal(Jixiao.Domain.Drafts.DraftState.Draft, draft.State);
        }

        var page = await Page(client, url);
        Assert.Equal("信息化运维项目", page.QuerySelector("#Input_Name")!.GetAttribute("value"));
        var rows = page.QuerySelectorAll("#indicators tbody tr").Select(r => string.Join(" / ",
            r.QuerySelector("select option[selected]")?.TextContent,
            r.QuerySelector("input[name$='.Level2']")!.GetAttribute("value"),
            r.QuerySelector("input[name$='.Name']")!.GetAttribute("value"),
            r.QuerySelector("input[name$='.Target']")!.GetAttribute("value"))).ToList();
        Assert.Equal(24, rows.Count);
        Assert.Equal(published.Indicators.Select(i => $"{i.Level1} / {i.Level2} / {i.Name} / {i.Target}"), rows);
        var created = page.QuerySelector("#history tr[data-action=create] td.comment")!.TextContent;
        Assert.Equal($"基于 2023 年已发布申报表 #{source.Id}", created);
    }

    [Fact]
    public async Task Another_units_declaration_cannot_be_the_start_of_a_draft()
    {
        var theirs = Published(Centre, "医疗保险档案管理经费");
        var before = await DraftCount();
        using var client = await SignedIn(OtherFiller);

        Assert.Equal(HttpStatusCode.Forbidden, (await StartFrom(client, theirs.Id)).StatusCode);
        Assert.Equal(before, await DraftCount());
    }

    [Fact]
    public async Task Only_a_published_target_declaration_can_be_the_start_of_a_draft()
    {
        var evaluation = Published(Centre, "信息化运维项目", FormKind.SelfEvaluation);
        using var client = await SignedIn(Filler);
        using var reviewer = await SignedIn("reviewer@医保局");

        Assert.Equal(HttpStatusCode.NotFound, (await StartFrom(client, evaluation.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await StartFrom(client, 999_999)).StatusCode);
        Assert.Contains("/account/denied", (await reviewer.GetAsync("/drafts/new")).Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }
}
