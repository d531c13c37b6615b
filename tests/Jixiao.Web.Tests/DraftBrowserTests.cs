using Jixiao.Web.Accounts;
using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

public class DraftBrowserTests(KestrelWebFixture fixture) : IClassFixture<KestrelWebFixture>
{
    private static readonly (string Level1, string Level2, string Name, string Target)[] Indicators =
    [
        ("产出指标", "数量指标", "运维系统数", "≥3个"),
        ("产出指标", "质量指标", "系统可用率", "≥99.00(%)"),
        ("产出指标", "时效指标", "故障响应时间", "≤2小时"),
        ("效益指标", "社会效益指标", "医保业务稳定运行", "稳定运行"),
        ("效益指标", "可持续影响指标", "运维机制", "长期有效"),
        ("满意度指标", "服务对象满意度指标", "参保人满意度", "≥90.00(%)"),
        ("成本指标", "经济成本指标", "运维成本", "≤100万元"),
        ("成本指标", "经济成本指标", "单系统年运维费", "≤35万元"),
    ];

    /// <summary>A browser session (its own cookies) signed in as <paramref name="userName"/>.</summary>
    private async Task<IPage> SignIn(string userName)
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1300, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/account/login");
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", DemoUsers.Password);
        await page.ClickAsync("form.login button[type=submit]");
        await page.WaitForSelectorAsync("#current-user");
        return page;
    }

    private static async Task Click(IPage page, string selector)
    {
        await page.ClickAsync(selector);
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    private static Task<string?> State(IPage page) => page.GetAttributeAsync("#draft-state", "data-state");

    [Fact]
    public async Task A_filler_declares_targets_a_reviewer_returns_them_the_filler_fixes_and_the_reviewer_approves()
    {
        var filler = await SignIn("filler@医保中心");
        await filler.GotoAsync(fixture.BaseUrl + "/drafts/new");
        await filler.FillAsync("#Name", "医保信息系统运维（浏览器）");
        await Click(filler, "main form button[type=submit]");
        await filler.WaitForSelectorAsync("#draft-form");
        var url = filler.Url;

        await filler.SelectOptionAsync("#Input_Nature", "经常性专项业务费");
        await filler.SelectOptionAsync("#Input_Category", "特定目标类");
        await filler.FillAsync("#Input_AnnualTotal", "1000000");
        await filler.FillAsync("#Input_CurrentYear", "1000000");
        await filler.FillAsync("#Input_Goal", "保障医保信息系统全年稳定运行。");
        for (var i = 0; i < Indicators.Length; i++)
        {
            await Click(filler, "#add-row");
            var row = $"#Input_Indicators_{i}__";
            await filler.WaitForSelectorAsync(row + "Name");
            await filler.SelectOptionAsync(row + "Level1", Indicators[i].Level1);
            await filler.FillAsync(row + "Level2", Indicators[i].Level2);
            await filler.FillAsync(row + "Name", Indicators[i].Name);
            await filler.FillAsync(row + "Target", Indicators[i].Target);
        }

        await Click(filler, "#save");
        await filler.WaitForSelectorAsync("#saved");
        Assert.Equal(Indicators.Length, await filler.Locator("#indicators tbody tr").CountAsync());
        Assert.Contains("定量 ≥ 99.00 %", await filler.InnerTextAsync("#indicators"), StringComparison.Ordinal);
        await Click(filler, "#do-submit button");
        Assert.Equal("submitted", await State(filler));

        var reviewer = await SignIn("reviewer@医保局");
        await reviewer.GotoAsync(url);
        await reviewer.FillAsync("#do-return textarea", "请把满意度目标提高到95%");
        await Click(reviewer, "#do-return button");
        Assert.Equal("returned", await State(reviewer));

        await filler.GotoAsync(url);
        Assert.Contains("请把满意度目标提高到95%", await filler.InnerTextAsync("#history"), StringComparison.Ordinal);
        await filler.FillAsync("#Input_Indicators_5__Target", "≥95.00(%)");
        await Click(filler, "#save");
        await filler.WaitForSelectorAsync("#saved");
        await Click(filler, "#do-submit button");
        Assert.Equal("submitted", await State(filler));

        await reviewer.GotoAsync(url);
        await Click(reviewer, "#do-approve button");
        Assert.Equal("approved", await State(reviewer));
        Assert.Contains("≥95.00(%)", await reviewer.InnerTextAsync("#indicators"), StringComparison.Ordinal);
        Assert.Equal(0, await reviewer.Locator("#draft-form").CountAsync());
    }
}
