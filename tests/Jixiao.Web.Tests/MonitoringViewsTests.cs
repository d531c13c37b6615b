using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Jixiao.Domain.Model;
using Jixiao.Storage.Entities;
using Jixiao.Web.Accounts;
using Jixiao.Web.Data;
using Jixiao.Web.Drafts;
using Jixiao.Web.Monitoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Jixiao.Web.Tests.MonitoringSupport;

namespace Jixiao.Web.Tests;

/// <summary>
/// Monitoring beside the other forms: the project page's declaration → monitoring → self-evaluation, the
/// dashboard's light distribution, a self-evaluation started from the monitoring's forecasts and causes, and
/// the monitoring lines of the administrators' audit log. Built on the published 2024 declaration of
/// 上海市医疗保险事业管理中心, monitored with the first indicator red (forecast 90% of =100%) and accepted.
/// </summary>
public sealed class MonitoringViewsTests(WebFixture web) : IClassFixture<WebFixture>
{
    private const string Cause = "邮寄外包合同延迟签订，已催办";

    /// <summary>The monitoring of the published 2024 declaration, saved with its cause, submitted and accepted (once per database); its id.</summary>
    private async Task<long> Accepted()
    {
        using var filler = await SignedIn(web, Filler);
        var formId = Published2024(web.Services);
        var start = await Post(filler, "/monitoring/start?handler=FromForm", new() { ["formId"] = formId.ToString(CultureInfo.InvariantCulture) }, $"/forms/{formId}");
        var id = IdOf(start.Headers.Location!);
        if ((await Stored(id)).State == MonitoringStates.Accepted)
        {
            return id;
        }

        Assert.Equal(HttpStatusCode.OK, (await Post(filler, $"/monitoring/{id}", Fields(1, cause: true), $"/monitoring/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Change(filler, id, "Submit", 2)).StatusCode);
        using var reviewer = await SignedIn(web, Reviewer);
        Assert.Equal(HttpStatusCode.Redirect, (await Change(reviewer, id, "Accept", 3)).StatusCode);
        Assert.Equal(MonitoringStates.Accepted, (await Stored(id)).State);
        return id;
    }

    private static Task<HttpResponseMessage> Change(HttpClient client, long id, string transition, int version) =>
        Post(client, $"/monitoring/{id}?handler=Change", new() { ["transition"] = transition, ["version"] = version.ToString(CultureInfo.InvariantCulture), ["comment"] = "" }, $"/monitoring/{id}");

    private async Task<StoredMonitoringForm> Stored(long id)
    {
        using var scope = web.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AuthoringDbContext>().MonitoringForms.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    private MonitoringReview Review(StoredMonitoringForm record) =>
        web.Services.CreateScope().ServiceProvider.GetRequiredService<MonitoringService>().Review(record);

    /// <summary>The table of one year on the project page.</summary>
    private static string YearTable(string html, int year)
    {
        var match = Regex.Match(html, $"<table class=\"list compare\" id=\"compare-{year}\".*?</table>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no table of {year}");
        return match.Value;
    }

    [Fact]
    public async Task The_project_page_shows_target_forecast_with_its_light_and_actual_side_by_side_to_those_who_may_see_the_monitoring()
    {
        var id = await Accepted();
        var record = await Stored(id);
        var review = Review(record);
        var stored = await web.Services.GetRequiredService<IReadModel>().FormAsync(record.BasedOnFormId!.Value);
        var url = $"/projects/{stored!.ProjectId}/history";
        using var filler = await SignedIn(web, Filler);

        var html = await filler.GetStringAsync(url);

        var year = YearTable(html, 2024);
        var first = Regex.Match(year, "<tr>\\s*<td>邮寄数量完成率</td>.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Contains("<td class=\"target\">=100%</td>", first, StringComparison.Ordinal);
        Assert.Contains("<td class=\"forecast\">90%</td>", first, StringComparison.Ordinal);
        Assert.Contains("data-light=\"red\">红</span>", first, StringComparison.Ordinal);
        Assert.Contains(review.Assessment!.Indicators[0].Reason, WebUtility.HtmlDecode(first), StringComparison.Ordinal);
        Assert.Contains("<td class=\"actual\">100.00(%)</td>", first, StringComparison.Ordinal); // the seeds' 2024 self-evaluation
        Assert.Contains("href=\"/forms/" + stored.Id.ToString(CultureInfo.InvariantCulture) + "\"", year, StringComparison.Ordinal);
        // An indicator the self-evaluation added: its target from there, no forecast, no light.
        Assert.Matches("<td>单位管理成本</td>\\s*<td class=\"target\">不高于往年水平</td>\\s*<td class=\"forecast\"></td>\\s*<td class=\"light-cell\"></td>\\s*<td class=\"actual\">达成指标</td>", year);
        Assert.Contains($"href=\"/monitoring/{id}\"", year, StringComparison.Ordinal);
        Assert.Contains(review.Assessment.Reason, WebUtility.HtmlDecode(year), StringComparison.Ordinal);
        Assert.Contains("<td class=\"target\">&lt;=5%</td>", year, StringComparison.Ordinal); // user text escaped
        Assert.Contains("<td class=\"forecast\">3%</td>", year, StringComparison.Ordinal);
        Assert.Equal(6, Regex.Matches(year, "<td class=\"forecast\">[^<]").Count); // of 8 rows: two only the self-evaluation has

        // 2023: the seed's declaration alone, never monitored nor self-evaluated: those columns are empty and say so.
        var earlier = YearTable(html, 2023);
        Assert.Contains("（无运行监控）", WebUtility.HtmlDecode(earlier), StringComparison.Ordinal);
        Assert.Contains("（无自评表）", WebUtility.HtmlDecode(earlier), StringComparison.Ordinal);
        Assert.Contains("<td class=\"target\">=100%</td>", earlier, StringComparison.Ordinal);
        Assert.DoesNotContain("data-light", earlier, StringComparison.Ordinal);
        Assert.Empty(Regex.Matches(earlier, "<td class=\"forecast\">[^<]"));

        // Anonymous visitors and another unit see the declarations, not the monitoring.
        foreach (var other in new[] { AccountTests.Client(web), await SignedIn(web, OtherFiller) })
        {
            using var _ = other;
            var theirs = YearTable(await other.GetStringAsync(url), 2024);
            Assert.DoesNotContain("/monitoring/", theirs, StringComparison.Ordinal);
            Assert.DoesNotContain("data-light", theirs, StringComparison.Ordinal);
            Assert.Contains("<td class=\"target\">=100%</td>", theirs, StringComparison.Ordinal);
        }

        using var reviewer = await SignedIn(web, Reviewer);
        Assert.Contains("<td class=\"forecast\">90%</td>", YearTable(await reviewer.GetStringAsync(url), 2024), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_counts_the_lights_of_the_monitored_projects_per_department_for_those_who_may_see_them()
    {
        var id = await Accepted();
        Assert.Equal(Domain.Monitoring.Light.Red, Review(await Stored(id)).Assessment!.Light);
        using var reviewer = await SignedIn(web, Reviewer);

        var html = await reviewer.GetStringAsync("/?year=2024");

        var figure = Regex.Match(html, "<figure id=\"monitoring-lights\">.*?</figure>", RegexOptions.Singleline).Value;
        var series = WebUtility.HtmlDecode(Regex.Match(figure, "data-series=\"([^\"]*)\"").Groups[1].Value);
        Assert.Equal("""[{"name":"红","value":1,"color":"#b4232c"},{"name":"黄","value":0,"color":"#a86a00"},{"name":"绿","value":0,"color":"#1f7a4d"}]""",
            Regex.Unescape(series));
        Assert.Contains("data-chart=\"bar\"", figure, StringComparison.Ordinal);
        Assert.DoesNotContain("monitoring-lights-by-department", figure, StringComparison.Ordinal); // one department
        Assert.DoesNotContain("monitoring-lights", await reviewer.GetStringAsync("/?year=2023"), StringComparison.Ordinal);

        using (var anonymous = AccountTests.Client(web))
        {
            Assert.DoesNotContain("monitoring-lights", await anonymous.GetStringAsync("/?year=2024"), StringComparison.Ordinal);
        }

        // A second department's project, not yet filled in (未评): 管理员 sees both departments, one line each.
        using (var scope = web.Services.CreateScope())
        {
            var other = (await scope.ServiceProvider.GetRequiredService<IReadModel>().WholeFormsAsync(new Scope()))
                .First(f => f.Form.Kind == FormKind.Target && f.Form.Department != "上海市医疗保障局" && f.Form.Department != "");
            var db = scope.ServiceProvider.GetRequiredService<AuthoringDbContext>();
            if (!await db.MonitoringForms.AnyAsync(r => r.UnitId == other.UnitId))
            {
                var now = DateTimeOffset.UtcNow;
                db.MonitoringForms.Add(new StoredMonitoringForm
                {
                    UnitId = other.UnitId, Version = 1, CreatedBy = "test", CreatedAt = now, UpdatedAt = now,
                    Form = MonitoringService.Template(other.Form with { Year = 2024 }),
                });
                await db.SaveChangesAsync();
            }

            using var admin = await SignedIn(web, "admin");
            var all = Regex.Match(await admin.GetStringAsync("/?year=2024"), "<table class=\"list counts\" id=\"monitoring-lights-by-department\">.*?</table>", RegexOptions.Singleline).Value;
            var lines = Regex.Matches(all, "<tr><td>([^<]*)</td>((?:\\s*<td class=\"num\">[0-9]+</td>)+)\\s*</tr>").Select(m => (WebUtility.HtmlDecode(m.Groups[1].Value), string.Join(' ', Regex.Matches(m.Groups[2].Value, "[0-9]+").Select(n => n.Value)))).ToList();
            Assert.Equal(2, lines.Count);
            Assert.Contains(("上海市医疗保障局", "1 0 0 0"), lines);
            Assert.Contains((other.Form.Department, "0 0 0 1"), lines);
        }
    }

    [Fact]
    public async Task A_self_evaluation_of_a_monitored_declaration_starts_from_the_forecasts_and_causes_and_says_so()
    {
        var id = await Accepted();
        var formId = (await Stored(id)).BasedOnFormId!.Value;
        using var filler = await SignedIn(web, Filler);

        var response = await Post(filler, $"/drafts/from-form/{formId}?handler=Evaluate", [], $"/forms/{formId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var draftId = long.Parse(response.Headers.Location!.OriginalString.Split('/')[2], CultureInfo.InvariantCulture);
        Draft draft;
        using (var scope = web.Services.CreateScope())
        {
            draft = await scope.ServiceProvider.GetRequiredService<AuthoringDbContext>().Drafts.AsNoTracking().SingleAsync(d => d.Id == draftId);
        }

        var form = draft.Form;
        Assert.Equal(FormKind.SelfEvaluation, form.Kind);
        Assert.Equal(Rows.Select(r => r.Forecast), form.Indicators.Select(i => i.Actual));
        Assert.Equal(90m, form.Indicators[0].ActualValue!.Number);
        Assert.Equal("经费保障：" + Cause, form.Indicators[0].Deviation);
        Assert.All(form.Indicators.Skip(1), i => Assert.Null(i.Deviation));
        Assert.Equal(146m, form.Budget!.Total!.Executed); // 全年预计执行数 146 万元 → 全年执行数
        Assert.Equal(100m, form.Budget.Total.Rate); // 146 of the 146 万元 budget
        var page = await filler.GetStringAsync(response.Headers.Location!.OriginalString);
        var notice = Regex.Match(page, "<p class=\"notice\" id=\"from-monitoring\">.*?</p>", RegexOptions.Singleline).Value;
        Assert.Contains($"<a href=\"/monitoring/{id}\">#{id}</a>", notice, StringComparison.Ordinal);
        Assert.Contains("value=\"90%\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Total.Executed\" value=\"146.00\"", page, StringComparison.Ordinal);

        // The filler's own draft is writable, so the unsaved-changes guard (unsaved.js) runs: it stops only at "true"
        // (a null value used to render as data-readonly="" on this tag-helper form, and the guard never ran).
        var editor = Regex.Match(page, "<form method=\"post\" id=\"evaluation-form\"[^>]*>").Value;
        Assert.Contains("data-readonly=\"false\"", editor, StringComparison.Ordinal);
        using var reviewer = await SignedIn(web, Reviewer);
        Assert.Contains("data-readonly=\"true\"", Regex.Match(await reviewer.GetStringAsync($"/drafts/{draftId}/evaluation"), "<form method=\"post\" id=\"evaluation-form\"[^>]*>").Value, StringComparison.Ordinal);

        // A declaration without monitoring starts empty, without the notice.
        var unmonitored = (await web.Services.GetRequiredService<IReadModel>().FormsAsync(new Scope(2023)))
            .First(f => f.Unit == Centre && f.Kind == FormKind.Target);
        var plain = await Post(filler, $"/drafts/from-form/{unmonitored.Id}?handler=Evaluate", [], $"/forms/{unmonitored.Id}");
        var plainPage = await filler.GetStringAsync(plain.Headers.Location!.OriginalString);
        Assert.DoesNotContain("from-monitoring", plainPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_audit_log_lists_the_monitoring_lines_with_the_drafts_newest_first()
    {
        var id = await Accepted();
        using var admin = await SignedIn(web, "admin");

        var html = await admin.GetStringAsync("/admin/audit");

        var lines = Regex.Matches(html, "<tr data-kind=\"monitoring\" data-action=\"([a-z]+)\">\\s*<td>([^<]+)</td>.*?<a href=\"/monitoring/([0-9]+)\">.*?<td class=\"user\">([^<]*)</td>", RegexOptions.Singleline)
            .Where(m => m.Groups[3].Value == id.ToString(CultureInfo.InvariantCulture))
            .Select(m => (Action: m.Groups[1].Value, At: m.Groups[2].Value, User: WebUtility.HtmlDecode(m.Groups[4].Value))).ToList();
        Assert.Equal(["accept", "submit", "update", "create"], lines.Select(l => l.Action));
        Assert.Equal([Reviewer, Filler, Filler, Filler], lines.Select(l => l.User));
        Assert.Equal(lines.Select(l => l.At).OrderDescending(StringComparer.Ordinal), lines.Select(l => l.At));
        Assert.Contains("运行监控", WebUtility.HtmlDecode(html), StringComparison.Ordinal);

        var accepted = await admin.GetStringAsync("/admin/audit?action=monitoring%3Aaccept");
        Assert.Matches("<tr data-kind=\"monitoring\" data-action=\"accept\">", accepted);
        Assert.DoesNotMatch("data-action=\"(?!accept)[a-z]+\">", Regex.Match(accepted, "<tbody>.*?</tbody>", RegexOptions.Singleline).Value);
        Assert.Contains("value=\"monitoring:accept\"", accepted, StringComparison.Ordinal);
        Assert.Contains($"<td class=\"user\">{Reviewer}</td>", await AccountTests.Text(admin, $"/admin/audit?user={Uri.EscapeDataString(Reviewer)}&action=monitoring%3Aaccept"), StringComparison.Ordinal);
    }
}
