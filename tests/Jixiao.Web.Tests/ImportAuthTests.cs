using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp;
using AngleSharp.Dom;
using Jixiao.Application;
using Jixiao.Formats.Json;
using Jixiao.Tests.Support;
using Jixiao.Web.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Jixiao.Web.Tests;

/// <summary>Who may store imports (财政审核 and 管理员), and the audit lines they leave.</summary>
public sealed class ImportAuthTests(WebFixture web) : IClassFixture<WebFixture>
{
    private const string Finance = "finance@财政局";
    private const string Filler = "filler@医保中心";

    private IReadModel Data => web.Services.GetRequiredService<IReadModel>();

    private IImportLog Log => web.Services.GetRequiredService<IImportLog>();

    /// <summary>An interchange JSON of the first <paramref name="forms"/> forms of seed 002 under a source name of its own.</summary>
    private static byte[] Upload(string source, int forms)
    {
        var seed = Seeds.Read(Seeds.File002);
        return Encoding.UTF8.GetBytes(DisclosureJson.ToJson(seed with { Source = source, Forms = [.. seed.Forms.Take(forms)] }));
    }

    private async Task<HttpClient> SignedIn(string userName)
    {
        var client = AccountTests.Client(web);
        Assert.Equal(HttpStatusCode.Redirect, (await AccountTests.Login(client, userName)).StatusCode);
        return client;
    }

    /// <summary>POST /api/v1/import of <paramref name="content"/>, with the antiforgery header when <paramref name="token"/>.</summary>
    private static async Task<HttpResponseMessage> ApiImport(HttpClient client, byte[] content, string fileName, bool token = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/import");
        if (token)
        {
            using var tokens = JsonDocument.Parse(await client.GetStringAsync("/api/v1/antiforgery"));
            request.Headers.Add(tokens.RootElement.GetProperty("headerName").GetString()!, tokens.RootElement.GetProperty("token").GetString());
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Content = new MultipartFormDataContent { { file, "file", fileName } };
        return await client.SendAsync(request);
    }

    private static async Task<IDocument> Html(HttpResponseMessage response) =>
        await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(response.Content.ReadAsStringAsync().GetAwaiter().GetResult()));

    private int Stored(string source) => Data.Forms(new Scope()).Count(f => f.Source == source);

