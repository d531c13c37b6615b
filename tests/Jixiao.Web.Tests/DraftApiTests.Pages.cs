using System.Net;

namespace Jixiao.Web.Tests;

/// <summary>The same authorization matrix on the draft pages and every one of their POST handlers.</summary>
public sealed partial class DraftApiTests
{
    /// <summary>What every page post sends (each handler reads the fields it needs).</summary>
    private static Dictionary<string, string> PageFields() => new()
    {
        ["Name"] = "篡改",
        ["Year"] = "2026",
        ["Input.Name"] = "篡改",
        ["Input.Goal"] = "篡改的目标",
        ["Input.Version"] = "1",
        ["Input.Rows[0].Actual"] = "篡改",
        ["transition"] = "Submit",
        ["version"] = "1",
    };

    private static string[] PageReads(long target, long evaluation) =>
        ["/drafts", "/drafts/new", $"/drafts/{target}", $"/drafts/{evaluation}/evaluation", $"/drafts/{target}/print", $"/drafts/{evaluation}/print"];

    /// <summary>Every POST handler of the draft pages: /drafts/new, the declaration's and the self-evaluation's.</summary>
    private static string[] PagePosts(long target, long evaluation) =>
    [
        "/drafts/new",
        $"/drafts/{target}",
        $"/drafts/{target}?handler=AddRow",
        $"/drafts/{target}?handler=RemoveRow&index=0",
        $"/drafts/{target}?handler=MoveUp&index=1",
        $"/drafts/{target}?handler=MoveDown&index=0",
        $"/drafts/{target}?handler=Preview",
        $"/drafts/{target}?handler=Change",
        $"/drafts/{target}?handler=Evaluate",
        $"/drafts/{target}?handler=NewVersion",
        $"/drafts/{evaluation}/evaluation",
        $"/drafts/{evaluation}/evaluation?handler=Preview",
        $"/drafts/{evaluation}/evaluation?handler=Change",
        $"/drafts/{evaluation}/evaluation?handler=Evaluate",
        $"/drafts/{evaluation}/evaluation?handler=NewVersion",
    ];

