using Jixiao.Web.Accounts;
using Microsoft.Playwright;
using static Jixiao.Web.Tests.MonitoringSupport;

namespace Jixiao.Web.Tests;

/// <summary>Mid-year monitoring in a real browser (headless Chromium), as issue 13 describes it.</summary>
public class MonitoringBrowserTests(KestrelWebFixture fixture) : IClassFixture<KestrelWebFixture>
{
    private async Task<IPage> SignIn(string userName)
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/account/login");
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", DemoUsers.Password);
        await page.ClickAsync("form.login button[type=submit]");
        await page.WaitForSelectorAsync("#current-user");
        return page;
    }

    private static Task<string?> State(IPage page) => page.GetAttributeAsync("#monitoring-state", "data-state");

    [Fact]
    public async Task The_filler_monitors_a_published_declaration_sees_the_red_light_live_needs_a_cause_to_submit_and_the_reviewer_returns_it()
    {
        var formId = Published2024(fixture.Web.Services);
        var filler = await SignIn(Filler);
        var errors = new List<string>();
        filler.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };

        // Started from the published 2024 declaration's page: name, targets and budget copied, nothing typed.
        await filler.GotoAsync($"{fixture.BaseUrl}/forms/{formId}");
        await filler.ClickAndLoadAsync("#start-monitoring button");
        await filler.WaitForSelectorAsync("#monitoring-form");
        var url = filler.Url;
        Assert.Equal("draft", await State(filler));
        Assert.Contains(Project, await filler.InnerTextAsync("h1"), StringComparison.Ordinal);
        Assert.Equal("146.00", await filler.InputValueAsync("#Input_Total_Initial"));
        Assert.Equal("邮寄数量完成率", await filler.InnerTextAsync("#indicators tr[data-row='0'] .indicator-name"));
        Assert.Equal("7", await filler.InputValueAsync("#Input_Through"));

        // 1–7月: 80.00 of 146.00 executed; every indicator on track but the first, forecast at 90% of =100%.
        await filler.FillAsync("#Input_Total_Executed", "80");
        await filler.FillAsync("#Input_Total_Forecast", "146");
        await filler.FillAsync("#Input_GoalProgress", "1–7月邮寄与续保通知按计划推进");
        for (var i = 0; i < Rows.Length; i++)
        {
            await filler.FillAsync($"#Input_Rows_{i}__Forecast", Rows[i].Forecast);
            await filler.SelectOptionAsync($"#Input_Rows_{i}__Likelihood", Rows[i].Likelihood);
        }

        // The lights and their reasons, computed by the server while typing, before any save.
        var first = filler.Locator("#indicators tr[data-row='0']");
        await Assertions.Expect(first.Locator(".light")).ToHaveAttributeAsync("data-light", "red", new() { Timeout = 15_000 });
        await Assertions.Expect(first.Locator(".light")).ToHaveTextAsync("红");
        Assert.Contains("90", await first.Locator(".light-reason").InnerTextAsync(), StringComparison.Ordinal);
        await Assertions.Expect(filler.Locator("#indicators tr[data-row='1'] .light")).ToHaveAttributeAsync("data-light", "green");
        await Assertions.Expect(filler.Locator("#form-light")).ToHaveTextAsync("红");
        await Assertions.Expect(filler.Locator("#budget-light")).ToHaveAttributeAsync("data-light", "green");
        Assert.Equal("54.79%", await filler.InnerTextAsync("#budget-rate"));
        Assert.Equal("1", await filler.InnerTextAsync("#monitoring-version")); // nothing saved yet
        Assert.True(await filler.IsDisabledAsync("#do-submit button")); // submitting waits for the save

        await filler.ClickAndLoadAsync("#save");
        await filler.WaitForSelectorAsync("#saved");
        Assert.Equal("2", await filler.InnerTextAsync("#monitoring-version"));
        Assert.Contains("monitoring.cause-missing", await filler.InnerTextAsync("#findings"), StringComparison.Ordinal);

        // No cause for the red indicator: the submission is refused and says why.
        await filler.ClickAndLoadAsync("#do-submit button");
        Assert.Equal("draft", await State(filler));
        Assert.Contains("monitoring.cause-missing", await filler.InnerTextAsync("#blocking"), StringComparison.Ordinal);

        await filler.CheckAsync("#Input_Rows_0__Causes_funding");
        await filler.FillAsync("#Input_Rows_0__CauseText", "邮寄外包合同延迟签订，已催办，8月起补寄");
        await filler.ClickAndLoadAsync("#save");
        await filler.WaitForSelectorAsync("#saved");
        Assert.True(await filler.IsCheckedAsync("#Input_Rows_0__Causes_funding"));
        await filler.ClickAndLoadAsync("#do-submit button");
        Assert.Equal("submitted", await State(filler));

        // The department reviewer finds the project among the red ones and returns it with a comment.
        var reviewer = await SignIn(Reviewer);
        await reviewer.ClickAndLoadAsync("#nav-lights");
        await reviewer.ClickAndLoadAsync("#light-counts a[data-filter=red]");
        var row = reviewer.Locator("#monitoring-review tbody tr", new() { HasText = Project });
        Assert.Equal("red", await row.GetAttributeAsync("data-light"));
        await reviewer.ClickAndLoadAsync($"#monitoring-review tbody tr[data-id='{url.Split('/')[^1]}'] a");
        Assert.Equal(url, reviewer.Url);
        Assert.Equal("submitted", await State(reviewer));
        await reviewer.FillAsync("#do-return textarea", "请说明8月补寄的数量和完成时间");
        await reviewer.ClickAndLoadAsync("#do-return button");
        Assert.Equal("returned", await State(reviewer));

        // The filler sees the comment; the audit log has every step.
        await filler.GotoAsync(url);
        Assert.Contains("请说明8月补寄的数量和完成时间", await filler.InnerTextAsync("#review-comment"), StringComparison.Ordinal);
        var actions = await filler.Locator("#history tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.getAttribute('data-action'))");
        Assert.Equal(["create", "update", "update", "submit", "return"], actions);
        Assert.Contains("请说明8月补寄的数量和完成时间", await filler.InnerTextAsync("#history"), StringComparison.Ordinal);
        Assert.Empty(errors);
    }
}
