using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Jixiao.Web.Tests;

/// <summary>
/// The drafts API of /api/v1/drafts: who may read and change which draft (404 for another unit's, 403 for
/// reviewers' writes, 401 for anonymous callers), antiforgery tokens on every state-changing request,
/// optimistic concurrency with If-Match, blocked submissions, and the whole round trip to a scored
/// self-evaluation.
/// </summary>
public sealed partial class DraftApiTests(WebFixture web) : IClassFixture<WebFixture>
{
    private const string Filler = "filler@医保中心";
    private const string OtherFiller = "filler@采购中心";
    private const string Reviewer = "reviewer@医保局";
    private const string Finance = "finance@财政局";
    private const string Head = "head@医保中心";
    private const string InsuranceCentre = "上海市医疗保险事业管理中心";

    /// <summary>A signed-in client and the antiforgery token it got from GET /api/v1/antiforgery.</summary>
    private sealed record Caller(HttpClient Client, string Token) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    private async Task<Caller> As(string userName)
    {
        var client = AccountTests.Client(web);
        Assert.Equal(HttpStatusCode.Redirect, (await AccountTests.Login(client, userName)).StatusCode);
        return new Caller(client, await CsrfToken(client));
    }

    private static async Task<string> CsrfToken(HttpClient client)
    {
        var json = JsonNode.Parse(await client.GetStringAsync("/api/v1/antiforgery"))!;
        Assert.Equal("X-CSRF-TOKEN", json["headerName"]!.GetValue<string>());
        return json["token"]!.GetValue<string>();
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, object? body = null, string? token = null, int? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (token is not null)
        {
            request.Headers.Add("X-CSRF-TOKEN", token);
        }

        if (ifMatch is { } version)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{V(version)}\""));
        }

        return await client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> Send(Caller caller, HttpMethod method, string url, object? body = null, int? ifMatch = null) =>
        Send(caller.Client, method, url, body, caller.Token, ifMatch);

    private static async Task<JsonNode> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    private static string V(int version) => version.ToString(CultureInfo.InvariantCulture);

    private static readonly (string Level1, string Level2, string Name, string Target)[] CompleteRows =
    [
        ("产出指标", "数量指标", "系统数", "≥3个"),
        ("效益指标", "社会效益指标", "运行", "稳定运行"),
        ("满意度指标", "服务对象满意度指标", "满意度", "≥95.00(%)"),
        ("成本指标", "经济成本指标", "运维成本", "≤100万元"),
    ];

    /// <summary>A target declaration in the interchange JSON; the unit and department in it are lies the API must ignore.</summary>
    private static object TargetForm(string name, string goal = "保障系统稳定运行", decimal currentYear = 100000, int year = 2026, params (string Level1, string Level2, string Name, string Target)[] rows) => new
    {
        kind = "target",
        year,
        name,
        nature = "经常性专项业务费",
        category = "特定目标类",
        unit = "伪造的单位",
        department = "伪造的部门",
        funds = new { annualTotal = 100000m, currentYear, carryOver = 0m, other = 0m },
        goal,
        indicators = rows.Select(r => new { level1 = r.Level1, level2 = r.Level2, name = r.Name, target = r.Target }),
    };

    /// <summary>A new draft of <see cref="Filler"/>'s unit through the API; returns its id (version 1).</summary>
    private async Task<long> NewDraft(string name, params (string, string, string, string)[] rows)
    {
        using var filler = await As(Filler);
        var response = await Send(filler, HttpMethod.Post, "/api/v1/drafts", TargetForm(name, rows: rows));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await Json(response))["id"]!.GetValue<long>();
        Assert.Equal($"/api/v1/drafts/{id}", response.Headers.Location!.OriginalString);
        return id;
    }

    /// <summary>Who approves a draft of <see cref="Filler"/>'s unit at each review step (单位审核 → 主管部门审核 → 财政审核).</summary>
    private static readonly string[] Chain = [Head, Reviewer, Finance];

    /// <summary>A complete declaration of <see cref="Filler"/>'s unit, submitted and approved at every review step (version 5).</summary>
    private async Task<long> ApprovedDraft(string name)
    {
        var id = await NewDraft(name, CompleteRows);
        using var filler = await As(Filler);
        Assert.Equal(HttpStatusCode.OK, (await Transition(filler, id, "Submit", 1)).StatusCode);
        for (var step = 0; step < Chain.Length; step++)
        {
            using var reviewer = await As(Chain[step]);
            Assert.Equal(HttpStatusCode.OK, (await Transition(reviewer, id, "Approve", 2 + step)).StatusCode);
        }

        return id;
    }

    /// <summary>The self-evaluation started from a new approved declaration; returns its id (version 1).</summary>
    private async Task<long> EvaluationDraft(string name)
    {
        var target = await ApprovedDraft(name);
        using var filler = await As(Filler);
        var response = await Send(filler, HttpMethod.Post, $"/api/v1/drafts/{target}/evaluation");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await Json(response))["id"]!.GetValue<long>();
        Assert.Equal($"/api/v1/drafts/{id}", response.Headers.Location!.OriginalString);
        return id;
    }

    private static Task<HttpResponseMessage> Transition(Caller caller, long id, string transition, int version, string? comment = null, Dictionary<string, string>? notes = null) =>
        Send(caller, HttpMethod.Post, $"/api/v1/drafts/{id}/transitions", new { transition, version, comment, notes });

    /// <summary>The stored draft as its owner reads it.</summary>
    private async Task<JsonNode> Stored(long id)
    {
        using var filler = await As(Filler);
        var response = await filler.Client.GetAsync($"/api/v1/drafts/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Json(response);
    }

    private async Task<List<string>> AuditActions(long id)
    {
        using var filler = await As(Filler);
        var lines = (await Json(await filler.Client.GetAsync($"/api/v1/drafts/{id}/audit")))["items"]!.AsArray();
        return [.. lines.Select(l => l!["action"]!.GetValue<string>())];
    }

    /// <summary>Every request of the drafts API on draft <paramref name="id"/>, each well-formed (body, If-Match, version).</summary>
    private static (HttpMethod Method, string Url, object? Body)[] ApiRequests(long id) =>
    [
        (HttpMethod.Get, "/api/v1/drafts", null),
        (HttpMethod.Get, $"/api/v1/drafts/{id}", null),
        (HttpMethod.Post, "/api/v1/drafts", TargetForm("新建")),
        (HttpMethod.Put, $"/api/v1/drafts/{id}", TargetForm("篡改", "篡改的目标")),
        (HttpMethod.Post, $"/api/v1/drafts/{id}/transitions", new { transition = "Submit", version = 1 }),
        (HttpMethod.Post, $"/api/v1/drafts/{id}/evaluation", null),
        (HttpMethod.Get, $"/api/v1/drafts/{id}/audit", null),
    ];

    /// <summary>Fails listing every request that did not answer <paramref name="expected"/>.</summary>
    private static void AllAre(HttpStatusCode expected, IEnumerable<(string Request, HttpResponseMessage Response)> answers)
    {
        var wrong = answers.Where(a => a.Response.StatusCode != expected).Select(a => $"{a.Request} → {(int)a.Response.StatusCode} {a.Response.Headers.Location}").ToList();
        Assert.True(wrong.Count == 0, $"expected {(int)expected}: " + string.Join("; ", wrong));
    }

    [Fact]
    public async Task The_drafts_api_is_described_in_the_openapi_document_in_chinese()
    {
        using var client = AccountTests.Client(web);

        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!["paths"]!;

        Assert.Equal("列出当前用户可以查看的草稿（申报表和自评表；最近修改的在前，分页）", document["/api/v1/drafts"]!["get"]!["summary"]!.GetValue<string>());
        Assert.NotNull(document["/api/v1/drafts"]!["post"]);
        Assert.NotNull(document["/api/v1/drafts/{id}"]!["put"]);
        Assert.StartsWith("提交、退回", document["/api/v1/drafts/{id}/transitions"]!["post"]!["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(document["/api/v1/drafts/{id}/evaluation"]!["post"]);
        Assert.NotNull(document["/api/v1/drafts/{id}/audit"]!["get"]);
        Assert.NotNull(document["/api/v1/antiforgery"]!["get"]);
    }

    // ---- who may do what --------------------------------------------------------------------------

    [Fact]
    public async Task Anonymous_callers_get_401_from_every_drafts_endpoint_never_a_login_redirect()
    {
        var id = await NewDraft("匿名调用");
        using var anonymous = AccountTests.Client(web);
        var token = await CsrfToken(anonymous); // a token does not make an anonymous caller anyone

        var answers = new List<(string, HttpResponseMessage)>();
        foreach (var (method, url, body) in ApiRequests(id))
        {
            answers.Add(($"{method} {url}", await Send(anonymous, method, url, body, token, ifMatch: 1)));
        }

        AllAre(HttpStatusCode.Unauthorized, answers);
        Assert.All(answers, a => Assert.Null(a.Item2.Headers.Location));
        Assert.Equal(1, (await Stored(id))["version"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/forms")).StatusCode); // published forms stay public
    }

    [Fact]
    public async Task A_filler_of_another_unit_gets_404_from_every_endpoint_of_a_draft_and_changes_nothing()
    {
        var target = await NewDraft("他单位的申报表");
        var evaluation = await EvaluationDraft("他单位的自评表");
        using var other = await As(OtherFiller);

        var answers = new List<(string, HttpResponseMessage)>();
        foreach (var id in new[] { target, evaluation })
        {
            foreach (var (method, url, body) in ApiRequests(id).Where(r => r.Url != "/api/v1/drafts"))
            {
                answers.Add(($"{method} {url}", await Send(other, method, url, body, ifMatch: 1)));
            }
        }

        AllAre(HttpStatusCode.NotFound, answers);
        var list = await (await other.Client.GetAsync("/api/v1/drafts")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("他单位的", list, StringComparison.Ordinal);
        var stored = await Stored(target);
        Assert.Equal(1, stored["version"]!.GetValue<int>());
        Assert.Equal("他单位的申报表", stored["name"]!.GetValue<string>());
        Assert.Equal(["create"], await AuditActions(target));
        Assert.Equal(["create"], await AuditActions(evaluation));
    }

    [Theory]
    [InlineData(Reviewer)]
    [InlineData("head@医保中心")]
    [InlineData(Finance)]
    [InlineData("admin")]
    public async Task Reviewers_read_drafts_and_their_audit_through_the_api_but_every_write_is_403(string userName)
    {
        var id = await NewDraft("审核人只读");
        var approved = await ApprovedDraft("审核人不能开始自评");
        using var reviewer = await As(userName);

        var read = await reviewer.Client.GetAsync($"/api/v1/drafts/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("\"1\"", read.Headers.ETag!.Tag);
        var draft = await Json(read);
        Assert.Equal("审核人只读", draft["form"]!["name"]!.GetValue<string>());
        Assert.False(draft["canWrite"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, (await reviewer.Client.GetAsync($"/api/v1/drafts/{id}/audit")).StatusCode);
        Assert.Contains("审核人只读", await reviewer.Client.GetStringAsync("/api/v1/drafts"), StringComparison.Ordinal);

        AllAre(HttpStatusCode.Forbidden,
        [
            ("POST /api/v1/drafts", await Send(reviewer, HttpMethod.Post, "/api/v1/drafts", TargetForm("审核人新建"))),
            ("PUT", await Send(reviewer, HttpMethod.Put, $"/api/v1/drafts/{id}", TargetForm("篡改"), ifMatch: 1)),
            ("Submit", await Transition(reviewer, id, "Submit", 1)),
            ("Approve a draft never submitted", await Transition(reviewer, id, "Approve", 1)),
            ("evaluation", await Send(reviewer, HttpMethod.Post, $"/api/v1/drafts/{approved}/evaluation")),
        ]);
        var stored = await Stored(id);
        Assert.Equal(1, stored["version"]!.GetValue<int>());
        Assert.Equal("draft", stored["state"]!.GetValue<string>());
        Assert.Equal(["create", "submit", "approve", "approve", "approve"], await AuditActions(approved));
    }

    [Fact]
    public async Task State_changing_api_requests_without_a_valid_antiforgery_token_are_400_and_change_nothing()
    {
        var id = await NewDraft("防伪令牌");
        var approved = await ApprovedDraft("防伪令牌自评");
        using var filler = await As(Filler);
        using var early = AccountTests.Client(web);
        var before = await CsrfToken(early); // issued to nobody, then used by a signed-in user
        await AccountTests.Login(early, Filler);
        var count = (await Json(await filler.Client.GetAsync("/api/v1/drafts")))["total"]!.GetValue<int>();

        var answers = new List<(string, HttpResponseMessage)>();
        foreach (var (label, token) in new[] { ("none", (string?)null), ("forged", "CfDJ8-not-a-token"), ("before sign-in", before) })
        {
            foreach (var (method, url, body) in ApiRequests(id).Append((HttpMethod.Post, $"/api/v1/drafts/{approved}/evaluation", null)).Where(r => r.Method != HttpMethod.Get))
            {
                var client = label == "before sign-in" ? early : filler.Client;
                answers.Add(($"{label}: {method} {url}", await Send(client, method, url, body, token, ifMatch: 1)));
            }
        }

        AllAre(HttpStatusCode.BadRequest, answers);
        var problem = await Json(answers[0].Item2);
        Assert.Contains("X-CSRF-TOKEN", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(count, (await Json(await filler.Client.GetAsync("/api/v1/drafts")))["total"]!.GetValue<int>());
        Assert.Equal(["create"], await AuditActions(id));
        Assert.Equal(["create", "submit", "approve", "approve", "approve"], await AuditActions(approved));

        // The same request with the token goes through.
        Assert.Equal(HttpStatusCode.OK, (await Send(filler, HttpMethod.Put, $"/api/v1/drafts/{id}", TargetForm("防伪令牌", "有令牌"), ifMatch: 1)).StatusCode);
    }

    // ---- versions -------------------------------------------------------------------------------

    [Fact]
    public async Task An_edit_can_move_a_declaration_to_another_year_and_the_audit_says_so()
    {
        var id = await NewDraft("改年度");
        using var filler = await As(Filler);

        Assert.Equal(HttpStatusCode.OK, (await Send(filler, HttpMethod.Put, $"/api/v1/drafts/{id}", TargetForm("改年度", year: 2027), ifMatch: 1)).StatusCode);
        Assert.Equal(2027, (await Stored(id))["form"]!["year"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await Send(filler, HttpMethod.Put, $"/api/v1/drafts/{id}", TargetForm("改年度", year: 1900), ifMatch: 2)).StatusCode);
        Assert.Equal(2027, (await Stored(id))["form"]!["year"]!.GetValue<int>()); // out of range: kept

        var audit = await (await filler.Client.GetAsync($"/api/v1/drafts/{id}/audit")).Content.ReadAsStringAsync();
        Assert.Contains("年度: 2026 → 2027", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_without_If_Match_is_428_and_a_stale_one_409_with_the_current_version_leaving_the_draft_unchanged()
    {
        var id = await NewDraft("版本控制");
        using var first = await As(Filler);
        using var second = await As(Filler);

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await Send(first, HttpMethod.Put, $"/api/v1/drafts/{id}", TargetForm("版本控制", "无版本"))).StatusCode);
        var saved = await Send(first, HttpMethod.Put, $"/api/v1/drafts/{id}", TargetForm("版本控制", "第一人的目标", rows: CompleteRows), ifMatch: 1);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("\"2\"", saved.Headers.ETag!.Tag);

        var stale = await Send(second, HttpMethod.Put, $"/api/v1/drafts/{id}", TargetForm("版本控制", "第二人的目标"), ifMatch: 1);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType!.MediaType);
        Assert.Equal("\"2\"", stale.Headers.ETag!.Tag);
        var problem = await Json(stale);
        Assert.Equal(2, problem["version"]!.GetValue<int>());
        Assert.Equal("第一人的目标", problem["form"]!["goal"]!.GetValue<string>());
        string[] Words(string key) => [.. problem[key]!.AsArray().Select(c => c!.GetValue<string>())];
        Assert.Equal("年度总体目标: 保障系统稳定运行 → 第一人的目标", Words("theirChanges")[0]);
        Assert.Equal(4, Words("theirChanges").Count(c => c.StartsWith("新增指标 ", StringComparison.Ordinal)));
        Assert.Equal("年度总体目标: 第一人的目标 → 第二人的目标", Words("yourChanges")[0]); // the refused body has no indicators
        Assert.Equal(4, Words("yourChanges").Count(c => c.StartsWith("删除指标 ", StringComparison.Ordinal)));
        var stored = await Stored(id);
        Assert.Equal(2, stored["version"]!.GetValue<int>());
        Assert.Equal("第一人的目标", stored["form"]!["goal"]!.GetValue<string>());
        Assert.Equal(4, stored["form"]!["indicators"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.Conflict, (await Transition(second, id, "Submit", 1)).StatusCode);
        Assert.Equal(["create", "update"], await AuditActions(id));
    }

    [Fact]
    public async Task Two_concurrent_edits_with_the_same_If_Match_end_in_one_200_and_one_409_and_one_logged_update()
    {
        var id = await NewDraft("并发修改");
        using var first = await As(Filler);
        using var second = await As(Filler);

        var responses = await Task.WhenAll(
            Send(first, HttpMethod.Put, $"/api/v1/drafts/{id}", TargetForm("并发修改", "甲的目标"), ifMatch: 1),
            Send(second, HttpMethod.Put, $"/api/v1/drafts/{id}", TargetForm("并发修改", "乙的目标"), ifMatch: 1));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var winner = responses[0].StatusCode == HttpStatusCode.OK ? "甲的目标" : "乙的目标";
        var stored = await Stored(id);
        Assert.Equal(2, stored["version"]!.GetValue<int>());
        Assert.Equal(winner, stored["form"]!["goal"]!.GetValue<string>());
        Assert.Equal(["create", "update"], await AuditActions(id));
    }

    [Fact]
    public async Task Four_concurrent_starts_of_a_self_evaluation_make_one_draft_one_201_and_three_200()
    {
        var target = await ApprovedDraft("并发开始自评");
        var callers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => As(Filler)));
        try
        {
            var responses = await Task.WhenAll(callers.Select(c => Send(c, HttpMethod.Post, $"/api/v1/drafts/{target}/evaluation")));

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Created], responses.Select(r => r.StatusCode).Order());
            var ids = await Task.WhenAll(responses.Select(async r => (await Json(r))["id"]!.GetValue<long>()));
            Assert.Single(ids.Distinct());
        }
        finally
        {
            foreach (var c in callers)
            {
                c.Dispose();
            }
        }
    }

    // ---- the workflow ---------------------------------------------------------------------------

    [Fact]
    public async Task A_blocked_submit_is_422_listing_the_blocking_findings()
    {
        var id = await NewDraft("不完整");
        using var filler = await As(Filler);
        var body = TargetForm("不完整", currentYear: 90000, rows: ("产出指标", "数量指标", "系统数", "")); // 100000 ≠ 90000 + 0 + 0
        Assert.Equal(HttpStatusCode.OK, (await Send(filler, HttpMethod.Put, $"/api/v1/drafts/{id}", body, ifMatch: 1)).StatusCode);

        var refused = await Transition(filler, id, "Submit", 2);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var findings = (await Json(refused))["findings"]!.AsArray();
        var codes = findings.Select(f => f!["code"]!.GetValue<string>()).ToList();
        Assert.Contains("funds.sum", codes);
        Assert.Contains("target.missing-value", codes);
        Assert.Contains("indicators.missing-level1", codes);
        Assert.All(findings, f => Assert.Equal("error", f!["severity"]!.GetValue<string>()));
        Assert.Contains(findings, f => f!["indicator"]?.GetValue<string>() == "系统数");
        var stored = await Stored(id);
        Assert.Equal("draft", stored["state"]!.GetValue<string>());
        Assert.Equal(2, stored["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_return_needs_a_comment_and_an_unknown_transition_is_400()
    {
        var id = await NewDraft("退回意见", CompleteRows);
        using var filler = await As(Filler);
        using var reviewer = await As(Head); // the first review step
        Assert.Equal(HttpStatusCode.OK, (await Transition(filler, id, "Submit", 1)).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await Transition(reviewer, id, "Return", 2, " ")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Transition(reviewer, id, "Delete", 2)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Transition(filler, id, "Approve", 2)).StatusCode); // a filler never approves
        var returned = await Transition(reviewer, id, "Return", 2, notes: new() { ["2"] = "满意度目标应不低于95%" });

        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var draft = await Json(returned);
        Assert.Equal("returned", draft["state"]!.GetValue<string>());
        Assert.Equal(3, draft["version"]!.GetValue<int>());
        Assert.Equal("满意度目标应不低于95%", (await Stored(id))["review"]!["indicators"]!["2"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_declaration_goes_from_creation_to_publication_and_to_a_scored_self_evaluation_through_the_api()
    {
        using var filler = await As(Filler);
        using var reviewer = await As(Reviewer);
        using var finance = await As(Finance);
        var created = await Send(filler, HttpMethod.Post, "/api/v1/drafts", new { forms = new[] { TargetForm("接口全流程项目", rows: CompleteRows) } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await Json(created);
        var id = draft["id"]!.GetValue<long>();
        Assert.Equal(InsuranceCentre, draft["form"]!["unit"]!.GetValue<string>()); // from the account, not the body
        Assert.Equal("上海市医疗保障局", draft["form"]!["department"]!.GetValue<string>());
        Assert.Equal("≥", draft["form"]!["indicators"]![0]!["targetValue"]!["op"]!.GetValue<string>());
        Assert.Empty(draft["blocking"]!.AsArray());
        Assert.Contains(id, (await Json(await filler.Client.GetAsync("/api/v1/drafts?pageSize=500")))["items"]!.AsArray().Select(d => d!["id"]!.GetValue<long>()));

        Assert.Equal(HttpStatusCode.OK, (await Transition(filler, id, "Submit", 1)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(filler, HttpMethod.Put, $"/api/v1/drafts/{id}", TargetForm("改"), ifMatch: 2)).StatusCode); // submitted: read-only
        Assert.Equal(HttpStatusCode.Forbidden, (await Transition(reviewer, id, "Approve", 2)).StatusCode); // 单位审核 comes first
        using (var head = await As(Head))
        {
            Assert.Equal(HttpStatusCode.OK, (await Transition(head, id, "Approve", 2)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await Transition(head, id, "Approve", 3)).StatusCode); // not past 主管部门审核
        }

        Assert.Equal(HttpStatusCode.OK, (await Transition(reviewer, id, "Approve", 3)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Transition(finance, id, "Approve", 4)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Transition(reviewer, id, "Publish", 5)).StatusCode);
        var published = await Transition(finance, id, "Publish", 5);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("published", (await Json(published))["state"]!.GetValue<string>());
        using var anonymous = AccountTests.Client(web);
        Assert.Contains("接口全流程项目", await anonymous.GetStringAsync("/api/v1/search?q=" + Uri.EscapeDataString("接口全流程项目")), StringComparison.Ordinal);

        var started = await Send(filler, HttpMethod.Post, $"/api/v1/drafts/{id}/evaluation");
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var evaluation = await Json(started);
        var evaluationId = evaluation["id"]!.GetValue<long>();
        Assert.Equal("selfEvaluation", evaluation["kind"]!.GetValue<string>());
        Assert.Equal(id, evaluation["basedOnId"]!.GetValue<long>());
        var again = await Send(filler, HttpMethod.Post, $"/api/v1/drafts/{id}/evaluation");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // started once: asking again opens it
        Assert.Equal(evaluationId, (await Json(again))["id"]!.GetValue<long>());

        var form = evaluation["form"]!.DeepClone();
        form["outcome"] = "系统全年稳定运行。";
        form["budget"] = new JsonObject
        {
            ["total"] = new JsonObject { ["initial"] = 10, ["full"] = 10, ["executed"] = 9.5m, ["weight"] = 10 },
            ["currentYear"] = new JsonObject { ["initial"] = 10, ["full"] = 10, ["executed"] = 9.5m },
        };
        (string Actual, int Weight)[] rows = [("3个", 25), ("达成指标", 30), ("90%", 10), ("80万元", 25)];
        for (var i = 0; i < rows.Length; i++)
        {
            form["indicators"]![i]!["actual"] = rows[i].Actual;
            form["indicators"]![i]!["weight"] = rows[i].Weight;
        }

        var renamed = form.DeepClone();
        renamed["indicators"]![0]!["name"] = "改过的指标";
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await Send(filler, HttpMethod.Put, $"/api/v1/drafts/{evaluationId}", renamed, ifMatch: 1)).StatusCode);

        var saved = await Send(filler, HttpMethod.Put, $"/api/v1/drafts/{evaluationId}", form, ifMatch: 1);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var score = (await Json(saved))["score"]!;
        Assert.Equal(98.97m, score["total"]!.GetValue<decimal>()); // 9.50 + 25 + 30 + 9.47 + 25
        Assert.Equal("优", score["grade"]!.GetValue<string>());
        var blocked = await Transition(filler, evaluationId, "Submit", 2);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blocked.StatusCode);
        Assert.Contains((await Json(blocked))["findings"]!.AsArray(), f => f!["code"]!.GetValue<string>() == "deviation.missing");

        form["indicators"]![2]!["deviation"] = "宣传不足，明年加强服务";
        Assert.Equal(HttpStatusCode.OK, (await Send(filler, HttpMethod.Put, $"/api/v1/drafts/{evaluationId}", form, ifMatch: 2)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Transition(filler, evaluationId, "Submit", 3)).StatusCode);
        Assert.Equal(["create", "update", "update", "submit"], await AuditActions(evaluationId));
        Assert.Equal(["create", "submit", "approve", "approve", "approve", "publish"], await AuditActions(id));
    }
}