    private static async Task<HttpResponseMessage> PagePost(HttpClient client, string url, string? token)
    {
        var fields = PageFields();
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>A declaration in draft state and a self-evaluation in draft state, both of <see cref="Filler"/>'s unit.</summary>
    private async Task<(long Target, long Evaluation)> PageDrafts(string name) =>
        (await NewDraft(name + "申报表", CompleteRows), await EvaluationDraft(name + "自评表"));

    /// <summary>Both drafts still at version 1 with only their creation logged.</summary>
    private async Task Unchanged(long target, long evaluation)
    {
        foreach (var id in new[] { target, evaluation })
        {
            var stored = await Stored(id);
            Assert.Equal(1, stored["version"]!.GetValue<int>());
            Assert.Equal("draft", stored["state"]!.GetValue<string>());
            Assert.Equal(["create"], await AuditActions(id));
        }
    }

    [Fact]
    public async Task Anonymous_users_are_sent_to_the_login_from_every_draft_page_and_handler()
    {
        var (target, evaluation) = await PageDrafts("匿名页面");
        using var anonymous = AccountTests.Client(web);

        var answers = new List<(string, HttpResponseMessage)>();
        foreach (var url in PageReads(target, evaluation))
        {
            answers.Add(($"GET {url}", await anonymous.GetAsync(url)));
        }

        foreach (var url in PagePosts(target, evaluation))
        {
            answers.Add(($"POST {url}", await PagePost(anonymous, url, await AccountTests.Token(anonymous, "/account/login"))));
        }

        AllAre(HttpStatusCode.Redirect, answers);
        Assert.All(answers, a => Assert.StartsWith("/account/login?ReturnUrl=", a.Item2.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase));
        await Unchanged(target, evaluation);
    }

    [Fact]
    public async Task A_filler_of_another_unit_gets_404_from_every_draft_page_and_handler()
    {
        var (target, evaluation) = await PageDrafts("他单位页面");
        using var other = await As(OtherFiller);
        var token = await AccountTests.Token(other.Client, "/drafts");

        var answers = new List<(string, HttpResponseMessage)>
        {
            ($"GET /drafts/{target}", await other.Client.GetAsync($"/drafts/{target}")),
            ($"GET /drafts/{evaluation}/evaluation", await other.Client.GetAsync($"/drafts/{evaluation}/evaluation")),
            ($"GET /drafts/{evaluation} (the other page of a draft)", await other.Client.GetAsync($"/drafts/{evaluation}")),
            ($"GET /drafts/{target}/print", await other.Client.GetAsync($"/drafts/{target}/print")),
            ($"GET /drafts/{evaluation}/print", await other.Client.GetAsync($"/drafts/{evaluation}/print")),
        };
        foreach (var url in PagePosts(target, evaluation).Skip(1))
        {
            answers.Add(($"POST {url}", await PagePost(other.Client, url, token)));
        }

        AllAre(HttpStatusCode.NotFound, answers);
        Assert.DoesNotContain("他单位页面", await AccountTests.Text(other.Client, "/drafts"), StringComparison.Ordinal);
        await Unchanged(target, evaluation);
    }

    [Theory]
    [InlineData(Reviewer)]
    [InlineData("head@医保中心")]
    public async Task Reviewers_read_every_draft_page_but_every_page_write_is_403(string userName)
    {
        var (target, evaluation) = await PageDrafts("审核人页面");
        using var reviewer = await As(userName);
        var token = await AccountTests.Token(reviewer.Client, "/drafts");

        AllAre(HttpStatusCode.OK, [.. await Task.WhenAll(PageReads(target, evaluation).Where(u => u != "/drafts/new").Select(async u => ($"GET {u}", await reviewer.Client.GetAsync(u))))]);
        Assert.Contains("审核人页面申报表", await AccountTests.Text(reviewer.Client, "/drafts"), StringComparison.Ordinal);

        var writes = PagePosts(target, evaluation).Skip(1).Where(u => !u.EndsWith("handler=Preview", StringComparison.Ordinal));
        var answers = new List<(string, HttpResponseMessage)>();
        foreach (var url in writes)
        {
            answers.Add(($"POST {url}", await PagePost(reviewer.Client, url, token)));
        }

        AllAre(HttpStatusCode.Forbidden, answers);

        // Starting a draft is a filler's page: others are sent to the access-denied page (itself a 403).
        var start = await PagePost(reviewer.Client, "/drafts/new", token);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.StartsWith("/account/denied", start.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.Client.GetAsync(start.Headers.Location)).StatusCode);

        // The live preview changes nothing, so a reader may ask for it.
        Assert.Equal(HttpStatusCode.OK, (await PagePost(reviewer.Client, $"/drafts/{target}?handler=Preview", token)).StatusCode);
        await Unchanged(target, evaluation);
    }

    [Fact]
    public async Task Draft_page_posts_without_an_antiforgery_token_are_400()
    {
        var (target, evaluation) = await PageDrafts("页面令牌");
        using var filler = await As(Filler);
        var count = (await Json(await filler.Client.GetAsync("/api/v1/drafts")))["total"]!.GetValue<int>();

        var answers = new List<(string, HttpResponseMessage)>();
        foreach (var url in PagePosts(target, evaluation))
        {
            answers.Add(($"POST {url}", await PagePost(filler.Client, url, token: null)));
            answers.Add(($"POST {url} (forged)", await PagePost(filler.Client, url, token: "CfDJ8-not-a-token")));
        }

        AllAre(HttpStatusCode.BadRequest, answers);
        Assert.Equal(count, (await Json(await filler.Client.GetAsync("/api/v1/drafts")))["total"]!.GetValue<int>());
        await Unchanged(target, evaluation);
    }
}
