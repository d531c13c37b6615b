using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Jixiao.Domain.Model;
using Jixiao.Formats.Json;
using Jixiao.Formats.Sources;
using Jixiao.Web.Accounts;
using Jixiao.Web.Data;
using Jixiao.Storage.Queries;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jixiao.Web.Api;

/// <summary>The REST API under /api/v1: forms in the interchange JSON of shared/spec, and the lists around them.</summary>
public static class ApiEndpoints
{
    private static readonly JsonWriterOptions Writer = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void MapJixiaoApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("jixiao");

        api.MapGet("/forms", FormsList)
            .WithSummary("列出表（可按年度、主管部门、单位筛选；分页：page 从 1 开始，pageSize 默认 50、最大 500）")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/forms/{id:long}", async Task<Results<PushStreamHttpResult, ProblemHttpResult>> (IReadModel data, long id, CancellationToken ct) =>
                await data.FormAsync(id, ct) is { } f
                    ? TypedResults.Stream(s => WriteAsync(s, w => DisclosureJson.WriteForm(w, f.Form)), "application/json")
                    : FormNotFound(id))
            .CacheOutput(Infrastructure.PublicPages.PolicyName) // anonymous requests only; see PublicPages
            .WithSummary("一张表，交换 JSON 格式（jixiao.disclosure/1 的 FORM）")
            .Produces<JsonElement>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/projects/{id:long}", async Task<Results<Ok<ProjectView>, ProblemHttpResult>> (IReadModel data, long id, CancellationToken ct) =>
                await data.ProjectAsync(id, ct) is { } p
                    ? TypedResults.Ok(new ProjectView(p.ProjectId, p.Name, p.Unit, [.. p.Forms.Select(FormSummary.Of)]))
                    : ApiContract.Problem(StatusCodes.Status404NotFound, $"没有编号为 {id} 的项目", "没有这个项目"))
            .WithSummary("一个项目历年的表")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/units", async Task<Results<Ok<Paged<UnitRow>>, ProblemHttpResult>> (IReadModel data, int? year, string? department, int? page, int? pageSize, CancellationToken ct) =>
                ApiContract.TryPage(page, pageSize, out var paging, out var problem)
                    ? TypedResults.Ok(paging.Of(await data.UnitsAsync(new Scope(year, department), ct)))
                    : problem)
            .WithSummary("实施单位（分页）")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/findings", async Task<Results<Ok<Paged<FindingItem>>, ProblemHttpResult>> (IReadModel data, int? year, long? unit, string? code, string? severity, int? page, int? pageSize, CancellationToken ct) =>
                ApiContract.TryPage(page, pageSize, out var paging, out var problem)
                    ? TypedResults.Ok((await data.FindingPageAsync(new Scope(year, null, unit), code, severity, paging, ct)).Select(FindingItem.Of))
                    : problem)
            .WithSummary("审核问题（每条为 jixiao.findings/1 的 FINDING，另有 formId；分页）")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/search", async Task<Results<Ok<Paged<SearchHit>>, ProblemHttpResult>> (IReadModel data, string q, int? page, int? pageSize, CancellationToken ct) =>
                ApiContract.TryPage(page, pageSize, out var paging, out var problem)
                    ? TypedResults.Ok(await data.SearchPageAsync(q, paging, ct))
                    : problem)
            .WithSummary("全文搜索项目、目标和指标：先项目，后指标（分页）")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireRateLimiting(Infrastructure.AbuseLimits.Search);

        api.MapGet("/library/indicators", async (IReadModel data, string level2, string? level1, string? q, int? limit, CancellationToken ct) => TypedResults.Ok(new LibraryView(
                IndicatorLevels.CanonicalLevel2(level2.Trim()),
                string.IsNullOrWhiteSpace(level1) ? null : IndicatorLevels.CanonicalLevel1(level1.Trim()),
                string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
                Math.Clamp(limit ?? 20, 1, 100),
                await data.LibraryAsync(level2, level1, q, Math.Clamp(limit ?? 20, 1, 100), ct))))
            .WithSummary("指标库：同一二级指标下已发布表用过的三级指标、使用的表数和常用指标值（可按一级指标和名称筛选；最常用的前 limit 个，默认 20、最多 100）")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireRateLimiting(Infrastructure.AbuseLimits.Library);

        // Storing needs a signed-in 财政审核 or 管理员 (401 anonymous, 403 other roles) and, as the sign-in is a
        // cookie, the antiforgery token of GET /api/v1/antiforgery in its header (DraftEndpoints.CsrfHeader):
        // without it another site could make a signed-in browser post here.
        api.MapPost("/import", async Task<Results<Ok<ImportSummary>, ProblemHttpResult>> (IImporter importer, IFormFile file, ClaimsPrincipal user) =>
            {
                if (file.Length > Pages.ImportModel.MaxBytes)
                {
                    return ApiContract.Problem(StatusCodes.Status413PayloadTooLarge, $"文件过大，上限 {Pages.ImportModel.MaxBytes / 1024 / 1024} MB");
                }

                using var ms = new MemoryStream();
                await file.CopyToAsync(ms);
                try
                {
                    return TypedResults.Ok(importer.Import(ms.ToArray(), Path.GetFileName(file.FileName), user.Identity!.Name!));
                }
                catch (UnreadableSourceException ex)
                {
                    return ApiContract.Problem(StatusCodes.Status422UnprocessableEntity, ex.Message, "文件无法读取");
                }
            })
            .RequireAuthorization(Policies.Import)
            .WithSummary("导入一个文件（文本、PDF 或交换 JSON）；同一内容重复导入不新增。需登录为财政审核或管理员，并带防伪令牌")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Results<Ok<Paged<FormRow>>, ProblemHttpResult>> FormsList(IReadModel data, int? year, string? department, long? unit, int? page, int? pageSize, CancellationToken ct) =>
        ApiContract.TryPage(page, pageSize, out var paging, out var problem)
            ? TypedResults.Ok(await data.FormPageAsync(new Scope(year, department, unit), paging, ct))
            : problem;

    private static ProblemHttpResult FormNotFound(long id) => ApiContract.Problem(StatusCodes.Status404NotFound, $"没有编号为 {id} 的表", "没有这张表");

    /// <summary>A project with its forms, oldest first.</summary>
    public sealed record ProjectView(long Id, string Name, string Unit, IReadOnlyList<FormSummary> Forms);

    /// <summary>A form as a project lists it.</summary>
    public sealed record FormSummary(
        long Id, long ProjectId, long UnitId, FormKind Kind, int? Year, string Name, string Unit, string Department, int Indicators,
        decimal? Funds, decimal? TotalScore, string? Grade, string Source, int Version)
    {
        public static FormSummary Of(StoredFormView f) => new(
            f.Id, f.ProjectId, f.UnitId, f.Form.Kind, f.Form.Year, f.Form.Name, f.Form.Unit, f.Form.Department, f.Form.Indicators.Count,
            f.Form.Funds?.AnnualTotal, f.Form.TotalScore, f.Form.Grade, f.Source, f.Version);
    }

    /// <summary>A FINDING of jixiao.findings/1 (shared/spec/checks.md) with the id of its form.</summary>
    public sealed record FindingItem(
        string Code, string Severity, string Source, int Line, string Form, string? Indicator, string Message, string? Expected, string? Actual, long FormId)
    {
        public static FindingItem Of(FindingRow f) => new(f.Code, f.Severity, f.Source, f.Line, f.FormName, f.Indicator, f.Message, f.Expected, f.Actual, f.FormId);
    }

    /// <summary>The indicator library's answer: the levels and text as understood, the limit applied, the indicators most used first.</summary>
    public sealed record LibraryView(string Level2, string? Level1, string? Q, int Limit, IReadOnlyList<LibraryIndicator> Indicators);

    private static async Task WriteAsync(Stream stream, Action<Utf8JsonWriter> write)
    {
        await using var writer = new Utf8JsonWriter(stream, Writer);
        write(writer);
        await writer.FlushAsync();
    }
}
