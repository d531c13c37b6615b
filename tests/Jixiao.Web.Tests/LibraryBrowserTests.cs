using Jixiao.Web.Accounts;
using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

/// <summary>The indicator library in the draft editor, in headless Chromium.</summary>
public class LibraryBrowserTests(KestrelWebFixture fixture) : IClassFixture<KestrelWebFixture>
{
    [Fact]
    public async Task Typing_a_third_level_name_suggests_the_library_and_choosing_one_fills_the_usual_target()
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1300, Height = 1000 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };
        await page.GotoAsync(fixture.BaseUrl + "/account/login");
        await page.FillAsync("#UserName", "filler@医保中心");
        await page.FillAsync("#Password", DemoUsers.Password);
        await page.ClickAsync("form.login button[type=submit]");
        await page.WaitForSelectorAsync("#current-user");
        await page.GotoAsync(fixture.BaseUrl + "/drafts/new");
        await page.FillAsync("#Name", "满意度调查（指标库）");
        await page.ClickAndLoadAsync("main form button[type=submit]");
        await page.WaitForSelectorAsync("#draft-form");
        await page.ClickAsync("#add-row");
        await page.WaitForSelectorAsync("#Input_Indicators_0__Name");

        await page.SelectOptionAsync("#Input_Indicators_0__Level1", "满意度指标");
        Assert.Equal("level2-满意度指标", await page.GetAttributeAsync("#Input_Indicators_0__Level2", "list"));
        await page.FillAsync("#Input_Indicators_0__Level2", "服务对象满意度指标");
        await page.ClickAsync("#Input_Indicators_0__Name");
        await page.Locator("#Input_Indicators_0__Name").PressSequentiallyAsync("管理人员");
        var suggestion = page.Locator("#library-names option[value='管理人员满意度']");
        await suggestion.WaitForAsync(new() { State = WaitForSelectorState.Attached });

        // The most used name first, labelled with its usual targets (seeds: 15 forms, ≥85.00(%) in 4 rows).
        Assert.Equal("管理人员满意度", await page.Locator("#library-names option").First.GetAttributeAsync("value"));
        Assert.Equal("≥85.00(%) ×4 · ≥90.00(%) ×3 · >99.00(%) ×2（15 张表用过）", await suggestion.GetAttributeAsync("label"));
        Assert.Equal("", await page.InputValueAsync("#Input_Indicators_0__Target"));

        // Choosing an option of a datalist replaces the input's text and fires an input event; Fill does the same.
        await page.FillAsync("#Input_Indicators_0__Name", "管理人员满意度");
        await page.WaitForFunctionAsync("() => document.querySelector('#Input_Indicators_0__Target').value !== ''");
        Assert.Equal("≥85.00(%)", await page.InputValueAsync("#Input_Indicators_0__Target"));

        await page.ClickAndLoadAsync("#save");
        await page.WaitForSelectorAsync("#saved");
        Assert.Equal("≥85.00(%)", await page.InputValueAsync("#Input_Indicators_0__Target"));
        await Assertions.Expect(page.Locator("#indicators .understood-text")).ToHaveTextAsync(["定量 ≥ 85.00 %"]);
        Assert.Empty(errors);
    }
}