    [Fact]
    public async Task An_anonymous_api_import_is_401_and_stores_nothing()
    {
        using var client = AccountTests.Client(web);
        var lines = Log.Lines(null, null, 0, 1000).Count;

        var response = await ApiImport(client, Upload("anonymous.json", 3), "anonymous.json");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, Stored("anonymous.json"));
        Assert.Equal(lines, Log.Lines(null, null, 0, 1000).Count);
    }

    [Fact]
    public async Task A_filler_may_not_import_through_the_api()
    {
        using var client = await SignedIn(Filler);

        var response = await ApiImport(client, Upload("filler.json", 3), "filler.json");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, Stored("filler.json"));
        Assert.Empty(Log.Lines(Filler, null, 0, 10));
    }

    [Fact]
    public async Task An_api_import_without_the_antiforgery_token_is_refused()
    {
        using var client = await SignedIn(Finance);

        var response = await ApiImport(client, Upload("no-token.json", 3), "no-token.json", token: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, Stored("no-token.json"));
    }

    [Fact]
    public async Task Finance_imports_through_the_api_and_the_line_shows_at_admin_audit_and_on_the_form_page()
    {
        using var client = await SignedIn(Finance);

        var response = await ApiImport(client, Upload("api-finance.json", 3), "api-finance.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using (var outcome = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
        {
            Assert.True(outcome.RootElement.GetProperty("imported").GetBoolean());
            Assert.Equal(3, outcome.RootElement.GetProperty("forms").GetInt32());
        }

        Assert.Equal(3, Stored("api-finance.json"));
        var line = Assert.Single(Log.Lines(Finance, null, 0, 100), l => l.Source == "api-finance.json"); // other tests of this class import as finance too
        Assert.Equal(("api-finance.json", "imported", 3, 1), (line.Source, line.Action, line.Forms, line.Version));

        using var admin = await SignedIn("admin");
        var audit = await Html(await admin.GetAsync("/admin/audit?user=" + Uri.EscapeDataString(Finance) + "&action=import:imported"));
        var rows = audit.QuerySelectorAll("#audit-timeline tbody tr");
        Assert.All(rows, r => Assert.Equal(Finance, r.QuerySelector(".user")!.TextContent));
        var row = Assert.Single(rows, r => r.QuerySelector(".subject")!.TextContent == "api-finance.json v1");
        Assert.Equal(("import", "imported"), (row.GetAttribute("data-kind"), row.GetAttribute("data-action")));
        Assert.Equal("api-finance.json v1", row.QuerySelector(".subject")!.TextContent);
        Assert.Equal(Finance, row.QuerySelector(".user")!.TextContent);

        var formId = Data.Forms(new Scope()).First(f => f.Source == "api-finance.json").Id;
        var page = await Html(await client.GetAsync($"/forms/{formId}"));
        var history = page.QuerySelectorAll("#import-history tbody tr");
        Assert.Equal("财政审核", Assert.Single(history).QuerySelector(".user")!.TextContent); // a role on the public page, not the account
        using var anonymous = AccountTests.Client(web);
        Assert.DoesNotContain(Finance, WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/forms/{formId}")), StringComparison.Ordinal);
        Assert.Equal("3", history[0].QuerySelector(".forms")!.TextContent);
    }

    [Fact]
    public async Task A_seed_form_page_shows_the_import_by_the_first_start()
    {
        using var client = AccountTests.Client(web); // published forms and their history are public
        var form = Data.Forms(new Scope()).First(f => f.Source == Seeds.File004);

        var page = await Html(await client.GetAsync($"/forms/{form.Id}"));

        var row = Assert.Single(page.QuerySelectorAll("#import-history tbody tr"));
        Assert.Equal(("系统", "imported", "15"), (row.QuerySelector(".user")!.TextContent, row.GetAttribute("data-action"), row.QuerySelector(".forms")!.TextContent));
        Assert.Equal($"{Seeds.File004} v1", row.QuerySelector(".source")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_import_page_lets_anyone_preview_but_only_finance_or_admin_confirm()
    {
        var content = Upload("page-import.json", 2);
        using var anonymous = AccountTests.Client(web);
        using var filler = await SignedIn(Filler);
        using var finance = await SignedIn(Finance);

        var preview = await Html(await Preview(anonymous, content));
        Assert.Equal(2, preview.QuerySelectorAll("tr.preview-form").Length);
        Assert.NotNull(preview.QuerySelector("#import-needs-role"));
        Assert.Null(preview.QuerySelector("form input[name=token]"));
        var pending = (await Html(await Preview(finance, content))).QuerySelector("form input[name=token]")!.GetAttribute("value")!;

        var login = await Confirm(anonymous, pending);
        var forbidden = await Confirm(filler, pending);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (login.StatusCode, forbidden.StatusCode));
        Assert.StartsWith("/account/login", login.Headers.Location!.AbsolutePathOrOriginal(), StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("/account/denied", forbidden.Headers.Location!.AbsolutePathOrOriginal(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, Stored("page-import.json"));

        var done = await Html(await Confirm(finance, pending)); // the upload waited: refused attempts did not consume it
        Assert.Contains("已导入 2 张表", done.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, Stored("page-import.json"));
        Assert.Equal("imported", Log.Lines(Finance, null, 0, 10).Single(l => l.Source == "page-import.json").Action);
    }

    [Fact]
    public async Task The_audit_page_is_for_administrators_and_escapes_what_it_shows()
    {
        using var finance = await SignedIn(Finance);
        Assert.Equal(HttpStatusCode.OK, (await ApiImport(finance, Upload("<b>x</b>.json", 1), "x.json")).StatusCode);

        var denied = await finance.GetAsync("/admin/audit");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/denied", denied.Headers.Location!.AbsolutePathOrOriginal(), StringComparison.OrdinalIgnoreCase);

        using var admin = await SignedIn("admin");
        var raw = await admin.GetStringAsync("/admin/audit?action=import:imported");
        Assert.DoesNotContain("<b>x</b>", raw, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;x&lt;/b&gt;.json", raw, StringComparison.Ordinal);
        var page = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(raw));
        var rows = page.QuerySelectorAll("#audit-timeline tbody tr");
        Assert.All(rows, r => Assert.Equal("imported", r.GetAttribute("data-action")));
        Assert.Equal(5, rows.Count(r => r.QuerySelector(".user")!.TextContent == "system")); // the five seeds at first start
        Assert.Contains(rows, r => r.QuerySelector(".subject")!.TextContent == "<b>x</b>.json v1");
    }

    [Fact]
    public async Task The_admin_timeline_holds_drafts_and_imports_newest_first_filtered_and_paged()
    {
        using (var filler = await SignedIn(Filler))
        {
            var created = await filler.PostAsync("/drafts/new", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Name"] = "审计时间线草稿",
                ["Year"] = "2026",
                ["__RequestVerificationToken"] = await AccountTests.Token(filler, "/drafts/new"),
            }));
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var store = web.Services.GetRequiredService<Jixiao.Storage.Queries.JixiaoStore>();
        var seed = File.ReadAllBytes(Seeds.PathOf(Seeds.File000));
        var importer = store.Importer(user: "pager");
        for (var i = 0; i < AuditTimeline.PageSize + 5; i++)
        {
            importer.Import(SourceReader.Read("again.txt", seed)); // found stored: an unchanged line each
        }

        using var admin = await SignedIn("admin");
        var first = await Html(await admin.GetAsync("/admin/audit"));
        var second = await Html(await admin.GetAsync("/admin/audit?p=2"));
        var mine = await Html(await admin.GetAsync("/admin/audit?user=pager&p=2"));
        var drafts = await Html(await admin.GetAsync("/admin/audit?action=draft:create&user=" + Uri.EscapeDataString(Filler)));

        var rows = first.QuerySelectorAll("#audit-timeline tbody tr");
        Assert.Equal(AuditTimeline.PageSize, rows.Length);
        Assert.All(rows, r => Assert.Equal(("import", "unchanged", "pager"), (r.GetAttribute("data-kind"), r.GetAttribute("data-action"), r.QuerySelector(".user")!.TextContent)));
        Assert.Equal("/admin/audit?p=2", first.QuerySelector("#audit-pager a[rel=next]")!.GetAttribute("href"));
        var times = first.QuerySelectorAll("#audit-timeline tbody tr td:first-child").Concat(second.QuerySelectorAll("#audit-timeline tbody tr td:first-child")).Select(td => td.TextContent).ToList();
        Assert.Equal(times.OrderDescending(StringComparer.Ordinal), times);
        Assert.Contains(second.QuerySelectorAll("#audit-timeline tbody tr"), r => r.GetAttribute("data-kind") == "draft" && r.QuerySelector(".user")!.TextContent == Filler);
        Assert.Equal(5, mine.QuerySelectorAll("#audit-timeline tbody tr").Length);
        Assert.NotNull(mine.QuerySelector("#audit-pager a[rel=prev]"));
        Assert.Null(mine.QuerySelector("#audit-pager a[rel=next]"));
        var draft = Assert.Single(drafts.QuerySelectorAll("#audit-timeline tbody tr"));
        Assert.Equal(("draft", "create"), (draft.GetAttribute("data-kind"), draft.GetAttribute("data-action")));
        Assert.StartsWith("/drafts/", draft.QuerySelector(".subject a")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> Preview(HttpClient client, byte[] content)
    {
        using var body = new MultipartFormDataContent
        {
            { new StringContent(await AccountTests.Token(client, "/import")), "__RequestVerificationToken" },
            { new ByteArrayContent(content), "upload", "page-import.json" },
        };
        var response = await client.PostAsync("/import?handler=Preview", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    /// <summary>Confirms the pending upload <paramref name="pending"/> with <paramref name="client"/>'s own antiforgery token.</summary>
    private static async Task<HttpResponseMessage> Confirm(HttpClient client, string pending) =>
        await client.PostAsync("/import?handler=Confirm", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = pending,
            ["__RequestVerificationToken"] = await AccountTests.Token(client, "/import"),
        }));
}

internal static class UriExtensions
{
    /// <summary>The path of a Location header, whether it is absolute or relative.</summary>
    public static string AbsolutePathOrOriginal(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
