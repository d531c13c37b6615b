using Microsoft.Playwright;

namespace Jixiao.Web.Tests;

/// <summary>The web app on a real Kestrel port, for a real browser.</summary>
public sealed class KestrelWebFixture : IAsyncLifetime
{
    public WebFixture Web { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Web.UseKestrel(0);
        Web.StartServer();
        using var client = Web.CreateClient();
        BaseUrl = client.BaseAddress!.ToString().TrimEnd('/');
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var chromium = Environment.GetEnvironmentVariable("JIXIAO_CHROMIUM") ?? "/usr/bin/chromium";
        Assert.True(File.Exists(chromium), $"Chromium not found at {chromium}: run ./test.sh, which installs the Debian package, or set JIXIAO_CHROMIUM");
        Browser = await Playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Web.DisposeAsync();
    }
}

public class BrowserTests(KestrelWebFixture fixture) : IClassFixture<KestrelWebFixture>
{
    private async Task<IPage> Open(string path)
    {
        var page = await fixture.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1300, Height = 1000 } });
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };
        await page.GotoAsync(fixture.BaseUrl + path);
        Assert.Empty(errors);
        return page;
    }

    [Fact]
    public async Task Dashboard_charts_render_on_canvas()
    {
        var page = await Open("/");

        await page.WaitForSelectorAsync(".chart.ready canvas");
        var painted = await page.EvaluateAsync<int>(@"() => [...document.querySelectorAll('.chart.ready canvas')].filter(c => {
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) return true; }
            return false; }).length");
        Assert.Equal(3, painted);
        Assert.False(await page.IsVisibleAsync(".chart.ready + table.counts"));
    }

    [Fact]
    public async Task Search_from_the_header_finds_the_parent_project()
    {
        var page = await Open("/");

        await page.FillAsync("header input[type=search]", "医保监管");
        await page.PressAsync("header input[type=search]", "Enter");
        await page.WaitForSelectorAsync("#hit-count");

        Assert.True(await page.Locator(".hits a", new() { HasTextString = "医保监管" }).CountAsync() >= 1);
        await page.Locator(".hits a", new() { HasTextString = "医保监管" }).First.ClickAsync();
        await page.WaitForSelectorAsync("article.official");
        Assert.Equal(43, await page.Locator("table.indicators tbody tr:not(.head)").CountAsync());
    }

    /// <summary>A browser session of its own signed in as <paramref name="userName"/>, at <paramref name="path"/>.</summary>
    private async Task<IPage> SignedIn(string userName, string path)
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1300, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(fixture.BaseUrl + "/account/login");
        await page.FillAsync("#UserName", userName);
        await page.FillAsync("#Password", Jixiao.Web.Accounts.DemoUsers.Password);
        await page.ClickAsync("form.login button[type=submit]");
        await page.WaitForSelectorAsync("#current-user");
        await page.GotoAsync(fixture.BaseUrl + path);
        return page;
    }

    [Fact]
    public async Task Finance_uploads_a_seed_file_previews_its_forms_and_confirms()
    {
        var page = await SignedIn("finance@财政局", "/import");

        await page.SetInputFilesAsync("input[type=file]", Path.Combine(WebFixture.SeedDirectory, "004_d73c41b42aa5f1cf.txt"));
        await page.ClickAsync("form.upload button[type=submit]");
        await page.WaitForSelectorAsync("#preview-count");

        Assert.Equal(15, await page.Locator("tr.preview-form").CountAsync());
        Assert.Contains("240", await page.TextContentAsync("#preview-count") ?? "", StringComparison.Ordinal);
        var findings = await page.TextContentAsync("ul.diagnostics:below(#preview-findings)") ?? "";
        Assert.Contains("cost.unit-times-quantity", findings, StringComparison.Ordinal);
        Assert.Contains("form.duplicate", findings, StringComparison.Ordinal);

        await page.ClickAsync("section.preview form button[type=submit]");
        await page.WaitForSelectorAsync("[role=status]");
        Assert.Contains("该文件已导入过", await page.TextContentAsync("[role=status]") ?? "", StringComparison.Ordinal); // the first start imported it
    }

    [Fact]
    public async Task An_anonymous_upload_previews_but_cannot_be_confirmed()
    {
        var page = await Open("/import");

        await page.SetInputFilesAsync("input[type=file]", Path.Combine(WebFixture.SeedDirectory, "002_82a1708c82188c30.txt"));
        await page.ClickAsync("form.upload button[type=submit]");
        await page.WaitForSelectorAsync("#preview-count");

        Assert.Equal(9, await page.Locator("tr.preview-form").CountAsync());
        Assert.True(await page.IsVisibleAsync("#import-needs-role"));
        Assert.Equal(0, await page.Locator("section.preview form").CountAsync());
    }

    [Fact]
    public async Task A_form_prints_on_a4_with_every_indicator()
    {
        var page = await Open("/search?q=" + Uri.EscapeDataString("聘请医保专家劳务费"));
        await page.Locator(".hits a").First.ClickAsync();
        await page.WaitForSelectorAsync("article.official");

        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });

        Assert.True(pdf.Length > 10_000);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
    }
}
