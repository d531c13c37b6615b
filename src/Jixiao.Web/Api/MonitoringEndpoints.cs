using System.Security.Claims;
using System.Text.Json;
using Jixiao.Domain.Monitoring;
using Jixiao.Formats.Json;
using Jixiao.Storage.Entities;
using Jixiao.Web.Data;
using Jixiao.Web.Monitoring;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Api;

/// <summary>
/// The monitoring API under /api/v1/monitoring, as the drafts API does it: every change through
/// <see cref="MonitoringService"/> (the pages' own), a form the caller may not see is a 404, one they see but
/// may not change a 403, an anonymous caller a 401; edits name their version (<c>If-Match</c>), a stale one is
/// a 409; every state-changing request carries the antiforgery token (<see cref="DraftEndpoints.CsrfHeader"/>).
/// Bad input is a 422 whose <c>errors</c> name each field (<c>through</c>, <c>indicators[0].likelihood</c> …);
/// nothing is stored.
/// </summary>
public static class MonitoringEndpoints
{
    /// <summary>A state change (Submit, Return, Accept), the version it applies to and the reviewer's comment.</summary>
    public sealed record MonitoringTransitionRequest(string? Transition, int? Version, string? Comment);

    public static void MapJixiaoMonitoring(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/monitoring")
            .WithTags("monitoring")
            .RequireAuthorization()
            .AddEndpointFilter(DraftEndpoints.RequireAntiforgeryAsync)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapGet("", ListAsync)
            .WithSummary("列出当前用户可以查看的运行监控表（含红绿灯；可按 light=red|yellow|green、state 筛选；最近修改的在前，分页）")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/{id:long}", GetAsync)
            .WithSummary("一张运行监控表：状态、版本（ETag）、交换 JSON 格式的表（kind: monitoring）、红绿灯及原因、规则检查问题、可执行的操作")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("", CreateAsync)
            .Accepts<JsonElement>("application/json")
            .WithSummary("新建运行监控表：?fromForm=已发布申报表的 id 或 ?fromDraft=已通过的申报表草稿 id（项目、指标和预算自动带入；已开始的返回 200），或请求体为一张 kind: monitoring 的表；仅限填报人")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPut("/{id:long}", UpdateAsync)
            .Accepts<JsonElement>("application/json")
            .WithSummary("保存运行监控表为新版本（须带 If-Match: \"版本\"；请求体为一张 kind: monitoring 的表；单位、项目名称、年度和依据的申报表不可改；输入有误时返回 422 并按字段列出）")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        api.MapPost("/{id:long}/transitions", TransitionAsync)
            .WithSummary("提交（红、黄指标须有偏差原因）、退回（须填意见）或审核通过（主管部门审核）；有阻止提交的问题时返回 422 并列出")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        api.MapGet("/{id:long}/audit", AuditAsync)
            .WithSummary("运行监控表的审计记录：每次新建、保存和状态变更的用户、时间、意见及前后内容（分页）")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<Paged<MonitoringSummary>>, ProblemHttpResult>> ListAsync(ClaimsPrincipal user, MonitoringService monitoring, int? page, int? pageSize, string? light, string? state)
    {
        if (!ApiContract.TryPage(page, pageSize, out var paging, out var problem))
        {
            return problem;
        }

        if (light is not null && MonitoringWords.LightFromCode(light) is null && light != "none")
        {
            return Problem(StatusCodes.Status400BadRequest, "light 参数无效", "light 应为 red、yellow、green 或 none");
        }

        if (state is not null && !MonitoringStates.All.Contains(state))
        {
            return Problem(StatusCodes.Status400BadRequest, "state 参数无效", $"state 应为 {string.Join("、", MonitoringStates.All)} 之一");
        }

        var query = (await monitoring.VisibleAsync(user)).AsNoTracking();
        if (state is not null)
        {
            query = query.Where(r => r.State == state);
        }

        // Sorted in memory: SQLite cannot order by a DateTimeOffset.
        var rows = (await query.ToListAsync())
            .Select(r => Summary(r, monitoring))
            .Where(s => light is null || (s.Light ?? "none") == light)
            .OrderByDescending(s => s.UpdatedAt).ThenByDescending(s => s.Id).ToList();
        return TypedResults.Ok(paging.Of(rows));
    }

    private static async Task<Results<Ok<MonitoringDetail>, ProblemHttpResult>> GetAsync(long id, ClaimsPrincipal user, MonitoringService monitoring, HttpResponse response) =>
        await monitoring.FindAsync(user, id) is { } record ? TypedResults.Ok(await RepresentationAsync(record, user, monitoring, response)) : NotFound();

    private static async Task<Results<Created<MonitoringDetail>, Ok<MonitoringDetail>, ProblemHttpResult>> CreateAsync(
        HttpRequest request, ClaimsPrincipal user, MonitoringService monitoring, HttpResponse response, long? fromForm, long? fromDraft)
    {
        if (!MonitoringService.CanStart(user))
        {
            return Forbidden("只有单位的填报人可以新建运行监控表");
        }

        if (fromForm is not null || fromDraft is not null)
        {
            var started = fromForm is { } formId ? await monitoring.StartFromFormAsync(user, formId) : await monitoring.StartFromDraftAsync(user, fromDraft!.Value);
            if (started is not var (record, created))
            {
                return Problem(StatusCodes.Status404NotFound, "没有这份申报表", "申报表不存在、不是本单位的，或尚未发布或审核通过");
            }

            var detail = await RepresentationAsync(record, user, monitoring, response);
            response.Headers.Location = $"/api/v1/monitoring/{record.Id}";
            return created ? TypedResults.Created($"/api/v1/monitoring/{record.Id}", detail) : TypedResults.Ok(detail);
        }

        if (await ReadFormAsync(request) is not { } body)
        {
            return BadBody();
        }

        if (body.Problems.Count > 0)
        {
            return Invalid(body.Problems);
        }

        var (made, problems) = await monitoring.CreateAsync(user, body.Form);
        if (problems.Count > 0)
        {
            return Invalid(problems);
        }

        return made is null
            ? Forbidden("只有单位的填报人可以新建运行监控表")
            : TypedResults.Created($"/api/v1/monitoring/{made.Id}", await RepresentationAsync(made, user, monitoring, response));
    }

    private static async Task<Results<Ok<MonitoringDetail>, ProblemHttpResult>> UpdateAsync(long id, HttpRequest request, ClaimsPrincipal user, MonitoringService monitoring, HttpResponse response)
    {
        if (await monitoring.FindAsync(user, id) is not { } record)
        {
            return NotFound();
        }

        if (!MonitoringService.CanWrite(user, record))
        {
            return Forbidden("只有本单位的填报人可以修改草稿或被退回的运行监控表");
        }

        if (DraftEndpoints.IfMatch(request) is not { } version)
        {
            return Problem(StatusCodes.Status428PreconditionRequired, "缺少 If-Match", $"请在 If-Match 头中给出所编辑的版本，如 If-Match: \"{record.Version}\"（取自 GET 的 ETag）");
        }

        if (await ReadFormAsync(request) is not { } body)
        {
            return BadBody();
        }

        if (body.Problems.Count > 0)
        {
            return Invalid(body.Problems);
        }

        var posted = body.Form;
        if ((record.BasedOnFormId is not null || record.BasedOnDraftId is not null) && ChangedIndicator(record.Form, posted) is { } changed)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "指标来自申报表，不可修改", changed);
        }

