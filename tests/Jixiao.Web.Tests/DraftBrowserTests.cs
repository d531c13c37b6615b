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

    private static Task Click(IPage page, string selector) => page.ClickAndLoadAsync(selector);

    private static Task<string?> State(IPage page) => page.GetAttributeAsync("#draft-state", "data-state");

    /// <summary>What the filler reports a year later: actual, and where the score falls below the weight a deviation analysis.</summary>
    private static readonly (string Actual, string? Deviation)[] Results =
    [
        ("3个", null),
        ("99.5%", null),
        ("3小时", "高峰期故障集中，已增加值守人员"), // ≤2: 10 × (2×2 − 3) / 2 = 5.00
        ("达成年度指标", null),
        ("部分达成指标并具有一定效果", "运维机制尚在完善"), // 15 × 60 % = 9.00
        ("92%", "部分参保人等候时间较长"), // 10 × 92 / 95 = 9.684… → 9.68
        ("96万元", null),
        ("32万元", null),
    ];

    [Fact]
    public async Task A_filler_declares_targets_the_unit_head_returns_them_the_filler_fixes_every_review_step_approves_and_the_self_evaluation_scores_as_the_cli_does()
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
            await filler.ClickAsync("#add-row"); // in the page: nothing is saved until 保存
            var row = $"#Input_Indicators_{i}__";
            await filler.WaitForSelectorAsync(row + "Name");
            await filler.SelectOptionAsync(row + "Level1", Indicators[i].Level1);
            await filler.FillAsync(row + "Level2", Indicators[i].Level2);
            await filler.FillAsync(row + "Name", Indicators[i].Name);
            await filler.FillAsync(row + "Target", Indicators[i].Target);
        }

        // Rows move and go in the page, renumbered for the server: a 9th row goes up past the 8th and is removed;
        // the first row goes down and back up.
        await filler.ClickAsync("#add-row");
        await filler.FillAsync("#Input_Indicators_8__Name", "临时指标");
        await filler.ClickAsync("#indicators tbody tr:nth-child(9) [data-row-op=up]");
        Assert.Equal(["运维成本", "临时指标", "单系统年运维费"], await Names(filler, 6, 7, 8));
        await filler.ClickAsync("#indicators tbody tr:nth-child(8) [data-row-op=remove]");
        await filler.ClickAsync("#indicators tbody tr:nth-child(1) [data-row-op=down]");
        Assert.Equal(["系统可用率", "运维系统数"], await Names(filler, 0, 1));
        Assert.True(await filler.IsDisabledAsync("#indicators tbody tr:nth-child(1) [data-row-op=up]"));
        await filler.ClickAsync("#indicators tbody tr:nth-child(2) [data-row-op=up]");
        Assert.Equal(Indicators.Select(i => i.Name), await Names(filler, [.. Enumerable.Range(0, Indicators.Length)]));
        Assert.True(await filler.IsDisabledAsync("#indicators tbody tr:nth-child(8) [data-row-op=down]"));
        Assert.Equal("1", await filler.InnerTextAsync("#draft-version")); // nothing saved yet
        Assert.True(await filler.IsVisibleAsync("#unsaved")); // and submitting waits for the save
        Assert.True(await filler.IsDisabledAsync("#do-submit button"));

        // What the grammar understood of a target shows while typing, before any save.
        await filler.FillAsync("#Input_Indicators_0__Target", "≥4个");
        await filler.WaitForFunctionAsync("() => document.querySelector(\".understood[data-row='0'] .understood-text\").textContent === '定量 ≥ 4.00 个'");
        await filler.FillAsync("#Input_Indicators_0__Target", Indicators[0].Target);

        await Click(filler, "#save");
        await filler.WaitForSelectorAsync("#saved");
        Assert.Equal(Indicators.Length, await filler.Locator("#indicators tbody tr").CountAsync());
        Assert.Equal(Indicators.Select(i => i.Name), await Names(filler, [.. Enumerable.Range(0, Indicators.Length)]));
        Assert.Equal("2", await filler.InnerTextAsync("#draft-version"));
        Assert.False(await filler.IsVisibleAsync("#unsaved"));
        // Each row as the server understood the saved target (a web-first assertion: it retries, and on failure lists every row).
        await Assertions.Expect(filler.Locator("#indicators .understood-text")).ToHaveTextAsync(
            ["定量 ≥ 3.00 个", "定量 ≥ 99.00 %", "定量 ≤ 2.00 小时", "定性 稳定运行", "定性 长期有效", "定量 ≥ 90.00 %", "定量 ≤ 100.00 万元", "定量 ≤ 35.00 万元"],
            new() { Timeout = 15_000 });
        await Click(filler, "#do-submit button");
        Assert.Equal("submitted", await State(filler));

        var reviewer = await SignIn("head@医保中心"); // the first review step
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

        await ApproveAll(url);
        await reviewer.GotoAsync(url);
        Assert.Equal("approved", await State(reviewer));
        Assert.Contains("≥95.00(%)", await reviewer.InnerTextAsync("#indicators"), StringComparison.Ordinal);
        Assert.Equal(0, await reviewer.Locator("#draft-form").CountAsync());

        // The self-evaluation: weights proposed (产出 and 成本 share 50: 10 each; 效益 15 each; 满意度 10; budget 10),
        // scored live while the filler types.
        await filler.GotoAsync(url);
        await Click(filler, "#do-evaluate button");
        await filler.WaitForSelectorAsync("#evaluation-form");
        var evaluation = filler.Url;
        Assert.Equal("100.00", await filler.InputValueAsync("#Input_Total_Full")); // 1,000,000 元
        Assert.Equal(["10.00", "10.00", "10.00", "15.00", "15.00", "10.00", "10.00", "10.00"], await Weights(filler));
        Assert.Equal("100.00", await filler.InnerTextAsync("#weight-total"));

        await filler.FillAsync("#Input_Total_Executed", "96.5");
        for (var i = 0; i < Results.Length; i++)
        {
            await filler.FillAsync($"#Input_Rows_{i}__Actual", Results[i].Actual);
        }

        await filler.WaitForFunctionAsync("() => document.getElementById('total').textContent === '88.33'"); // live, before any save
        Assert.Equal("良", await filler.InnerTextAsync("#grade"));
        Assert.Equal("9.65", await filler.InnerTextAsync("#budget-score")); // 96.50 %
        Assert.True(await filler.IsVisibleAsync("#unsaved")); // the unsaved-changes guard (unsaved.js) is on for the self-evaluation too
        Assert.Contains("deviation.missing", await filler.InnerTextAsync("#findings"), StringComparison.Ordinal);
        for (var i = 0; i < Results.Length; i++)
        {
            if (Results[i].Deviation is { } deviation)
            {
                await filler.FillAsync($"#Input_Rows_{i}__Deviation", deviation);
            }
        }

        await Click(filler, "#save");
        await filler.WaitForSelectorAsync("#saved");
        Assert.False(await filler.IsVisibleAsync("#unsaved"));
        var total = await filler.InnerTextAsync("#total");
        Assert.Equal("88.33", total);
        Assert.DoesNotContain("deviation.missing", await filler.InnerTextAsync("#findings"), StringComparison.Ordinal);

        // The same data through `jixiao score`, under the policy the page used.
        var json = await (await filler.APIRequest.GetAsync(evaluation + "?handler=Json")).TextAsync();
        var policy = await filler.InnerTextAsync("#policy code");
        Assert.Equal(total, Cli.TotalScore(json, policy));

        await Click(filler, "#do-submit button");
        Assert.Equal("submitted", await State(filler));
        await reviewer.GotoAsync(evaluation);
        Assert.Equal("88.33", await reviewer.InnerTextAsync("#total"));
        await ApproveAll(evaluation);
        await reviewer.GotoAsync(evaluation);
        Assert.Equal("approved", await State(reviewer));

        // Every step is in the audit log, with the draft before and after.
        var admin = await SignIn("admin");
        var target = long.Parse(new Uri(url).AbsolutePath.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var evaluationId = long.Parse(new Uri(evaluation).AbsolutePath.Split('/')[^2], System.Globalization.CultureInfo.InvariantCulture);
        await admin.GotoAsync(evaluation);
        Assert.Equal(["create", "update", "submit", "approve", "approve", "approve"], await Actions(admin, evaluationId));
        await admin.GotoAsync(url);
        string[] declared = ["create", "update", "submit", "return", "update", "submit", "approve", "approve", "approve"]; // rows added in the page go in with the save
        Assert.Equal(declared, await Actions(admin, target));
        var fix = admin.Locator($"#history tr[data-draft='{target}'][data-action='update']").Last;
        Assert.Contains("≥90.00(%)", await fix.Locator("pre.before").TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("≥95.00(%)", await fix.Locator("pre.after").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("“参保人满意度”指标值: ≥90.00(%) → ≥95.00(%)", await fix.Locator("ul.changes li").InnerTextAsync());
        var returned = admin.Locator($"#history tr[data-draft='{target}'][data-action='return']");
        Assert.Contains("请把满意度目标提高到95%", await returned.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("\"state\":\"returned\"", await returned.Locator("pre.after").TextContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_library_answer_that_arrives_while_the_filler_is_in_the_target_does_not_write_over_it()
    {
        var filler = await SignIn("filler@医保中心");
        await filler.GotoAsync(fixture.BaseUrl + "/drafts/new");
        await filler.FillAsync("#Name", "医保信息系统运维（慢库）");
        await Click(filler, "main form button[type=submit]");
        await filler.WaitForSelectorAsync("#draft-form");

        // The library answers only when the test says so: the filler is in the target field by then.
        var release = new TaskCompletionSource();
        await filler.RouteAsync("**/api/v1/library/indicators**", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await filler.ClickAsync("#add-row");
        await filler.SelectOptionAsync("#Input_Indicators_0__Level1", "产出指标");
        await filler.FillAsync("#Input_Indicators_0__Level2", "质量指标");
        await filler.FillAsync("#Input_Indicators_0__Name", "系统可用率"); // a library name: its usual target is ≥95%
        await filler.FocusAsync("#Input_Indicators_0__Target");
        release.SetResult();
        await filler.WaitForSelectorAsync("#library-names option[value='系统可用率']", new() { State = WaitForSelectorState.Attached });

        Assert.Equal("", await filler.InputValueAsync("#Input_Indicators_0__Target"));
        await filler.FillAsync("#Input_Indicators_0__Target", "≥99.00(%)");
        Assert.Equal("≥99.00(%)", await filler.InputValueAsync("#Input_Indicators_0__Target"));

        // Elsewhere, an empty target still gets the usual one once the name is chosen.
        await filler.ClickAsync("#add-row");
        await filler.SelectOptionAsync("#Input_Indicators_1__Level1", "产出指标");
        await filler.FillAsync("#Input_Indicators_1__Level2", "质量指标");
        await filler.FillAsync("#Input_Indicators_1__Name", "系统可用率");
        await Assertions.Expect(filler.Locator("#Input_Indicators_1__Target")).ToHaveValueAsync("≥95%");
    }

    [Fact]
    public async Task Two_fillers_edit_one_draft_and_the_later_save_is_refused_keeps_the_input_says_what_changed_and_waits_for_a_save()
    {
        var first = await SignIn("filler@医保中心");
        await first.GotoAsync(fixture.BaseUrl + "/drafts/new");
        await first.FillAsync("#Name", "并发编辑（浏览器）");
        await Click(first, "main form button[type=submit]");
        var url = first.Url;
        var second = await SignIn("filler@医保中心");
        await second.GotoAsync(url); // both at version 1

        await first.FillAsync("#Input_Goal", "第一人的目标");
        await Click(first, "#save");
        await second.FillAsync("#Input_Goal", "第二人的目标");
        await Click(second, "#save");

        Assert.True(await second.IsVisibleAsync("#conflict"));
        Assert.Equal("第二人的目标", await second.InputValueAsync("#Input_Goal")); // nothing typed is lost
        Assert.Contains("年度总体目标: — → 第一人的目标", await second.InnerTextAsync("#their-changes"), StringComparison.Ordinal);
        Assert.Contains("年度总体目标: 第一人的目标 → 第二人的目标", await second.InnerTextAsync("#your-changes"), StringComparison.Ordinal);
        Assert.True(await second.IsVisibleAsync("#unsaved"));
        Assert.True(await second.IsDisabledAsync("#do-submit button"));

        await Click(second, "#save"); // now from version 2: saved
        Assert.Equal("3", await second.InnerTextAsync("#draft-version"));
        Assert.Equal("第二人的目标", await second.InputValueAsync("#Input_Goal"));
        Assert.False(await second.IsVisibleAsync("#unsaved"));
    }

    /// <summary>The 三级 names in the rows at <paramref name="rows"/>, found by the ids the server binds.</summary>
    private static async Task<List<string>> Names(IPage page, params int[] rows)
    {
        var names = new List<string>();
        foreach (var r in rows)
        {
            names.Add(await page.InputValueAsync($"#Input_Indicators_{r}__Name"));
        }

        return names;
    }

    private static async Task<List<string>> Weights(IPage page)
    {
        var weights = new List<string>();
        foreach (var input in await page.Locator("#indicators input.weight").AllAsync())
        {
            weights.Add(await input.InputValueAsync());
        }

        return weights;
    }

    /// <summary>On paper a form page shows its form alone; a draft's print preview keeps its mark, so it never passes for a published form.</summary>
    [Fact]
    public async Task Printed_a_published_form_is_the_form_alone_and_a_draft_keeps_its_mark()
    {
        var filler = await SignIn("filler@医保中心");
        await filler.GotoAsync(fixture.BaseUrl + "/drafts/new");
        await filler.FillAsync("#Name", "打印草稿（浏览器）");
        await Click(filler, "main form button[type=submit]");
        await filler.WaitForSelectorAsync("#draft-form");
        var print = await filler.GetAttributeAsync("#draft-print", "href");
        await filler.EmulateMediaAsync(new() { Media = Media.Print });

        await filler.GotoAsync(fixture.BaseUrl + print);

        Assert.True(await filler.IsVisibleAsync("#draft-mark"));
        Assert.True(await filler.IsVisibleAsync("article.official"));
        Assert.False(await filler.IsVisibleAsync("header.site"));
        Assert.False(await filler.IsVisibleAsync("nav.crumbs"));

        await filler.GotoAsync(fixture.BaseUrl + "/search?q=" + Uri.EscapeDataString("医疗保险稽核检查经费"));
        await filler.Locator(".hits a").First.ClickAsync();
        await filler.WaitForSelectorAsync("article.official");
        Assert.True(await filler.IsVisibleAsync("article.official"));
        foreach (var furniture in new[] { "header.site", "footer.site", "nav.crumbs", "details.recomputed", "section.form-findings", "#import-history" })
        {
            Assert.False(await filler.Locator(furniture).First.IsVisibleAsync(), furniture);
        }

        await filler.EmulateMediaAsync(new() { Media = Media.Screen });
        Assert.True(await filler.IsVisibleAsync("header.site"));
    }

    /// <summary>Approves the submitted draft at <paramref name="url"/> in the browser at every review step: 单位审核, 主管部门审核, 财政审核.</summary>
    private async Task ApproveAll(string url)
    {
        foreach (var user in new[] { "head@医保中心", "reviewer@医保局", "finance@财政局" })
        {
            var page = await SignIn(user);
            await page.GotoAsync(url);
            await Click(page, "#do-approve button");
        }
    }

    /// <summary>The actions logged for one draft, oldest first, as its page's history shows them.</summary>
    private static async Task<List<string>> Actions(IPage page, long draft)
    {
        var actions = new List<string>();
        foreach (var row in await page.Locator($"#history tr[data-draft='{draft}']").AllAsync())
        {
            actions.Add((await row.GetAttributeAsync("data-action"))!);
        }

        return actions;
    }
}
