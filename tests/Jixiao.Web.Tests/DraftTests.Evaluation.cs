using System.Globalization;
using System.Net;
using System.Text.Json;
using Jixiao.Domain.Model;
using Jixiao.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>Submission rules, per-indicator review notes, publishing, and the self-evaluation that follows an approved declaration.</summary>
public sealed partial class DraftTests
{
    private static string V(int version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>Who approves a draft of <see cref="Filler"/>'s unit at each review step (单位审核 → 主管部门审核 → 财政审核).</summary>
    private static readonly string[] Reviewers = ["head@医保中心", "reviewer@医保局", "finance@财政局"];

    /// <summary>Approves the submitted draft at <paramref name="url"/> (at <paramref name="version"/>) at every review step; returns its version after (approved).</summary>
    private Task<int> ApproveAll(string url, int version) => ApproveAll(SignedIn, url, version);

    private static async Task<int> ApproveAll(Func<string, Task<HttpClient>> signedIn, string url, int version)
    {
        foreach (var user in Reviewers)
        {
            using var client = await signedIn(user);
            Assert.Equal(HttpStatusCode.Redirect, (await Post(client, url + "?handler=Change", new() { ["transition"] = "Approve", ["version"] = V(version) }, url)).StatusCode);
            version++;
        }

        return version;
    }

    /// <summary>A declaration of <see cref="Filler"/>'s unit, completed and approved at every review step; returns its id (at version 6).</summary>
    private Task<long> ApprovedDraft(string name) => ApprovedDraft(SignedIn, name);

    /// <summary>As <see cref="ApprovedDraft(string)"/>, on the app whose users <paramref name="signedIn"/> signs in.</summary>
    internal static async Task<long> ApprovedDraft(Func<string, Task<HttpClient>> signedIn, string name)
    {
        var id = await NewDraft(signedIn, name);
        using var filler = await signedIn(Filler);
        Assert.Equal(HttpStatusCode.OK, (await Post(filler, $"/drafts/{id}", Complete(name, "保障系统稳定运行", 1), $"/drafts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Change(filler, id, "Submit", 2)).StatusCode);
        Assert.Equal(6, await ApproveAll(signedIn, $"/drafts/{id}", 3));
        return id;
    }

    [Fact]
    public async Task A_declaration_with_errors_cannot_be_submitted_and_the_page_lists_why()
    {
        var id = await NewDraft("不完整的申报");
        using var filler = await SignedIn(Filler);
        var fields = Fields("不完整的申报", "目标", 1);
        fields["Input.CurrentYear"] = "90000"; // 100000 ≠ 90000 + 0 + 0
        AddIndicators(fields, ("产出指标", "数量指标", "系统数", ""));
        await Post(filler, $"/drafts/{id}", fields, $"/drafts/{id}");

        var refused = WebUtility.HtmlDecode(await (await Change(filler, id, "Submit", 2)).Content.ReadAsStringAsync());

        Assert.Contains("id=\"blocking\"", refused, StringComparison.Ordinal);
        Assert.Contains("funds.sum", refused, StringComparison.Ordinal);
        Assert.Contains("target.missing-value", refused, StringComparison.Ordinal);
        Assert.Contains("indicators.missing-level1", refused, StringComparison.Ordinal);
        Assert.Equal("draft", await State(filler, id));
    }

    [Fact]
    public async Task A_reviewer_returns_a_draft_with_a_comment_on_one_indicator_and_the_filler_sees_it_beside_the_row()
    {
        var id = await NewDraft("逐项意见");
        using var filler = await SignedIn(Filler);
        using var reviewer = await SignedIn("head@医保中心"); // the first review step
        await Post(filler, $"/drafts/{id}", Complete("逐项意见", "目标", 1), $"/drafts/{id}");
        await Change(filler, id, "Submit", 2);

        var fields = new Dictionary<string, string> { ["transition"] = "Return", ["version"] = "3", ["notes[2]"] = "满意度目标应不低于95%" };
        Assert.Equal(HttpStatusCode.Redirect, (await Post(reviewer, $"/drafts/{id}?handler=Change", fields, $"/drafts/{id}")).StatusCode);

        var page = await AccountTests.Text(filler, $"/drafts/{id}");
        Assert.Contains("<div class=\"review-note\">审核意见: 满意度目标应不低于95%</div>", page, StringComparison.Ordinal);
        Assert.Contains("[满意度] 满意度目标应不低于95%", page, StringComparison.Ordinal); // in the history too
    }

    [Fact]
    public async Task Publishing_an_approved_draft_adds_it_to_the_published_forms()
    {
        var id = await ApprovedDraft("发布后可公开查询的项目");
        using var finance = await SignedIn("finance@财政局");
        Assert.Equal(HttpStatusCode.Redirect, (await Change(finance, id, "Publish", 6)).StatusCode);

        using var anonymous = AccountTests.Client(web);
        var hits = await anonymous.GetStringAsync("/api/v1/search?q=" + Uri.EscapeDataString("发布后可公开查询的项目"));
        Assert.Contains("发布后可公开查询的项目", hits, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_starts_of_one_self_evaluation_give_one_draft_and_the_database_refuses_a_second()
    {
        var target = await ApprovedDraft("并发自评");
        using var a = await SignedIn(Filler);
        using var b = await SignedIn(Filler);
        var starts = await Task.WhenAll(
            Post(a, $"/drafts/{target}?handler=Evaluate", [], $"/drafts/{target}"),
            Post(b, $"/drafts/{target}?handler=Evaluate", [], $"/drafts/{target}"));
        Assert.All(starts, s => Assert.Equal(HttpStatusCode.Redirect, s.StatusCode));
        Assert.Equal(starts[0].Headers.Location, starts[1].Headers.Location);

        using var scope = web.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AuthoringDbContext>();
        var children = await db.Drafts.AsNoTracking().Where(d => d.BasedOnId == target).ToListAsync();
        Assert.Equal([FormKind.SelfEvaluation], children.Select(d => d.Kind));

        // The unique index on (based_on_id, kind), not a lock in this process, keeps it one.
        db.Drafts.Add(Draft.Start(children[0].UnitId, FormKind.SelfEvaluation, children[0].FormJson, Filler, DateTimeOffset.UtcNow, target));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task The_self_evaluation_of_an_approved_declaration_proposes_weights_scores_live_and_needs_deviation_analysis()
    {
        var target = await ApprovedDraft("自评计分");
        using var filler = await SignedIn(Filler);
        using var reviewer = await SignedIn("reviewer@医保局");

        var start = await Post(filler, $"/drafts/{target}?handler=Evaluate", [], $"/drafts/{target}");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var url = start.Headers.Location!.OriginalString;
        Assert.Matches(@"^/drafts/\d+/evaluation$", url);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.GetAsync(url.Replace("/evaluation", "", StringComparison.Ordinal))).StatusCode);

        // Proposed: 产出 50 shared by 产出 and 成本 (25 each), 效益 30, 满意度 10, 预算执行 10; 100000 元 = 10.00 万元.
        var page = await AccountTests.Text(filler, url);
        Assert.Contains("name=\"Input.Rows[0].Weight\" value=\"25.00\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Rows[1].Weight\" value=\"30.00\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Rows[2].Weight\" value=\"10.00\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Rows[3].Weight\" value=\"25.00\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Total.Initial\" value=\"10.00\"", page, StringComparison.Ordinal);
        Assert.Contains("<td id=\"weight-total\">100.00</td>", page, StringComparison.Ordinal);

        var fields = Evaluation(version: 1, deviation: null);
        var preview = await Post(filler, url + "?handler=Preview", fields, url);
        using (var json = JsonDocument.Parse(await preview.Content.ReadAsStringAsync()))
        {
            var score = json.RootElement.GetProperty("score");
            Assert.Equal("9.50", score.GetProperty("budget").GetProperty("score").GetString()); // 9.5 / 10 = 95.00 %
            Assert.Equal("9.47", score.GetProperty("rows")[2].GetProperty("score").GetString()); // 10 × 90 / 95 = 9.473…
            Assert.Equal("98.97", score.GetProperty("total").GetString());
            Assert.Equal("优", score.GetProperty("grade").GetString());
        }

        Assert.Equal(HttpStatusCode.OK, (await Post(filler, url, fields, url)).StatusCode);
        var blocked = WebUtility.HtmlDecode(await (await Post(filler, url + "?handler=Change", new() { ["transition"] = "Submit", ["version"] = "2" }, url)).Content.ReadAsStringAsync());
        Assert.Contains("deviation.missing", blocked, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await Post(filler, url, Evaluation(version: 2, deviation: "宣传不足，明年加强服务"), url)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Post(filler, url + "?handler=Change", new() { ["transition"] = "Submit", ["version"] = "3" }, url)).StatusCode);
        var submitted = await AccountTests.Text(reviewer, url);
        Assert.Contains("data-state=\"submitted\"", submitted, StringComparison.Ordinal);
        Assert.Contains("<td id=\"total\">98.97</td>", submitted, StringComparison.Ordinal);
        Assert.Contains("<strong id=\"grade\">优</strong>", submitted, StringComparison.Ordinal);

        // Approved and published, the self-evaluation is a published form with its total.
        using var finance = await SignedIn("finance@财政局");
        Assert.Equal(7, await ApproveAll(url, 4));
        Assert.Equal(HttpStatusCode.Redirect, (await Post(finance, url + "?handler=Change", new() { ["transition"] = "Publish", ["version"] = "7" }, url)).StatusCode);
        using var anonymous = AccountTests.Client(web);
        using var listed = JsonDocument.Parse(await anonymous.GetStringAsync("/api/v1/forms?year=2026&pageSize=500"));
        var published = Assert.Single(listed.RootElement.GetProperty("items").EnumerateArray(), f => f.GetProperty("name").GetString() == "自评计分" && f.GetProperty("kind").GetString() == "selfEvaluation");
        Assert.Equal(98.97m, published.GetProperty("totalScore").GetDecimal());
        Assert.Equal("优", published.GetProperty("grade").GetString());
    }

    [Fact]
    public async Task A_stale_self_evaluation_save_says_what_the_other_filler_changed_and_what_saving_again_would_change()
    {
        var target = await ApprovedDraft("自评并发");
        using var first = await SignedIn(Filler);
        using var second = await SignedIn(Filler);
        var url = (await Post(first, $"/drafts/{target}?handler=Evaluate", [], $"/drafts/{target}")).Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.OK, (await Post(first, url, Evaluation(version: 1, deviation: null), url)).StatusCode);

        var mine = Evaluation(version: 1, deviation: null); // opened at version 1, saved after the first filler's save
        mine["Input.Rows[2].Actual"] = "95%";
        var html = WebUtility.HtmlDecode(await (await Post(second, url, mine, url)).Content.ReadAsStringAsync());

        Assert.Contains("id=\"conflict\"", html, StringComparison.Ordinal);
        var theirs = Items(html, "their-changes");
        Assert.Contains("全年执行数（万元）: — → 9.50", theirs);
        Assert.Contains("“满意度”实际完成值: — → 90%", theirs);
        Assert.Contains("总分: — → 98.97", theirs);
        // Scored as a save would score it: 10 × 95 / 95 = 10.00 instead of 9.47.
        Assert.Equal(["“满意度”实际完成值: 90% → 95%", "“满意度”得分: 9.47 → 10.00", "总分: 98.97 → 99.50"], Items(html, "your-changes"));
        Assert.Contains("name=\"Input.Rows[2].Actual\" value=\"95%\"", html, StringComparison.Ordinal); // the input, kept
    }

    [Fact]
    public async Task The_print_preview_lays_a_draft_out_as_the_official_form_marked_as_a_draft_with_user_text_escaped()
    {
        var id = await NewDraft("打印预览");
        using var filler = await SignedIn(Filler);
        Assert.Equal(HttpStatusCode.OK, (await Post(filler, $"/drafts/{id}", Complete("打印预览", "<p>保障系统稳定运行</p>", 1), $"/drafts/{id}")).StatusCode);

        var raw = await filler.GetStringAsync($"/drafts/{id}/print");
        var html = WebUtility.HtmlDecode(raw);

        Assert.Contains("财政项目支出绩效目标申报表", html, StringComparison.Ordinal);
        Assert.Contains("（2026年度）", html, StringComparison.Ordinal);
        Assert.Contains("草稿，未发布 · 草稿 · 版本 2", html, StringComparison.Ordinal);
        Assert.Contains("<p>保障系统稳定运行</p>", html, StringComparison.Ordinal); // as text once decoded…
        Assert.DoesNotContain("<p>", raw[raw.IndexOf("official", StringComparison.Ordinal)..], StringComparison.Ordinal); // …never as markup
        foreach (var indicator in new[] { "系统数", "≥3个", "满意度", "≥95.00(%)", "运维成本", "≤100万元" })
        {
            Assert.Contains(indicator, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_reviewer_filters_the_drafts_list_by_state_and_name_and_sees_how_many_each_state_holds()
    {
        var submitted = await NewDraft("筛选·待审的项目");
        await NewDraft("筛选·未提交的项目");
        using var filler = await SignedIn(Filler);
        await Post(filler, $"/drafts/{submitted}", Complete("筛选·待审的项目", "目标", 1), $"/drafts/{submitted}");
        Assert.Equal(HttpStatusCode.Redirect, (await Change(filler, submitted, "Submit", 2)).StatusCode);
        using var reviewer = await SignedIn("head@医保中心"); // a submitted draft waits for the first review step

        var waiting = await AccountTests.Text(reviewer, "/drafts?show=waiting&q=" + Uri.EscapeDataString("筛选·"));
        Assert.Contains("筛选·待审的项目", waiting, StringComparison.Ordinal);
        Assert.DoesNotContain("筛选·未提交的项目", waiting, StringComparison.Ordinal);
        var drafts = await AccountTests.Text(reviewer, "/drafts?show=draft&q=" + Uri.EscapeDataString("筛选·"));
        Assert.Contains("筛选·未提交的项目", drafts, StringComparison.Ordinal);
        Assert.DoesNotContain("筛选·待审的项目", drafts, StringComparison.Ordinal);

        // The counts are the reviewer's whole list, so they agree with the unfiltered page.
        var all = await AccountTests.Text(reviewer, "/drafts");
        var rows = System.Text.RegularExpressions.Regex.Matches(all, "<tr[^>]* data-state=\"submitted\"").Count;
        Assert.True(rows >= 1);
        Assert.Contains($"data-filter=\"submitted\">已提交 ({rows})</a>", all, StringComparison.Ordinal);
    }

    /// <summary>The items of the list with id <paramref name="id"/> on a page.</summary>
    private static string[] Items(string html, string id)
    {
        var list = System.Text.RegularExpressions.Regex.Match(html, $"<ul id=\"{id}\">(.*?)</ul>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(list.Success, $"no list {id}");
        return [.. System.Text.RegularExpressions.Regex.Matches(list.Groups[1].Value, "<li>(.*?)</li>").Select(m => m.Groups[1].Value)];
    }

    private static Dictionary<string, string> Evaluation(int version, string? deviation)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Version"] = V(version),
            ["Input.Outcome"] = "系统全年稳定运行。",
            ["Input.Total.Initial"] = "10",
            ["Input.Total.Full"] = "10",
            ["Input.Total.Executed"] = "9.5",
            ["Input.CurrentYear.Initial"] = "10",
            ["Input.CurrentYear.Full"] = "10",
            ["Input.CurrentYear.Executed"] = "9.5",
            ["Input.BudgetWeight"] = "10",
        };
        (string Actual, string Weight)[] rows = [("3个", "25"), ("达成指标", "30"), ("90%", "10"), ("80万元", "25")];
        for (var i = 0; i < rows.Length; i++)
        {
            fields[$"Input.Rows[{i}].Actual"] = rows[i].Actual;
            fields[$"Input.Rows[{i}].Weight"] = rows[i].Weight;
        }

        if (deviation is not null)
        {
            fields["Input.Rows[2].Deviation"] = deviation;
        }

        return fields;
    }
}

public sealed partial class DraftTests
{
    /// <summary>The first published target declaration of 上海市医疗保险事业管理中心 (filler@医保中心's unit) in the seeds: its id and indicator count.</summary>
    internal static async Task<(long Id, int Indicators)> PublishedTargetOfTheInsuranceCentre(HttpClient client)
    {
        using var units = JsonDocument.Parse(await client.GetStringAsync("/api/v1/units?pageSize=500"));
        var unit = units.RootElement.GetProperty("items").EnumerateArray().First(u => u.GetProperty("name").GetString() == "上海市医疗保险事业管理中心").GetProperty("id").GetInt64();
        using var forms = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/forms?unit={unit}&pageSize=500"));
        var form = forms.RootElement.GetProperty("items").EnumerateArray().First(f => f.GetProperty("kind").GetString() == "target" && f.GetProperty("source").GetString()!.StartsWith("001_", StringComparison.Ordinal));
        return (form.GetProperty("id").GetInt64(), form.GetProperty("indicators").GetInt32());
    }

    [Fact]
    public async Task A_filler_starts_the_self_evaluation_of_a_published_declaration_of_their_unit_and_no_other()
    {
        using var filler = await SignedIn(Filler);
        var (id, indicators) = await PublishedTargetOfTheInsuranceCentre(filler);
        Assert.Contains("id=\"start-evaluation\"", await filler.GetStringAsync($"/forms/{id}"), StringComparison.Ordinal);

        var response = await Post(filler, $"/drafts/from-form/{id}?handler=Evaluate", [], $"/forms/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await AccountTests.Text(filler, response.Headers.Location!.OriginalString);
        Assert.Equal(indicators, System.Text.RegularExpressions.Regex.Matches(page, "class=\"weight\"").Count);
        Assert.Contains("<td id=\"weight-total\">100.00</td>", page, StringComparison.Ordinal);

        // Starting again (a second click) opens the same draft: one self-evaluation per published form.
        var again = await Post(filler, $"/drafts/from-form/{id}?handler=Evaluate", [], $"/forms/{id}");
        Assert.Equal(response.Headers.Location, again.Headers.Location);

        using var other = await SignedIn(OtherFiller);
        Assert.DoesNotContain("id=\"start-evaluation\"", await other.GetStringAsync($"/forms/{id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(other, $"/drafts/from-form/{id}?handler=Evaluate", [], $"/forms/{id}")).StatusCode);
    }

    [Fact]
    public async Task An_approved_draft_stays_read_only_a_change_is_a_new_version_and_publishing_it_replaces_the_published_form()
    {
        var id = await ApprovedDraft("修订版本");
        using var filler = await SignedIn(Filler);
        using var finance = await SignedIn("finance@财政局");
        Assert.Equal(HttpStatusCode.Redirect, (await Change(finance, id, "Publish", 6)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Post(filler, $"/drafts/{id}", Complete("修订版本", "改", 7), $"/drafts/{id}")).StatusCode);

        var next = await Post(filler, $"/drafts/{id}?handler=NewVersion", [], $"/drafts/{id}");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        var nextId = long.Parse(DraftUrl().Match(next.Headers.Location!.OriginalString).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.NotEqual(id, nextId);
        Assert.Contains($"href=\"/drafts/{id}\"", await filler.GetStringAsync($"/drafts/{nextId}"), StringComparison.Ordinal); // based on

        Assert.Equal(HttpStatusCode.OK, (await Post(filler, $"/drafts/{nextId}", Complete("修订版本", "修订后的目标", 1), $"/drafts/{nextId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Change(filler, nextId, "Submit", 2)).StatusCode);
        Assert.Equal(6, await ApproveAll($"/drafts/{nextId}", 3));
        Assert.Equal(HttpStatusCode.Redirect, (await Change(finance, nextId, "Publish", 6)).StatusCode);

        // One published document, now at its second version, holding the revised goal.
        using var anonymous = AccountTests.Client(web);
        using var hits = JsonDocument.Parse(await anonymous.GetStringAsync("/api/v1/search?q=" + Uri.EscapeDataString("修订版本")));
        var formIds = hits.RootElement.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("formId").GetInt64()).Distinct().ToList();
        var form = Assert.Single(formIds);
        Assert.Contains("修订后的目标", await anonymous.GetStringAsync($"/api/v1/forms/{form}"), StringComparison.Ordinal);
        using var listed = JsonDocument.Parse(await anonymous.GetStringAsync("/api/v1/forms?year=2026&pageSize=500"));
        var row = Assert.Single(listed.RootElement.GetProperty("items").EnumerateArray(), f => f.GetProperty("name").GetString() == "修订版本");
        Assert.Equal($"draft-{id}-target.json", row.GetProperty("source").GetString());
    }
}
