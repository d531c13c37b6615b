using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Jixiao.Web.Accounts;
using Jixiao.Web.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jixiao.Web.Tests.MonitoringSupport;

namespace Jixiao.Web.Tests;

/// <summary>
/// Monitoring forms in storage and the pages: started from the unit's published declaration with everything
/// copied, saved with versions, bad input refused by field with nothing stored, lights and findings, the
/// workflow (submit → return or accept) with its audit log, and the drafts' authorization.
/// </summary>
public sealed class MonitoringTests(WebFixture web) : IClassFixture<WebFixture>
{
    /// <summary>Starts (or opens) the monitoring of the published 2024 declaration as the centre's filler; its id.</summary>
    private async Task<long> Start(HttpClient filler)
    {
        var formId = Published2024(web.Services);
        var response = await Post(filler, "/monitoring/start?handler=FromForm", new() { ["formId"] = formId.ToString(CultureInfo.InvariantCulture) }, $"/forms/{formId}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return IdOf(response.Headers.Location!);
    }

    /// <summary>A fresh monitoring form: the record of the published declaration is reused, so each test resets it to a new draft of its own.</summary>
    private async Task<(HttpClient Filler, long Id)> Fresh()
    {
        var filler = await SignedIn(web, Filler);
        var id = await Start(filler);
        using var scope = web.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AuthoringDbContext>();
        var record = await db.MonitoringForms.SingleAsync(r => r.Id == id);
        var copy = new Storage.Entities.StoredMonitoringForm
        {
            UnitId = record.UnitId, State = MonitoringStates.Draft, FormJson = record.FormJson, Version = 1, BasedOnFormId = null, CreatedBy = Filler,
            CreatedAt = record.CreatedAt, UpdatedAt = record.UpdatedAt,
        };
        db.MonitoringForms.Add(copy);
        db.MonitoringAudit.Add(new Storage.Entities.StoredMonitoringAudit { Record = copy, Action = MonitoringWorkflow.Created, UserName = Filler, At = DateTimeOffset.UtcNow, AfterJson = "{}" });
        await db.SaveChangesAsync();
        return (filler, copy.Id);
    }

    private async Task<Storage.Entities.StoredMonitoringForm> Stored(long id)
    {
        using var scope = web.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AuthoringDbContext>().MonitoringForms.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    private async Task<List<Storage.Entities.StoredMonitoringAudit>> Audit(long id)
    {
        using var scope = web.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AuthoringDbContext>().MonitoringAudit.AsNoTracking().Where(a => a.MonitoringId == id).OrderBy(a => a.Id).ToListAsync();
    }

    private static Task<HttpResponseMessage> Change(HttpClient client, long id, string transition, int version, string? comment = null) =>
        Post(client, $"/monitoring/{id}?handler=Change", new() { ["transition"] = transition, ["version"] = version.ToString(CultureInfo.InvariantCulture), ["comment"] = comment ?? "" }, $"/monitoring/{id}");

    [Theory]
    [InlineData("/monitoring")]
    [InlineData("/monitoring/1")]
    [InlineData("/monitoring/review")]
    public async Task Anonymous_users_are_sent_to_the_login(string url)
    {
        using var client = AccountTests.Client(web);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login?ReturnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Starting_from_the_published_declaration_copies_name_goal_targets_and_budget_and_opens_the_same_form_again()
    {
        using var filler = await SignedIn(web, Filler);

        var id = await Start(filler);
        var again = await Start(filler);

        Assert.Equal(id, again);
        var record = await Stored(id);
        var form = record.Form;
        Assert.Equal(Project, form.Name);
        Assert.Equal(2024, form.Year);
        Assert.Equal(7, form.Through);
        Assert.Equal(Centre, form.Unit);
        Assert.Equal(146.00m, form.Budget.Total!.Initial);
        Assert.Equal(["=100%", "<=5%", "=100%", ">99%", ">99%", ">99%"], form.Indicators.Select(i => i.Target));
        Assert.Equal(new Jixiao.Domain.Monitoring.MonitoringBasis(Project, 2024), form.BasedOn);
        Assert.NotNull(record.BasedOnFormId);
        Assert.Equal(MonitoringWorkflow.Created, Assert.Single(await Audit(id)).Action);
        var page = await AccountTests.Text(filler, $"/monitoring/{id}");
        Assert.Contains("邮寄数量完成率", page, StringComparison.Ordinal);
        Assert.Contains("value=\"146.00\"", page, StringComparison.Ordinal);
        Assert.Contains(Project, await AccountTests.Text(filler, "/monitoring"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_save_stores_a_new_version_and_shows_the_lights_and_escapes_user_text()
    {
        var (filler, id) = await Fresh();
        using var _ = filler;

        var response = await Post(filler, $"/monitoring/{id}", Fields(1), $"/monitoring/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"saved\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        var record = await Stored(id);
        Assert.Equal(2, record.Version);
        Assert.Equal(80m, record.Form.Budget.Total!.Executed);
        Assert.Equal(54.79m, record.Form.Budget.Total!.Rate);
        var review = web.Services.CreateScope().ServiceProvider.GetRequiredService<MonitoringService>().Review(record);
        Assert.Equal(Jixiao.Domain.Monitoring.Light.Red, review.Assessment!.Light);
        Assert.Equal(Jixiao.Domain.Monitoring.Light.Green, review.Assessment.Budget.Light);
        Assert.Contains(review.Findings, f => f.Code == "monitoring.cause-missing");
        Assert.Contains("monitoring.cause-missing", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal([MonitoringWorkflow.Created, MonitoringWorkflow.Updated], (await Audit(id)).Select(a => a.Action));
    }

    [Theory]
    [InlineData("Input.Through", "13", "through")]
    [InlineData("Input.Through", "七", "through")]
    [InlineData("Input.Total.Executed", "-1", "budget.total.executed")]
    [InlineData("Input.Total.Executed", "八十", "budget.total.executed")]
    [InlineData("Input.Total.Forecast", "abc", "budget.total.forecast")]
    [InlineData("Input.Rows[2].Likelihood", "maybe", "indicators[2].likelihood")]
    [InlineData("Input.Rows[1].Causes", "weather", "indicators[1].causes")]
    public async Task Bad_input_names_the_field_and_stores_nothing(string name, string value, string field)
    {
        var (filler, id) = await Fresh();
        using var _ = filler;
        var fields = Fields(1);
        fields[name] = value;

        var response = await Post(filler, $"/monitoring/{id}", fields, $"/monitoring/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"data-field=\"{field}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"saved\"", html, StringComparison.Ordinal);
        Assert.Equal(1, (await Stored(id)).Version);
        Assert.Single(await Audit(id));
    }

    [Fact]
    public async Task Executed_above_the_budget_is_saved_with_a_warning()
    {
        var (filler, id) = await Fresh();
        using var _ = filler;

        var html = WebUtility.HtmlDecode(await (await Post(filler, $"/monitoring/{id}", Fields(1, executed: "150"), $"/monitoring/{id}")).Content.ReadAsStringAsync());

        Assert.Contains("id=\"saved\"", html, StringComparison.Ordinal);
        Assert.Contains("<code>monitoring.over-executed</code>", html, StringComparison.Ordinal);
        Assert.Equal(2, (await Stored(id)).Version);
    }

    [Fact]
    public async Task The_lights_of_unsaved_input_come_from_the_server_with_their_reasons()
    {
        var (filler, id) = await Fresh();
        using var _ = filler;

        var response = await Post(filler, $"/monitoring/{id}?handler=Lights", Fields(1), $"/monitoring/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("red", json["form"]!["light"]!.GetValue<string>());
        Assert.Equal("red", json["indicators"]![0]!["light"]!.GetValue<string>());
        Assert.Equal("红", json["indicators"]![0]!["label"]!.GetValue<string>());
        Assert.Contains("90", json["indicators"]![0]!["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("green", json["indicators"]![1]!["light"]!.GetValue<string>());
        Assert.Equal(58.33m, json["budget"]!["timeProgress"]!.GetValue<decimal>());
        Assert.Equal(54.79m, json["budget"]!["rate"]!.GetValue<decimal>());
        Assert.Equal(1, (await Stored(id)).Version); // nothing saved
    }

    [Fact]
    public async Task Submit_is_refused_without_a_cause_then_the_reviewer_returns_with_a_comment_and_accepts_and_every_step_is_audited()
    {
        var (filler, id) = await Fresh();
        using var _ = filler;
        await Post(filler, $"/monitoring/{id}", Fields(1), $"/monitoring/{id}");

        var refused = WebUtility.HtmlDecode(await (await Change(filler, id, "Submit", 2)).Content.ReadAsStringAsync());
        Assert.Contains("id=\"change-refused\"", refused, StringComparison.Ordinal);
        Assert.Contains("monitoring.cause-missing", refused, StringComparison.Ordinal);
        Assert.Equal(MonitoringStates.Draft, (await Stored(id)).State);

        await Post(filler, $"/monitoring/{id}", Fields(2, cause: true), $"/monitoring/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await Change(filler, id, "Submit", 3)).StatusCode);
        Assert.Equal(MonitoringStates.Submitted, (await Stored(id)).State);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(filler, $"/monitoring/{id}", Fields(4, cause: true), $"/monitoring/{id}")).StatusCode);

        using var finance = await SignedIn(web, Finance);
        Assert.Equal(HttpStatusCode.Forbidden, (await Change(finance, id, "Accept", 4)).StatusCode); // 财政 reads, the department reviews

        using var reviewer = await SignedIn(web, Reviewer);
        Assert.Contains(Project, await AccountTests.Text(reviewer, "/monitoring/review?light=red"), StringComparison.Ordinal);
        Assert.Contains("id=\"change-refused\"", await (await Change(reviewer, id, "Return", 4)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Change(reviewer, id, "Return", 4, "请补充邮寄外包的时间安排")).StatusCode);
        var returned = await Stored(id);
        Assert.Equal(MonitoringStates.Returned, returned.State);
        Assert.Equal("请补充邮寄外包的时间安排", returned.ReviewComment);
        Assert.Contains("请补充邮寄外包的时间安排", await AccountTests.Text(filler, $"/monitoring/{id}"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await Change(filler, id, "Submit", 5)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Change(reviewer, id, "Accept", 6)).StatusCode);
        Assert.Equal(MonitoringStates.Accepted, (await Stored(id)).State);

        var audit = await Audit(id);
        Assert.Equal(["create", "update", "update", "submit", "return", "submit", "accept"], audit.Select(a => a.Action));
        Assert.Equal([Filler, Filler, Filler, Filler, Reviewer, Filler, Reviewer], audit.Select(a => a.UserName));
        Assert.Equal("请补充邮寄外包的时间安排", audit[4].Comment);
        Assert.All(audit.Skip(1), a => Assert.NotNull(a.BeforeJson));
    }

    [Fact]
    public async Task A_stale_save_is_a_conflict_and_stores_nothing()
    {
        var (filler, id) = await Fresh();
        using var _ = filler;
        await Post(filler, $"/monitoring/{id}", Fields(1), $"/monitoring/{id}");

        var html = await (await Post(filler, $"/monitoring/{id}", Fields(1, executed: "90"), $"/monitoring/{id}")).Content.ReadAsStringAsync();

        Assert.Contains("id=\"conflict\"", html, StringComparison.Ordinal);
        var record = await Stored(id);
        Assert.Equal(2, record.Version);
        Assert.Equal(80m, record.Form.Budget.Total!.Executed);
    }

    [Fact]
    public async Task Another_unit_gets_404_for_the_form_and_the_declaration_and_posts_need_the_antiforgery_token()
    {
        var (filler, id) = await Fresh();
        using var _ = filler;
        using var other = await SignedIn(web, OtherFiller);
        var formId = Published2024(web.Services);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/monitoring/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(other, $"/monitoring/{id}", Fields(1), "/monitoring")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(other, $"/monitoring/{id}?handler=Lights", Fields(1), "/monitoring")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(other, "/monitoring/start?handler=FromForm", new() { ["formId"] = formId.ToString(CultureInfo.InvariantCulture) }, "/monitoring")).StatusCode);
        Assert.DoesNotContain(Project, await AccountTests.Text(other, "/monitoring"), StringComparison.Ordinal);

        var noToken = await filler.PostAsync($"/monitoring/{id}", new FormUrlEncodedContent(Fields(1)));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(1, (await Stored(id)).Version);
    }

    [Fact]
    public async Task An_approved_declaration_draft_is_monitored_from_the_drafts_list_and_only_by_its_unit()
    {
        using var filler = await SignedIn(web, Filler);
        using var other = await SignedIn(web, OtherFiller);
        long draftId;
        using (var scope = web.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AuthoringDbContext>();
            var unit = web.Services.GetRequiredService<Data.IReadModel>().Forms(new Data.Scope()).First(f => f.Unit == Centre).UnitId;
            var target = Jixiao.Tests.Support.Seeds.Read(Jixiao.Tests.Support.Seeds.File001).Forms.First(f => f.Unit == Centre && f.Kind == Domain.Model.FormKind.Target);
            var draft = Drafts.DraftForms.Start(unit, target with { Name = "已通过的申报表草稿", Year = 2025 }, Filler, DateTimeOffset.UtcNow, basedOnId: null);
            draft.Submit(DateTimeOffset.UtcNow);
            draft.Approve(steps: 1, DateTimeOffset.UtcNow);
            db.Drafts.Add(draft);
            await db.SaveChangesAsync();
            draftId = draft.Id;
        }

        var list = await filler.GetStringAsync("/drafts");
        Assert.Contains($"name=\"draftId\" value=\"{draftId}\"", list, StringComparison.Ordinal);
        var refused = await Post(other, "/monitoring/start?handler=FromDraft", new() { ["draftId"] = draftId.ToString(CultureInfo.InvariantCulture) }, "/drafts");
        var started = await Post(filler, "/monitoring/start?handler=FromDraft", new() { ["draftId"] = draftId.ToString(CultureInfo.InvariantCulture) }, "/drafts");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var record = await Stored(IdOf(started.Headers.Location!));
        Assert.Equal(draftId, record.BasedOnDraftId);
        Assert.Equal("已通过的申报表草稿", record.Form.Name);
        Assert.Equal(2025, record.Form.Year);
    }

    [Fact]
    public async Task The_review_page_counts_filters_and_sorts_the_lights_and_is_for_reviewers()
    {
        var (filler, id) = await Fresh();
        using var _ = filler;
        await Post(filler, $"/monitoring/{id}", Fields(1), $"/monitoring/{id}");
        using var reviewer = await SignedIn(web, Reviewer);

        var red = await AccountTests.Text(reviewer, "/monitoring/review?light=red");
        var green = await AccountTests.Text(reviewer, "/monitoring/review?light=green");
        var byName = await AccountTests.Text(reviewer, "/monitoring/review?sort=name");

        Assert.Contains($"data-id=\"{id}\"", red, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-id=\"{id}\"", green, StringComparison.Ordinal);
        Assert.Contains($"data-id=\"{id}\"", byName, StringComparison.Ordinal);
        Assert.Matches("id=\"count-red\">[1-9]", red);
        Assert.Equal(HttpStatusCode.Redirect, (await filler.GetAsync("/monitoring/review")).StatusCode); // access denied for fillers
        Assert.Contains("id=\"nav-lights\"", await reviewer.GetStringAsync("/"), StringComparison.Ordinal);
    }
}
