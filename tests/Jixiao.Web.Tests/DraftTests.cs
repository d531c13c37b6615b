using System.Net;
using System.Text.RegularExpressions;
using Jixiao.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

public sealed partial class DraftTests(WebFixture web) : IClassFixture<WebFixture>
{
    internal const string Filler = "filler@医保中心";
    private const string OtherFiller = "filler@采购中心";

    private async Task<HttpClient> SignedIn(string userName)
    {
        var client = AccountTests.Client(web);
        Assert.Equal(HttpStatusCode.Redirect, (await AccountTests.Login(client, userName)).StatusCode);
        return client;
    }

    /// <summary>Posts <paramref name="fields"/> to <paramref name="url"/> with the antiforgery token of the page at <paramref name="tokenFrom"/>.</summary>
    internal static async Task<HttpResponseMessage> Post(HttpClient client, string url, Dictionary<string, string> fields, string tokenFrom = "/drafts")
    {
        fields["__RequestVerificationToken"] = await AccountTests.Token(client, tokenFrom);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>A new draft of <see cref="Filler"/>'s unit; returns its id.</summary>
    private Task<long> NewDraft(string name) => NewDraft(SignedIn, name);

    /// <summary>A new draft of <see cref="Filler"/>'s unit on the app whose users <paramref name="signedIn"/> signs in; returns its id.</summary>
    internal static async Task<long> NewDraft(Func<string, Task<HttpClient>> signedIn, string name)
    {
        using var client = await signedIn(Filler);
        var response = await Post(client, "/drafts/new", new() { ["Name"] = name, ["Year"] = "2026" }, "/drafts/new");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return long.Parse(DraftUrl().Match(response.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, string> Fields(string name, string goal, int version) => new()
    {
        ["Input.Name"] = name,
        ["Input.Nature"] = "经常性专项业务费",
        ["Input.Category"] = "特定目标类",
        ["Input.AnnualTotal"] = "100000",
        ["Input.CurrentYear"] = "100000",
        ["Input.Goal"] = goal,
        ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Theory]
    [InlineData("/drafts")]
    [InlineData("/drafts/new")]
    [InlineData("/drafts/1")]
    public async Task Anonymous_users_are_sent_to_the_login_for_drafts(string url)
    {
        using var client = AccountTests.Client(web);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login?ReturnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Anonymous_posts_to_drafts_never_reach_them()
    {
        using var client = AccountTests.Client(web);
        var id = await NewDraft("匿名不可改");

        var response = await Post(client, $"/drafts/{id}", Fields("改", "改", 1), "/account/login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Published_forms_stay_readable_by_anonymous_users()
    {
        using var client = AccountTests.Client(web);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/forms?limit=1")).StatusCode);
    }

    [Fact]
    public async Task A_filler_creates_and_saves_a_draft_and_the_rules_run_on_save()
    {
        var id = await NewDraft("医保信息系统运维");
        using var client = await SignedIn(Filler);

        var response = await Post(client, $"/drafts/{id}", Fields("医保信息系统运维", "保障医保信息系统全年稳定运行。", 1), $"/drafts/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"saved\"", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"draft-version\">2</span>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"findings\"", html, StringComparison.Ordinal); // no indicators yet: the catalogue says so
        var page = await AccountTests.Text(client, $"/drafts/{id}");
        Assert.Contains("保障医保信息系统全年稳定运行。", page, StringComparison.Ordinal);
        Assert.Contains("医保信息系统运维", await AccountTests.Text(client, "/drafts"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_funds_sum_rule_runs_on_save()
    {
        var id = await NewDraft("资金之和");
        using var client = await SignedIn(Filler);
        var fields = Fields("资金之和", "目标", 1);
        fields["Input.CurrentYear"] = "90000";

        var wrong = await (await Post(client, $"/drafts/{id}", fields, $"/drafts/{id}")).Content.ReadAsStringAsync();
        var right = await (await Post(client, $"/drafts/{id}", Fields("资金之和", "目标", 2), $"/drafts/{id}")).Content.ReadAsStringAsync();

        Assert.Contains("<code>funds.sum</code>", wrong, StringComparison.Ordinal);
        Assert.DoesNotContain("<code>funds.sum</code>", right, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filler_of_another_unit_can_neither_read_nor_write_the_draft()
    {
        var id = await NewDraft("他单位不可见");
        using var client = await SignedIn(OtherFiller);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/drafts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(client, $"/drafts/{id}", Fields("篡改", "篡改", 1))).StatusCode);
        Assert.DoesNotContain("他单位不可见", await AccountTests.Text(client, "/drafts"), StringComparison.Ordinal);

        using var owner = await SignedIn(Filler);
        Assert.DoesNotContain("篡改", await AccountTests.Text(owner, $"/drafts/{id}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reviewer@医保局")]
    [InlineData("head@医保中心")]
    [InlineData("admin")]
    public async Task Reviewers_read_the_drafts_they_oversee_but_cannot_change_them(string userName)
    {
        var id = await NewDraft("审核只读");
        using var client = await SignedIn(userName);

        var page = await AccountTests.Text(client, $"/drafts/{id}");

        Assert.Contains("审核只读", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"draft-form\"", page, StringComparison.Ordinal);
        Assert.Contains("审核只读", await AccountTests.Text(client, "/drafts"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(client, $"/drafts/{id}", Fields("改", "改", 1))).StatusCode);
    }

    [Fact]
    public async Task Only_fillers_start_drafts()
    {
        using var client = await SignedIn("reviewer@医保局");

        var response = await client.GetAsync("/drafts/new");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Draft_posts_without_an_antiforgery_token_are_rejected()
    {
        var id = await NewDraft("令牌");
        using var client = await SignedIn(Filler);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/drafts/new", new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "x" }))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"/drafts/{id}", new FormUrlEncodedContent(Fields("x", "x", 1)))).StatusCode);
    }

    [Fact]
    public async Task A_stale_save_is_refused_shows_the_other_version_and_keeps_the_input()
    {
        var id = await NewDraft("并发编辑");
        using var first = await SignedIn(Filler);
        using var second = await SignedIn(Filler);
        var secondToken = await AccountTests.Token(second, $"/drafts/{id}"); // both opened version 1

        var firstFields = Fields("并发编辑", "第一人的目标", 1);
        AddIndicators(firstFields, ("产出指标", "数量指标", "第一人的指标", "≥1个"));
        Assert.Equal(HttpStatusCode.OK, (await Post(first, $"/drafts/{id}", firstFields, $"/drafts/{id}")).StatusCode);
        var fields = Fields("并发编辑", "第二人的目标", 1);
        AddIndicators(fields, ("产出指标", "数量指标", "第二人的指标", "≥2个"));
        fields["__RequestVerificationToken"] = secondToken;
        var stale = await second.PostAsync($"/drafts/{id}", new FormUrlEncodedContent(fields));

        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("id=\"conflict\"", html, StringComparison.Ordinal);
        Assert.Contains("第一人的目标", html, StringComparison.Ordinal); // the other version, shown
        Assert.Contains("第二人的目标", html, StringComparison.Ordinal); // the input, kept in the form
        Assert.Contains("第一人的指标: ≥1个", html, StringComparison.Ordinal);
        Assert.Equal(["第二人的指标"], Names(html));
        Assert.Contains("name=\"Input.Version\" value=\"2\"", html, StringComparison.Ordinal);

        // What changed, in words: theirs since version 1 (read back from the audit trail), and the unsaved input against theirs.
        Assert.Contains("<li>年度总体目标: — → 第一人的目标</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>新增指标 产出指标/数量指标/第一人的指标 ≥1个</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>年度总体目标: 第一人的目标 → 第二人的目标</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>指标 产出指标/数量指标/第一人的指标 ≥1个 → 产出指标/数量指标/第二人的指标 ≥2个</li>", html, StringComparison.Ordinal);
        var saved = await AccountTests.Text(first, $"/drafts/{id}");
        Assert.Contains("第一人的目标", saved, StringComparison.Ordinal);
        Assert.DoesNotContain("第二人的目标", saved, StringComparison.Ordinal);
    }

    private static void AddIndicators(Dictionary<string, string> fields, params (string Level1, string Level2, string Name, string Target)[] rows)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            fields[$"Input.Indicators[{i}].Level1"] = rows[i].Level1;
            fields[$"Input.Indicators[{i}].Level2"] = rows[i].Level2;
            fields[$"Input.Indicators[{i}].Name"] = rows[i].Name;
            fields[$"Input.Indicators[{i}].Target"] = rows[i].Target;
        }
    }

    private static List<string> Names(string html) =>
        [.. IndicatorName().Matches(html).Select(m => m.Groups[1].Value)];

    [Fact]
    public async Task The_indicator_table_adds_moves_and_removes_rows_without_script_and_shows_what_the_target_means()
    {
        var id = await NewDraft("指标编辑");
        using var client = await SignedIn(Filler);
        var fields = Fields("指标编辑", "目标", 1);
        AddIndicators(fields, ("产出指标", "数量指标", "系统数", "≥3个"), ("满意度指标", "服务对象满意度指标", "满意度", "≥95.00(%)"));

        var added = WebUtility.HtmlDecode(await (await Post(client, $"/drafts/{id}?handler=AddRow", fields, $"/drafts/{id}")).Content.ReadAsStringAsync());

        Assert.Equal(["系统数", "满意度", ""], Names(added));
        Assert.Matches($"<form [^>]*id=\"draft-form\"[^>]* action=\"/drafts/{id}\"", added); // a later save is not another AddRow
        Assert.Contains("定量 ≥ 3.00 个", added, StringComparison.Ordinal);
        Assert.Contains("定量 ≥ 95.00 %", added, StringComparison.Ordinal);

        fields = Fields("指标编辑", "目标", 2);
        AddIndicators(fields, ("产出指标", "数量指标", "系统数", "≥3个"), ("满意度指标", "服务对象满意度指标", "满意度", "≥95.00(%)"), ("效益指标", "社会效益指标", "运行", "稳定运行"));
        var moved = WebUtility.HtmlDecode(await (await Post(client, $"/drafts/{id}?handler=MoveUp&index=2", fields, $"/drafts/{id}")).Content.ReadAsStringAsync());

        Assert.Equal(["系统数", "运行", "满意度"], Names(moved));
        Assert.Contains("定性 稳定运行", moved, StringComparison.Ordinal);

        fields = Fields("指标编辑", "目标", 3);
        AddIndicators(fields, ("产出指标", "数量指标", "系统数", "≥3个"), ("效益指标", "社会效益指标", "运行", "稳定运行"), ("满意度指标", "服务对象满意度指标", "满意度", "≥95.00(%)"));
        Assert.Equal(["运行", "系统数", "满意度"], Names(WebUtility.HtmlDecode(await (await Post(client, $"/drafts/{id}?handler=MoveDown&index=0", fields, $"/drafts/{id}")).Content.ReadAsStringAsync())));

        fields = Fields("指标编辑", "目标", 4);
        AddIndicators(fields, ("效益指标", "社会效益指标", "运行", "稳定运行"), ("产出指标", "数量指标", "系统数", "≥3个"), ("满意度指标", "服务对象满意度指标", "满意度", "≥95.00(%)"));
        await Post(client, $"/drafts/{id}?handler=RemoveRow&index=1", fields, $"/drafts/{id}");

        Assert.Equal(["运行", "满意度"], Names(await AccountTests.Text(client, $"/drafts/{id}")));
    }

    /// <summary>A declaration the rule catalogue has no error for: funds that add up and one indicator under each 一级.</summary>
    internal static Dictionary<string, string> Complete(string name, string goal, int version)
    {
        var fields = Fields(name, goal, version);
        AddIndicators(fields, ("产出指标", "数量指标", "系统数", "≥3个"), ("效益指标", "社会效益指标", "运行", "稳定运行"), ("满意度指标", "服务对象满意度指标", "满意度", "≥95.00(%)"), ("成本指标", "经济成本指标", "运维成本", "≤100万元"));
        return fields;
    }

    internal static async Task<HttpResponseMessage> Change(HttpClient client, long id, string transition, int version, string? comment = null)
    {
        var fields = new Dictionary<string, string> { ["transition"] = transition, ["version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (comment is not null)
        {
            fields["comment"] = comment;
        }

        return await Post(client, $"/drafts/{id}?handler=Change", fields, $"/drafts/{id}");
    }

    private static async Task<string> State(HttpClient client, long id) =>
        StateAttribute().Match(await client.GetStringAsync($"/drafts/{id}")).Groups[1].Value;

    /// <summary>The review step (0-based) a draft is at, as its page says.</summary>
    private static async Task<string> Step(HttpClient client, long id) =>
        StepAttribute().Match(await client.GetStringAsync($"/drafts/{id}")).Groups[1].Value;

    [Fact]
    public async Task A_draft_goes_through_every_review_step_in_order_a_return_goes_back_one_step_and_every_step_is_logged()
    {
        var id = await NewDraft("工作流");
        using var filler = await SignedIn(Filler);
        Assert.Equal(HttpStatusCode.OK, (await Post(filler, $"/drafts/{id}", Complete("工作流", "保障系统稳定运行", 1), $"/drafts/{id}")).StatusCode);
        using var head = await SignedIn("head@医保中心");
        using var reviewer = await SignedIn("reviewer@医保局");
        using var finance = await SignedIn("finance@财政局");

        Assert.Equal(HttpStatusCode.Forbidden, (await Change(head, id, "Approve", 2)).StatusCode); // not submitted yet
        Assert.Equal(HttpStatusCode.Redirect, (await Change(filler, id, "Submit", 2)).StatusCode);
        Assert.Equal("submitted", await State(filler, id));
        Assert.DoesNotContain("id=\"draft-form\"", await filler.GetStringAsync($"/drafts/{id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(filler, $"/drafts/{id}", Fields("改", "改", 3))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Change(filler, id, "Approve", 3)).StatusCode); // a filler never approves
        Assert.Equal(HttpStatusCode.Forbidden, (await Change(reviewer, id, "Approve", 3)).StatusCode); // 单位审核 comes first
        Assert.Equal(HttpStatusCode.Forbidden, (await Change(finance, id, "Approve", 3)).StatusCode);

        // The unit head returns it from the first step: back to the filler.
        var noComment = WebUtility.HtmlDecode(await (await Change(head, id, "Return", 3, " ")).Content.ReadAsStringAsync());
        Assert.Contains("退回时请填写整体意见", noComment, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Change(head, id, "Return", 3, "请补充满意度指标")).StatusCode);
        Assert.Equal("returned", await State(filler, id));
        Assert.Contains("请补充满意度指标", await AccountTests.Text(filler, $"/drafts/{id}"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await Post(filler, $"/drafts/{id}", Complete("工作流", "补充后的目标", 4), $"/drafts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Change(filler, id, "Submit", 5)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Change(head, id, "Approve", 6)).StatusCode);
        Assert.Equal(("submitted", "1"), (await State(filler, id), await Step(filler, id)));
        Assert.Contains("待主管部门审核", await AccountTests.Text(filler, $"/drafts/{id}"), StringComparison.Ordinal);

        // The unit head cannot take it past 主管部门审核; nor can finance skip that step.
        Assert.Equal(HttpStatusCode.Forbidden, (await Change(head, id, "Approve", 7)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Change(finance, id, "Approve", 7)).StatusCode);
        Assert.DoesNotContain("id=\"do-approve\"", await head.GetStringAsync($"/drafts/{id}"), StringComparison.Ordinal);

        // The department returns it: back one step, to the unit head, with the comment.
        Assert.Equal(HttpStatusCode.Redirect, (await Change(reviewer, id, "Return", 7, "请单位复核预算")).StatusCode);
        Assert.Equal(("submitted", "0"), (await State(filler, id), await Step(filler, id)));
        var atHead = await AccountTests.Text(head, $"/drafts/{id}");
        Assert.Contains("请单位复核预算", atHead, StringComparison.Ordinal);
        Assert.Contains("id=\"do-approve\"", atHead, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Change(head, id, "Approve", 8)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Change(reviewer, id, "Approve", 9)).StatusCode);
        Assert.Equal(("submitted", "2"), (await State(filler, id), await Step(filler, id)));
        Assert.Equal(HttpStatusCode.Forbidden, (await Change(finance, id, "Publish", 10)).StatusCode); // finance has not approved yet
        Assert.Equal(HttpStatusCode.Redirect, (await Change(finance, id, "Approve", 10)).StatusCode);
        Assert.Equal("approved", await State(filler, id));
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(filler, $"/drafts/{id}", Fields("改", "改", 11))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Change(reviewer, id, "Publish", 11)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Change(finance, id, "Publish", 11)).StatusCode);
        Assert.Equal("published", await State(filler, id));

        var history = await filler.GetStringAsync($"/drafts/{id}");
        Assert.Equal(
            ["create", "update", "submit", "return", "update", "submit", "approve", "return", "approve", "approve", "approve", "publish"],
            [.. HistoryAction().Matches(history).Select(m => m.Groups[1].Value)]);
    }

    [Fact]
    public async Task Nobody_approves_a_draft_they_created_or_edited()
    {
        // One person who both fills and heads the unit: their own draft waits for another unit head.
        const string both = "filler-head@医保中心";
        using (var scope = web.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<JixiaoUser>>();
            if (await users.FindByNameAsync(both) is null)
            {
                var unit = (await users.FindByNameAsync(Filler))!.UnitId;
                var user = new JixiaoUser { UserName = both, UnitId = unit };
                Assert.True((await users.CreateAsync(user, DemoUsers.Password)).Succeeded);
                Assert.True((await users.AddToRolesAsync(user, [Roles.Filler, Roles.UnitHead])).Succeeded);
            }
        }

        using var own = await SignedIn(both);
        var created = await Post(own, "/drafts/new", new() { ["Name"] = "自己审核自己", ["Year"] = "2026" }, "/drafts/new");
        var id = long.Parse(DraftUrl().Match(created.Headers.Location!.OriginalString).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.OK, (await Post(own, $"/drafts/{id}", Complete("自己审核自己", "目标", 1), $"/drafts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Change(own, id, "Submit", 2)).StatusCode);

        Assert.DoesNotContain("id=\"do-approve\"", await own.GetStringAsync($"/drafts/{id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await Change(own, id, "Approve", 3)).StatusCode);
        Assert.Equal("submitted", await State(own, id));

        // A draft another filler created and edited: the head-and-filler who never touched it may approve it.
        var other = await NewDraft("别人填报的");
        using var filler = await SignedIn(Filler);
        Assert.Equal(HttpStatusCode.OK, (await Post(filler, $"/drafts/{other}", Complete("别人填报的", "目标", 1), $"/drafts/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Change(filler, other, "Submit", 2)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Change(own, other, "Approve", 3)).StatusCode);
        using var head = await SignedIn("head@医保中心");
        Assert.Equal(HttpStatusCode.Redirect, (await Change(head, id, "Approve", 3)).StatusCode);
    }

    [Fact]
    public async Task A_state_change_from_a_stale_page_is_refused()
    {
        var id = await NewDraft("过期操作");
        using var filler = await SignedIn(Filler);
        await Post(filler, $"/drafts/{id}", Fields("过期操作", "新目标", 1), $"/drafts/{id}");

        var response = await Change(filler, id, "Submit", 1);

        Assert.Contains("id=\"change-refused\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("draft", await State(filler, id));
    }

    [Fact]
    public async Task The_audit_log_is_for_administrators()
    {
        var id = await NewDraft("审计");
        using var admin = await SignedIn("admin");
        using var filler = await SignedIn(Filler);
        using var anonymous = AccountTests.Client(web);

        var log = await AccountTests.Text(admin, "/admin/audit");

        Assert.Contains($"href=\"/drafts/{id}\"", log, StringComparison.Ordinal);
        Assert.Contains("\"state\":\"draft\"", log, StringComparison.Ordinal); // the after-JSON
        Assert.Contains("/account/denied", (await filler.GetAsync("/admin/audit")).Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("/account/login", (await anonymous.GetAsync("/admin/audit")).Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"id=""draft-state"" data-state=""(\w+)""")]
    private static partial Regex StateAttribute();

    [GeneratedRegex(@"id=""draft-state"" data-state=""\w+"" data-step=""(\d+)""")]
    private static partial Regex StepAttribute();

    [GeneratedRegex(@"<tr data-action=""(\w+)""")]
    private static partial Regex HistoryAction();

    [GeneratedRegex(@"name=""Input.Indicators\[\d+\].Name"" value=""([^""]*)""")]
    private static partial Regex IndicatorName();

    [GeneratedRegex(@"/drafts/(\d+)$")]
    private static partial Regex DraftUrl();
}