        var result = await monitoring.SaveAsync(user, record, version, stored =>
        {
            // The printed rate is recomputed, as the page does: a client never has to send it.
            var total = posted.Budget.Total;
            var form = posted with { Budget = posted.Budget with { Total = total is null ? null : total with { Rate = MonitoringAssessor.Rate(total, MonitoringService.Policy) } } };
            return (form, MonitoringInput.Blocking(form, [], MonitoringService.Policy));
        });
        return result.Outcome switch
        {
            MonitoringOutcome.Done => TypedResults.Ok(await RepresentationAsync(record, user, monitoring, response)),
            MonitoringOutcome.Forbidden => Forbidden("只有本单位的填报人可以修改草稿或被退回的运行监控表"),
            MonitoringOutcome.Invalid => Invalid(result.Problems!),
            _ => await ConflictAsync(user, id, monitoring, response),
        };
    }

    private static async Task<Results<Ok<MonitoringDetail>, ProblemHttpResult>> TransitionAsync(long id, MonitoringTransitionRequest body, HttpRequest request, ClaimsPrincipal user, MonitoringService monitoring, HttpResponse response)
    {
        if (await monitoring.FindAsync(user, id) is not { } record)
        {
            return NotFound();
        }

        if (!MonitoringWorkflow.All.Any(t => string.Equals(t.Name, body.Transition, StringComparison.OrdinalIgnoreCase)))
        {
            return Problem(StatusCodes.Status400BadRequest, "未知的操作", $"transition 应为 {string.Join("、", MonitoringWorkflow.All.Select(t => t.Name))} 之一");
        }

        if ((body.Version ?? DraftEndpoints.IfMatch(request)) is not { } version)
        {
            return Problem(StatusCodes.Status428PreconditionRequired, "缺少版本", $"请在请求体的 version 或 If-Match 头中给出所看到的版本（当前为 {record.Version}）");
        }

        var result = await monitoring.ChangeAsync(user, record, body.Transition!, version, body.Comment);
        return result.Outcome switch
        {
            MonitoringOutcome.Done => TypedResults.Ok(await RepresentationAsync(record, user, monitoring, response)),
            MonitoringOutcome.Forbidden => Forbidden("当前用户不能对此状态的运行监控表执行该操作"),
            MonitoringOutcome.Conflict => await ConflictAsync(user, id, monitoring, response),
            MonitoringOutcome.CommentRequired => Problem(StatusCodes.Status400BadRequest, "退回须填写意见", "退回时请在 comment 中说明原因"),
            _ => ApiContract.Problem(
                StatusCodes.Status422UnprocessableEntity,
                $"还有 {result.Blocking!.Count} 个问题需要先修改，才能提交审核",
                "有问题需要先修改才能提交",
                new Dictionary<string, object?> { ["findings"] = result.Blocking.Select(MonitoringFindingView.Of).ToList() }),
        };
    }

    private static async Task<Results<Ok<Paged<MonitoringAuditItem>>, ProblemHttpResult>> AuditAsync(long id, ClaimsPrincipal user, MonitoringService monitoring, int? page, int? pageSize)
    {
        if (!ApiContract.TryPage(page, pageSize, out var paging, out var problem))
        {
            return problem;
        }

        if (await monitoring.FindAsync(user, id) is not { } record)
        {
            return NotFound();
        }

        var lines = await monitoring.HistoryAsync(record);
        return TypedResults.Ok(paging.Of(lines).Select(a => new MonitoringAuditItem(
            a.Id, a.Action, a.UserName, a.At, a.Comment, a.BeforeJson is null ? null : Element(a.BeforeJson), Element(a.AfterJson))));
    }

    /// <summary>Why <paramref name="posted"/> changes the declared indicators (they come from the declaration); null when it does not.</summary>
    private static string? ChangedIndicator(MonitoringForm stored, MonitoringForm posted)
    {
        if (posted.Indicators.Count != stored.Indicators.Count)
        {
            return $"监控表有 {stored.Indicators.Count} 个指标（来自申报表），请求体有 {posted.Indicators.Count} 个";
        }

        for (var i = 0; i < stored.Indicators.Count; i++)
        {
            var (s, p) = (stored.Indicators[i], posted.Indicators[i]);
            if (s.Level1 != p.Level1 || s.Level2 != p.Level2 || s.Name != p.Name || s.Target != p.Target)
            {
                return $"第 {i + 1} 个指标“{s.Name}”（{s.Target}）与申报表不同：只能填写实际完成值、预计完成值、偏差原因、完成可能性和备注";
            }
        }

        return null;
    }

    private static MonitoringSummary Summary(StoredMonitoringForm r, MonitoringService monitoring)
    {
        var form = r.Form;
        var a = monitoring.Review(form, r).Assessment;
        return new MonitoringSummary(r.Id, r.State, r.Version, r.UnitId, form.Unit, form.Department, form.Name, form.Year, form.Through,
            r.BasedOnFormId, r.BasedOnDraftId, a?.Light.Code(), a?.Budget.Lag, r.UpdatedAt);
    }

    private static async Task<MonitoringDetail> RepresentationAsync(StoredMonitoringForm r, ClaimsPrincipal user, MonitoringService monitoring, HttpResponse response)
    {
        response.Headers.ETag = DraftEndpoints.ETag(r.Version);
        var form = r.Form;
        var review = await monitoring.ReviewAsync(form, r);
        return new MonitoringDetail(Summary(r, monitoring))
        {
            CreatedBy = r.CreatedBy,
            CreatedAt = r.CreatedAt,
            CanWrite = MonitoringService.CanWrite(user, r),
            Transitions = monitoring.Available(user, r).Select(t => t.Name),
            ReviewComment = r.ReviewComment,
            Lights = LightsView.Of(review, form.Indicators.Count),
            Form = Element(r.FormJson),
        };
    }

    private static async Task<ProblemHttpResult> ConflictAsync(ClaimsPrincipal user, long id, MonitoringService monitoring, HttpResponse response)
    {
        if (await monitoring.FindAsync(user, id) is not { } current)
        {
            return NotFound();
        }

        response.Headers.ETag = DraftEndpoints.ETag(current.Version);
        return ApiContract.Problem(
            StatusCodes.Status409Conflict,
            $"运行监控表已被他人修改为版本 {current.Version}，本次修改未保存；请对照当前版本后重试",
            "版本冲突",
            new Dictionary<string, object?> { ["version"] = current.Version, ["state"] = current.State, ["form"] = Element(current.FormJson) });
    }

    private sealed record Body(MonitoringForm Form, IReadOnlyList<InputProblem> Problems);

    /// <summary>The one monitoring form of the body (a FORM, or a document holding exactly one); null when the body is neither.</summary>
    private static async Task<Body?> ReadFormAsync(HttpRequest request)
    {
        try
        {
            using var json = await JsonDocument.ParseAsync(request.Body, default, request.HttpContext.RequestAborted);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("forms", out var forms))
            {
                if (forms.ValueKind != JsonValueKind.Array || forms.GetArrayLength() != 1)
                {
                    return null;
                }

                root = forms[0];
            }

            if (!MonitoringJson.IsMonitoring(root))
            {
                return null;
            }

            var form = MonitoringJson.ReadForm(root, out var problems);
            return new Body(form, problems);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>A monitoring form as the list shows it: its light (null until the figures are entered) and the budget's lag in percentage points.</summary>
    public record MonitoringSummary(long Id, string State, int Version, long UnitId, string Unit, string Department, string Name, int? Year, int Through,
        long? BasedOnFormId, long? BasedOnDraftId, string? Light, decimal? Lag, DateTimeOffset UpdatedAt);

    /// <summary>One monitoring form whole: summary, who created it, what the caller may do, the lights with reasons and the form.</summary>
    public sealed record MonitoringDetail : MonitoringSummary
    {
        public MonitoringDetail(MonitoringSummary summary)
            : base(summary)
        {
        }

        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public bool CanWrite { get; init; }
        public IEnumerable<string> Transitions { get; init; } = [];
        public string? ReviewComment { get; init; }
        public LightsView Lights { get; init; } = null!;

        /// <summary>The form in the interchange JSON (a FORM of kind monitoring, shared/spec/monitoring.md).</summary>
        public JsonElement Form { get; init; }
    }

    /// <summary>One line of a monitoring form's audit.</summary>
    public sealed record MonitoringAuditItem(long Id, string Action, string User, DateTimeOffset At, string? Comment, JsonElement? Before, JsonElement After);

    private static ProblemHttpResult Problem(int status, string title, string detail) => ApiContract.Problem(status, detail, title);

    private static ProblemHttpResult NotFound() => Problem(StatusCodes.Status404NotFound, "没有这张运行监控表", "运行监控表不存在，或当前用户无权查看");

    private static ProblemHttpResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "无权执行此操作", detail);

    private static ProblemHttpResult BadBody() => Problem(StatusCodes.Status400BadRequest, "请求体无效", "请求体应是一张 kind: monitoring 的表的交换 JSON，或只含一张这样的表的文档");

    /// <summary>The 422 of bad input: every problem by its field, nothing stored.</summary>
    private static ProblemHttpResult Invalid(IReadOnlyList<InputProblem> problems) => ApiContract.Problem(
        StatusCodes.Status422UnprocessableEntity,
        string.Join("；", problems),
        "输入有误，未保存",
        new Dictionary<string, object?>
        {
            ["errors"] = problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
        });
}
