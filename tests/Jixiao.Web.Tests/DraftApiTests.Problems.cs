using System.Net;
using System.Net.Http.Headers;

namespace Jixiao.Web.Tests;

public sealed partial class DraftApiTests
{
    [Fact]
    public async Task A_form_of_an_unknown_kind_is_a_400_not_taken_for_a_target()
    {
        using var filler = await As(Filler);
        var unknownKind = new System.Text.Json.Nodes.JsonObject { ["kind"] = "monitoring", ["name"] = "未知类型", ["year"] = 2026 };
        var response = await Send(filler, HttpMethod.Post, "/api/v1/drafts", unknownKind);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Every_api_error_is_a_chinese_problem_never_the_html_error_page_nor_a_redirect()
    {
        using var anonymous = AccountTests.Client(web);

        // 400: a page size out of range, a page below 1, a parameter that is no number.
        var badSize = await Problems.Assert(await anonymous.GetAsync("/api/v1/forms?pageSize=501"), HttpStatusCode.BadRequest);
        Assert.Equal("分页参数无效", badSize.GetProperty("title").GetString());
        Assert.Contains("500", badSize.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Problems.Assert(await anonymous.GetAsync("/api/v1/findings?page=0"), HttpStatusCode.BadRequest);
        await Problems.Assert(await anonymous.GetAsync("/api/v1/forms?year=twenty"), HttpStatusCode.BadRequest);

        // 401: the sign-in cookie's challenge, answered without a redirect to /account/login.
        var unauthorized = await Problems.Assert(await anonymous.GetAsync("/api/v1/drafts"), HttpStatusCode.Unauthorized);
        Assert.Equal("未登录", unauthorized.GetProperty("title").GetString());

        // 403: a role the import policy refuses (the authorization middleware), and a reviewer creating a draft (the endpoint).
        using var filler = await As(Filler);
        using var upload = new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } }, "file", "a.txt" } };
        await Problems.Assert(await filler.Client.PostAsync("/api/v1/import", upload), HttpStatusCode.Forbidden);
        using var reviewer = await As(Reviewer);
        await Problems.Assert(await Send(reviewer, HttpMethod.Post, "/api/v1/drafts", TargetForm("审核人不能新建")), HttpStatusCode.Forbidden);

        // 404: a missing form, project and draft, and a path the API does not have.
        var missing = await Problems.Assert(await anonymous.GetAsync("/api/v1/forms/987654321"), HttpStatusCode.NotFound);
        Assert.Equal("没有编号为 987654321 的表", missing.GetProperty("detail").GetString());
        await Problems.Assert(await anonymous.GetAsync("/api/v1/projects/987654321"), HttpStatusCode.NotFound);
        await Problems.Assert(await filler.Client.GetAsync("/api/v1/drafts/987654321"), HttpStatusCode.NotFound);
        await Problems.Assert(await anonymous.GetAsync("/api/v1/no-such-list"), HttpStatusCode.NotFound);

        // 409: a save naming a version another save already replaced.
        var id = await NewDraft("问题格式");
        Assert.Equal(HttpStatusCode.OK, (await Send(filler, HttpMethod.Put, $"/api/v1/drafts/{id}", TargetForm("问题格式", "先保存"), ifMatch: 1)).StatusCode);
        var conflict = await Problems.Assert(await Send(filler, HttpMethod.Put, $"/api/v1/drafts/{id}", TargetForm("问题格式", "后保存"), ifMatch: 1), HttpStatusCode.Conflict);
        Assert.Equal("版本冲突", conflict.GetProperty("title").GetString());
        Assert.Equal(2, conflict.GetProperty("version").GetInt32());

        // A page keeps its HTML: an unknown page is no problem+json, and a page needing sign-in still redirects.
        var page = await anonymous.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.NotEqual("application/problem+json", page.Content.Headers.ContentType?.MediaType);
        var drafts = await anonymous.GetAsync("/drafts");
        Assert.Equal(HttpStatusCode.Redirect, drafts.StatusCode);
        Assert.Contains("/account/login", drafts.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
