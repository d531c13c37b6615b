using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Jixiao.Domain.Model;
using Jixiao.Formats.Json;
using Jixiao.Formats.Sources;
using Jixiao.Web.Accounts;
using Jixiao.Web.Data;
using Microsoft.AspNetCore.Antiforgery;

namespace Jixiao.Web.Api;

/// <summary>The REST API under /api/v1: forms in the interchange JSON of shared/spec, and the lists around them.</summary>
public static class ApiEndpoints
{
    private static readonly JsonWriterOptions Writer = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void MapJixiaoApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("jixiao");

        api.MapGet("/forms", (IReadModel data, int? year, string? department, long? unit) =>
                data.Forms(new Scope(year, department, unit)))
            .WithSummary("列出表（可按年度、主管部门、单位筛选）");

        api.MapGet("/forms/{id:long}", (IReadModel data, long id) =>
                data.Form(id) is { } f ? Results.Stream(s => WriteAsync(s, w => DisclosureJson.WriteForm(w, f.Form)), "application/json") : Results.NotFound())
            .CacheOutput(Infrastructure.PublicPages.PolicyName) // anonymous requests only; see PublicPages
            .WithSummary("一张表，交换 JSON 格式（jixiao.disclosure/1 的 FORM）");

        api.MapGet("/projects/{id:long}", (IReadModel data, long id) =>
                data.Project(id) is { } p ? Results.Ok(new { id = p.ProjectId, name = p.Name, unit = p.Unit, forms = p.Forms.Select(Summary) }) : Results.NotFound())
            .WithSummary("一个项目历年的表");

        api.MapGet("/units", (IReadModel data, int? year, string? department) => data.Units(new Scope(year, department)))
            .WithSummary("实施单位");

        api.MapGet("/findings", (IReadModel data, int? year, long? unit, string? code, string? severity) => new
            {
                schema = "jixiao.findings/1",
                findings = data.Findings(new Scope(year, null, unit), code, severity).Select(f => new
                {
                    code = f.Code, severity = f.Severity, source = f.Source, line = f.Line, form = f.FormName,
                    indicator = f.Indicator, message = f.Message, expected = f.Expected, actual = f.Actual, formId = f.FormId,
                }),
            })
            .WithSummary("审核问题（jixiao.findings/1）");

        api.MapGet("/search", (IReadModel data, string q, int? limit) => data.Search(q, Math.Clamp(limit ?? 100, 1, 1000)))
            .WithSummary("全文搜索项目、目标和指标")
            .RequireRateLimiting(Infrastructure.AbuseLimits.Search);

        api.MapGet("/library/indicators", (IReadModel data, string level2, string? level1, string? q, int? limit) => new
            {
                level2 = IndicatorLevels.CanonicalLevel2(level2.Trim()),
                level1 = string.IsNullOrWhiteSpace(level1) ? null : IndicatorLevels.CanonicalLevel1(level1.Trim()),
                q = string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
                indicators = data.Library(level2, level1, q, Math.Clamp(limit ?? 20, 1, 100)),
            })
            .WithSummary("指标库：同一二级指标下已发布表用过的三级指标、使用的表数和常用指标值（可按一级指标和名称筛选）")
            .RequireRateLimiting(Infrastructure.AbuseLimits.Library);

        // Storing needs a signed-in 财政审核 or 管理员 (401 anonymous, 403 other roles) and, as the sign-in is a
        // cookie, the antiforgery token of GET /api/v1/antiforgery in its header (DraftEndpoints.CsrfHeader):
        // without it another site could make a signed-in browser post here.
        api.MapPost("/import", async (IImporter importer, IFormFile file, ClaimsPrincipal user) =>
            {
                if (file.Length > Pages.ImportModel.MaxBytes)
                {
                    return Results.Problem($"文件过大，上限 {Pages.ImportModel.MaxBytes / 1024 / 1024} MB", statusCode: 413);
                }

                using var ms = new MemoryStream();
                await file.CopyToAsync(ms);
                try
                {
                    return Results.Ok(importer.Import(ms.ToArray(), Path.GetFileName(file.FileName), user.Identity!.Name!));
                }
                catch (UnreadableSourceException ex)
                {
                    return Results.Problem(ex.Message, statusCode: 422);
                }
            })
            .RequireAuthorization(Policies.Import)
            .WithSummary("导入一个文件（文本、PDF 或交换 JSON）；同一内容重复导入不新增。需登录为财政审核或管理员，并带防伪令牌");
    }

    private static object Summary(StoredForm f) => new
    {
        id = f.Id,
        projectId = f.ProjectId,
        unitId = f.UnitId,
        kind = f.Form.Kind == FormKind.Target ? "target" : "selfEvaluation",
        year = f.Form.Year,
        name = f.Form.Name,
        unit = f.Form.Unit,
        department = f.Form.Department,
        indicators = f.Form.Indicators.Count,
        funds = f.Form.Funds?.AnnualTotal,
        totalScore = f.Form.TotalScore,
        grade = f.Form.Grade,
        source = f.Source,
        version = f.Version,
    };

    private static async Task WriteAsync(Stream stream, Action<Utf8JsonWriter> write)
    {
        await using var writer = new Utf8JsonWriter(stream, Writer);
        write(writer);
        await writer.FlushAsync();
    }
}
