using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using static Jixiao.Web.Tests.MonitoringSupport;

namespace Jixiao.Web.Tests;

/// <summary>
/// The monitoring API of /api/v1/monitoring: create from a published declaration or from a whole form, get,
/// paged list with lights, update with If-Match, transitions, audit; 404 for another unit, 401 anonymous,
/// antiforgery on every change, problem+json with the field of every bad input.
/// </summary>
public sealed class MonitoringApiTests(WebFixture web) : IClassFixture<WebFixture>
{
    private sealed record Caller(HttpClient Client, string Token) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    private async Task<Caller> As(string userName)
    {
        var client = await SignedIn(web, userName);
        var json = JsonNode.Parse(await client.GetStringAsync("/api/v1/antiforgery"))!;
        return new Caller(client, json["token"]!.GetValue<string>());
    }

    private static async Task<HttpResponseMessage> Send(Caller caller, HttpMethod method, string url, object? body = null, int? ifMatch = null, bool token = true)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is JsonNode node)
        {
            request.Content = new StringContent(node.ToJsonString(), Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (token)
        {
            request.Headers.Add("X-CSRF-TOKEN", caller.Token);
        }

        if (ifMatch is { } version)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version.ToString(CultureInfo.InvariantCulture)}\""));
        }

        return await caller.Client.SendAsync(request);
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    /// <summary>A new monitoring form of the centre posted whole (not from a declaration); its detail.</summary>
    private static async Task<JsonNode> CreateWhole(Caller filler, string name, int year = 2024)
    {
        var response = await Send(filler, HttpMethod.Post, "/api/v1/monitoring", WholeForm(name, year));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await Json(response);
    }

    private static JsonNode WholeForm(string name, int year = 2024, string executed = "30.10") => JsonNode.Parse($$"""
        {
          "kind": "monitoring", "year": {{year}}, "through": 7, "name": "{{name}}", "unit": "伪造的单位", "department": "伪造的部门",
          "basedOn": { "name": "{{name}}", "year": {{year}} },
          "budget": { "total": { "initial": 83.00, "full": null, "executed": {{executed}}, "forecast": 80.00 } },
          "goal": "保障业务正常运转",
          "indicators": [
            { "level1": "产出指标", "level2": "数量指标", "name": "完成件数", "target": "≥100件", "forecast": "60件", "likelihood": "possible" },
            { "level1": "满意度指标", "level2": "服务对象满意度指标", "name": "满意度", "target": "≥90%", "forecast": "95%", "likelihood": "certain" }
          ]
        }
        """)!;

    [Fact]
    public async Task Anonymous_callers_get_401_as_problems()
    {
        using var client = AccountTests.Client(web);

        var response = await client.GetAsync("/api/v1/monitoring");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_filler_starts_from_the_published_declaration_gets_it_lists_it_and_starting_again_answers_200()
    {
        var formId = Published2024(web.Services);
        using var filler = await As(Filler);

        var created = await Send(filler, HttpMethod.Post, $"/api/v1/monitoring?fromForm={formId}");
        var again = await Send(filler, HttpMethod.Post, $"/api/v1/monitoring?fromForm={formId}");

        Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK); // another test may have started it
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var detail = await Json(again);
        var id = detail["id"]!.GetValue<long>();
        Assert.Equal(Project, detail["name"]!.GetValue<string>());
        Assert.Equal(Centre, detail["form"]!["unit"]!.GetValue<string>());
        Assert.Equal("monitoring", detail["form"]!["kind"]!.GetValue<string>());
        Assert.Equal(146.00m, detail["form"]!["budget"]!["total"]!["initial"]!.GetValue<decimal>());
        Assert.Equal(formId, detail["basedOnFormId"]!.GetValue<long>());
        var get = await filler.Client.GetAsync($"/api/v1/monitoring/{id}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.NotNull(get.Headers.ETag);
        var list = await Json(await filler.Client.GetAsync("/api/v1/monitoring?page=1&pageSize=50"));
        Assert.Contains(list["items"]!.AsArray(), i => i!["id"]!.GetValue<long>() == id);
        Assert.Equal(50, list["pageSize"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_whole_form_is_created_for_the_callers_unit_and_lights_and_findings_come_with_it()
    {
        using var filler = await As(Filler);

        var detail = await CreateWhole(filler, "接口创建的监控表");

        Assert.Equal(Centre, detail["unit"]!.GetValue<string>()); // the unit of the body is ignored
        Assert.Equal("draft", detail["state"]!.GetValue<string>());
        Assert.Equal(1, detail["version"]!.GetValue<int>());
        Assert.Equal("red", detail["lights"]!["form"]!["light"]!.GetValue<string>());
        Assert.Equal("red", detail["lights"]!["indicators"]![0]!["light"]!.GetValue<string>());
        var codes = detail["lights"]!["findings"]!.AsArray().Select(f => f!["code"]!.GetValue<string>()).ToList();
        Assert.Contains("monitoring.cause-missing", codes);
        Assert.Contains("monitoring.based-on-missing", codes); // no such declaration of the centre: a warning
        Assert.Equal(["Submit"], detail["transitions"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Theory]
    [InlineData("through", 13, "through")]
    [InlineData("through", "七", "through")]
    public async Task A_bad_month_is_a_422_naming_the_field_and_nothing_is_stored(string field, object value, string named)
    {
        using var filler = await As(Filler);
        var form = WholeForm("坏月份");
        form[field] = JsonValue.Create(value);
        var before = await Json(await filler.Client.GetAsync("/api/v1/monitoring?pageSize=100"));

        var response = await Send(filler, HttpMethod.Post, "/api/v1/monitoring", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull((await Json(response))["errors"]![named]);
        var after = await Json(await filler.Client.GetAsync("/api/v1/monitoring?pageSize=100"));
        Assert.Equal(before["total"]!.GetValue<int>(), after["total"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("likelihood", "maybe", "indicators[0].likelihood")]
    [InlineData("causes", "weather", "indicators[0].causes[0]")]
    [InlineData("executed", "-5", "budget.total.executed")]
    [InlineData("executed", "abc", "budget.total.executed")]
    public async Task Bad_values_in_an_update_are_422_naming_the_field_and_the_version_stays(string what, string value, string named)
    {
        using var filler = await As(Filler);
        var id = (await CreateWhole(filler, $"坏值-{what}-{value}"))["id"]!.GetValue<long>();
        var form = WholeForm($"坏值-{what}-{value}");
        switch (what)
        {
            case "likelihood":
                form["indicators"]![0]!["likelihood"] = value;
                break;
            case "causes":
                form["indicators"]![0]!["causes"] = new JsonArray(value);
                break;
            default:
                form["budget"]!["total"]!["executed"] = decimal.TryParse(value, CultureInfo.InvariantCulture, out var d) ? JsonValue.Create(d) : JsonValue.Create(value);
                break;
        }

        var response = await Send(filler, HttpMethod.Put, $"/api/v1/monitoring/{id}", form, ifMatch: 1);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull((await Json(response))["errors"]![named]);
        Assert.Equal(1, (await Json(await filler.Client.GetAsync($"/api/v1/monitoring/{id}")))["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Executed_above_the_budget_is_stored_with_a_warning()
    {
        using var filler = await As(Filler);
        var id = (await CreateWhole(filler, "超预算执行"))["id"]!.GetValue<long>();

        var response = await Send(filler, HttpMethod.Put, $"/api/v1/monitoring/{id}", WholeForm("超预算执行", executed: "90.00"), ifMatch: 1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var detail = await Json(response);
        Assert.Equal(2, detail["version"]!.GetValue<int>());
        Assert.Contains(detail["lights"]!["findings"]!.AsArray(), f => f!["code"]!.GetValue<string>() == "monitoring.over-executed" && f["severity"]!.GetValue<string>() == "warning");
    }

    [Fact]
    public async Task Updates_need_if_match_and_the_current_version_and_changes_need_the_antiforgery_token()
    {
        using var filler = await As(Filler);
        var id = (await CreateWhole(filler, "并发"))["id"]!.GetValue<long>();

        Assert.Equal(HttpStatusCode.BadRequest, (await Send(filler, HttpMethod.Post, "/api/v1/monitoring", WholeForm("无令牌"), token: false)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Send(filler, HttpMethod.Put, $"/api/v1/monitoring/{id}", WholeForm("并发"), ifMatch: 1, token: false)).StatusCode);
        Assert.Equal((HttpStatusCode)428, (await Send(filler, HttpMethod.Put, $"/api/v1/monitoring/{id}", WholeForm("并发"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(filler, HttpMethod.Put, $"/api/v1/monitoring/{id}", WholeForm("并发", executed: "40"), ifMatch: 1)).StatusCode);
        var stale = await Send(filler, HttpMethod.Put, $"/api/v1/monitoring/{id}", WholeForm("并发", executed: "50"), ifMatch: 1);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(2, (await Json(stale))["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Another_unit_gets_404_and_reviewers_may_not_write()
    {
        using var filler = await As(Filler);
        var id = (await CreateWhole(filler, "他单位不可见的监控表"))["id"]!.GetValue<long>();
        using var other = await As(OtherFiller);
        using var reviewer = await As(Reviewer);

        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/monitoring/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(other, HttpMethod.Put, $"/api/v1/monitoring/{id}", WholeForm("x"), ifMatch: 1)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(other, HttpMethod.Post, $"/api/v1/monitoring/{id}/transitions", new { transition = "Submit", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/monitoring/{id}/audit")).StatusCode);
        Assert.DoesNotContain((await Json(await other.Client.GetAsync("/api/v1/monitoring?pageSize=100")))["items"]!.AsArray(), i => i!["id"]!.GetValue<long>() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await Send(other, HttpMethod.Post, $"/api/v1/monitoring?fromForm={Published2024(web.Services)}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.Client.GetAsync($"/api/v1/monitoring/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(reviewer, HttpMethod.Put, $"/api/v1/monitoring/{id}", WholeForm("x"), ifMatch: 1)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(reviewer, HttpMethod.Post, "/api/v1/monitoring", WholeForm("x"))).StatusCode);
    }

    [Fact]
    public async Task Submit_is_422_without_a_cause_then_the_reviewer_returns_and_accepts_and_the_audit_has_every_step()
    {
        using var filler = await As(Filler);
        using var reviewer = await As(Reviewer);
        var id = (await CreateWhole(filler, "接口流转"))["id"]!.GetValue<long>();

        var blocked = await Send(filler, HttpMethod.Post, $"/api/v1/monitoring/{id}/transitions", new { transition = "Submit", version = 1 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, blocked.StatusCode);
        Assert.Contains((await Json(blocked))["findings"]!.AsArray(), f => f!["code"]!.GetValue<string>() == "monitoring.cause-missing");

        var form = WholeForm("接口流转");
        form["indicators"]![0]!["causes"] = new JsonArray("staffing");
        form["indicators"]![0]!["causeText"] = "人员不足，已增派";
        form["budget"]!["total"]!["causeText"] = "合同付款节点在下半年";
        Assert.Equal(HttpStatusCode.OK, (await Send(filler, HttpMethod.Put, $"/api/v1/monitoring/{id}", form, ifMatch: 1)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send(filler, HttpMethod.Post, $"/api/v1/monitoring/{id}/transitions", new { transition = "Submit", version = 2 })).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await Send(reviewer, HttpMethod.Post, $"/api/v1/monitoring/{id}/transitions", new { transition = "Return", version = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Send(reviewer, HttpMethod.Post, $"/api/v1/monitoring/{id}/transitions", new { transition = "Publish", version = 3 })).StatusCode);
        var returned = await Send(reviewer, HttpMethod.Post, $"/api/v1/monitoring/{id}/transitions", new { transition = "Return", version = 3, comment = "请补充改进措施" });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        Assert.Equal("returned", (await Json(returned))["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await Send(filler, HttpMethod.Post, $"/api/v1/monitoring/{id}/transitions", new { transition = "Submit", version = 4 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Send(reviewer, HttpMethod.Post, $"/api/v1/monitoring/{id}/transitions", new { transition = "Accept", version = 4 })).StatusCode);
        var accepted = await Send(reviewer, HttpMethod.Post, $"/api/v1/monitoring/{id}/transitions", new { transition = "Accept", version = 5 });
        Assert.Equal("accepted", (await Json(accepted))["state"]!.GetValue<string>());

        var audit = await Json(await filler.Client.GetAsync($"/api/v1/monitoring/{id}/audit?pageSize=20"));
        Assert.Equal(["create", "update", "submit", "return", "submit", "accept"], audit["items"]!.AsArray().Select(a => a!["action"]!.GetValue<string>()));
        Assert.Equal("请补充改进措施", audit["items"]![3]!["comment"]!.GetValue<string>());
        var red = await Json(await reviewer.Client.GetAsync("/api/v1/monitoring?light=red&state=accepted&pageSize=100"));
        Assert.Contains(red["items"]!.AsArray(), i => i!["id"]!.GetValue<long>() == id);
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.Client.GetAsync("/api/v1/monitoring?light=purple")).StatusCode);
    }

    [Fact]
    public async Task The_indicators_of_a_declared_project_cannot_be_changed_through_the_api()
    {
        using var filler = await As(Filler);
        var detail = await Json(await Send(filler, HttpMethod.Post, $"/api/v1/monitoring?fromForm={Published2024(web.Services)}"));
        var form = detail["form"]!.DeepClone();
        form["indicators"]![0]!["target"] = "=50%";

        var response = await Send(filler, HttpMethod.Put, $"/api/v1/monitoring/{detail["id"]}", form, ifMatch: detail["version"]!.GetValue<int>());

        Assert.True(response.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.Forbidden); // 403 once another test submitted it
    }
}
