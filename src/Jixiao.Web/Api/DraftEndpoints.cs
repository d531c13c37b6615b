using Jixiao.Domain.Drafts;
using System.Buffers;
using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Jixiao.Domain.Checks;
using Jixiao.Domain.Model;
using Jixiao.Domain.Values;
using Jixiao.Formats.Json;
using Jixiao.Web.Drafts;
using Jixiao.Web.Infrastructure;
using Jixiao.Web.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Api;

/// <summary>
/// The drafts API under /api/v1/drafts: the drafts being authored, read and changed as the pages do it —
/// every change through <see cref="DraftService"/>, who sees what through <see cref="DraftAccess"/>.
/// A draft the caller may not see is a 404 (its existence is never revealed), one they see but may not
/// change a 403, an anonymous caller a 401. Edits name the version they start from (<c>If-Match</c>);
/// a stale one is a 409 carrying the current version. Every state-changing request carries the antiforgery
/// token of <c>GET /api/v1/antiforgery</c> in the <see cref="CsrfHeader"/> header, else it is a 400.
/// </summary>
public static class DraftEndpoints
{
    /// <summary>The request header the antiforgery token travels in.</summary>
    public const string CsrfHeader = "X-CSRF-TOKEN";

    /// <summary>A state change: its name (Submit, Return, Approve, Publish), the version it applies to, the reviewer's comments.</summary>
    public sealed record TransitionRequest(string? Transition, int? Version, string? Comment, Dictionary<int, string>? Notes);

    public static void MapJixiaoDrafts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/antiforgery", (HttpContext context, IAntiforgery antiforgery) =>
            {
                var tokens = antiforgery.GetAndStoreTokens(context);
                return TypedResults.Ok(new AntiforgeryToken(tokens.HeaderName!, tokens.RequestToken!));
            })
            .WithTags("drafts")
            .WithSummary($"取得防伪令牌：登录后调用一次，此后每个修改草稿的请求在 {CsrfHeader} 头中带上它（同时设置防伪 Cookie）");

        var api = app.MapGroup("/api/v1/drafts")
            .WithTags("drafts")
            .RequireAuthorization()
            .AddEndpointFilter(RequireAntiforgeryAsync)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapGet("", ListAsync)
            .WithSummary("列出当前用户可以查看的草稿（申报表和自评表；最近修改的在前，分页）")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/{id:long}", GetAsync)
            .WithSummary("一份草稿：状态、版本（ETag）、交换 JSON 格式的表、审核意见、审核问题，自评表另有得分、等级和计分规则")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("", CreateAsync)
            .Accepts<JsonElement>("application/json")
            .WithSummary("新建绩效目标申报表草稿（请求体为一张表的交换 JSON；单位和主管部门取自当前账号；仅限填报人）")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPut("/{id:long}", UpdateAsync)
            .Accepts<JsonElement>("application/json")
            .WithSummary("保存草稿为新版本（须带 If-Match: \"版本\"；版本已过期时返回 409 和当前版本；自评表的指标名称和指标值不可改）")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        api.MapPost("/{id:long}/transitions", TransitionAsync)
            .WithSummary("提交、退回（须填意见）、审核通过或发布草稿；有阻止提交的问题时返回 422 并列出")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/{id:long}/evaluation", StartEvaluationAsync)
            .WithSummary("基于已审核通过的申报表开始自评：新开始的返回 201，已开始的自评表返回 200")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{id:long}/audit", AuditAsync)
            .WithSummary("草稿的审计记录：每次新建、保存和状态变更的用户、时间、意见及前后内容（分页）")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<Paged<DraftSummary>>, ProblemHttpResult>> ListAsync(ClaimsPrincipal user, DraftAccess access, int? page, int? pageSize)
    {
        if (!ApiContract.TryPage(page, pageSize, out var paging, out var problem))
        {
            return problem;
        }

        // Sorted in memory: SQLite cannot order by a DateTimeOffset.
        var drafts = await (await access.VisibleAsync(user)).AsNoTracking().ToListAsync();
        return TypedResults.Ok(paging.Of(drafts.OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id).ToList()).Select(d => DraftSummary.Of(d, d.Form)));
    }

    private static async Task<Results<Ok<DraftDetail>, ProblemHttpResult>> GetAsync(long id, ClaimsPrincipal user, DraftService drafts, HttpResponse response) =>
        await drafts.FindAsync(user, id) is { } draft ? TypedResults.Ok(await RepresentationAsync(draft, user, drafts, response)) : NotFound();

    private static async Task<Results<Created<DraftDetail>, ProblemHttpResult>> CreateAsync(HttpRequest request, ClaimsPrincipal user, DraftService drafts, HttpResponse response)
    {
        if (await ReadFormAsync(request) is not { Form: { } form })
        {
            return BadBody();
        }

        if (form.Kind != FormKind.Target)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "只能新建绩效目标申报表", "自评表从已审核通过的申报表开始：POST /api/v1/drafts/{id}/evaluation");
        }

        if (string.IsNullOrWhiteSpace(form.Name))
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "请填写项目名称", "表的 name 不能为空");
        }

        var blank = new PerformanceForm { Kind = FormKind.Target, Name = "", Year = form.Year ?? DateTime.UtcNow.Year + 1 };
        if (await drafts.CreateAsync(user, ToTargetInput(form).ApplyTo(blank)) is not { } created)
        {
            return Forbidden("只有单位的填报人可以新建申报表");
        }

        return TypedResults.Created($"/api/v1/drafts/{created.Id}", await RepresentationAsync(created, user, drafts, response));
    }

    private static async Task<Results<Ok<DraftDetail>, ProblemHttpResult>> UpdateAsync(long id, HttpRequest request, ClaimsPrincipal user, DraftService drafts, HttpResponse response, Language l)
    {
        if (await drafts.FindAsync(user, id) is not { } draft)
        {
            return NotFound();
        }

        if (!DraftAccess.CanWrite(user, draft))
        {
            return Forbidden("只有本单位的填报人可以修改草稿或被退回的草稿");
        }

        if (IfMatch(request) is not { } version)
        {
            return Problem(StatusCodes.Status428PreconditionRequired, "缺少 If-Match", $"请在 If-Match 头中给出所编辑的版本，如 If-Match: \"{draft.Version}\"（取自 GET 的 ETag）");
        }

        if (await ReadFormAsync(request) is not { Form: { } form } body)
        {
            return BadBody();
        }

        if (body.KindGiven && form.Kind != draft.Kind)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "表的类型与草稿不符", $"此草稿是{(draft.Kind == FormKind.Target ? "申报表" : "自评表")}（{FormKinds.Word(draft.Kind)}）");
        }

        Func<PerformanceForm, PerformanceForm> edit;
        if (draft.Kind == FormKind.Target)
        {
            edit = ToTargetInput(form).ApplyTo;
        }
        else if (ChangedIndicator(draft.Form, form) is { } changed)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "自评表的指标不可修改", changed);
        }
        else
        {
            edit = ToEvaluationInput(form).ApplyTo;
        }

        return (await drafts.SaveAsync(user, draft, version, edit)).Outcome switch
        {
            DraftOutcome.Done => TypedResults.Ok(await RepresentationAsync(draft, user, drafts, response)),
            DraftOutcome.Forbidden => Forbidden("只有本单位的填报人可以修改草稿或被退回的草稿"),
            _ => await ConflictAsync(user, id, drafts, response, (version, edit, l)),
        };
    }

    private static async Task<Results<Ok<DraftDetail>, ProblemHttpResult>> TransitionAsync(long id, TransitionRequest body, HttpRequest request, ClaimsPrincipal user, DraftService drafts, HttpResponse response)
    {
        if (await drafts.FindAsync(user, id) is not { } draft)
        {
            return NotFound();
        }

        if (!Workflow.All.Any(t => string.Equals(t.Name, body.Transition, StringComparison.OrdinalIgnoreCase)))
        {
            return Problem(StatusCodes.Status400BadRequest, "未知的操作", $"transition 应为 {string.Join("、", Workflow.All.Select(t => t.Name))} 之一");
        }

        if ((body.Version ?? IfMatch(request)) is not { } version)
        {
            return Problem(StatusCodes.Status428PreconditionRequired, "缺少版本", $"请在请求体的 version 或 If-Match 头中给出所看到的版本（当前为 {draft.Version}）");
        }

        var result = await drafts.ChangeAsync(user, draft, body.Transition!, version, body.Comment, body.Notes);
        return result.Outcome switch
        {
            DraftOutcome.Done => TypedResults.Ok(await RepresentationAsync(draft, user, drafts, response)),
            DraftOutcome.Forbidden => Forbidden("当前用户不能对此状态的草稿执行该操作"),
            DraftOutcome.Conflict => await ConflictAsync(user, id, drafts, response),
            DraftOutcome.CommentRequired => Problem(StatusCodes.Status400BadRequest, "退回须填写意见", "退回时请填写整体意见（comment）或针对指标的意见（notes，按指标序号）"),
            DraftOutcome.Blocked => ApiContract.Problem(
                StatusCodes.Status422UnprocessableEntity,
                $"还有 {result.Blocking!.Count} 个问题需要先修改，才能提交审核",
                "有问题需要先修改才能提交",
                new Dictionary<string, object?> { ["findings"] = result.Blocking.Select(FindingView.Of).ToList() }),
            _ => Problem(StatusCodes.Status500InternalServerError, "发布失败", result.Message ?? ""),
        };
    }

    private static async Task<Results<Created<DraftDetail>, Ok<DraftDetail>, ProblemHttpResult>> StartEvaluationAsync(long id, ClaimsPrincipal user, DraftService drafts, HttpResponse response)
    {
        if (await drafts.FindAsync(user, id) is not { } target)
        {
            return NotFound();
        }

        if (await drafts.OpenEvaluationAsync(user, target) is not var (evaluation, created))
        {
            return Forbidden("只有本单位的填报人可以在申报表审核通过后开始自评");
        }

        response.Headers.Location = $"/api/v1/drafts/{evaluation.Id}";
        var detail = await RepresentationAsync(evaluation, user, drafts, response);
        return created ? TypedResults.Created($"/api/v1/drafts/{evaluation.Id}", detail) : TypedResults.Ok(detail);
    }

    private static async Task<Results<Ok<Paged<AuditItem>>, ProblemHttpResult>> AuditAsync(long id, ClaimsPrincipal user, DraftService drafts, Language l, int? page, int? pageSize)
    {
        if (!ApiContract.TryPage(page, pageSize, out var paging, out var problem))
        {
            return problem;
        }

        if (await drafts.FindAsync(user, id) is not { } draft)
        {
            return NotFound();
        }

        var lines = await drafts.HistoryAsync(draft);
        return TypedResults.Ok(paging.Of(lines).Select(a => new AuditItem(
            a.Id, a.Action, a.UserName, a.At, a.Comment, DraftChanges.Describe(a.BeforeJson, a.AfterJson, l),
            a.BeforeJson is null ? null : Element(a.BeforeJson), Element(a.AfterJson))));
    }

    /// <summary>
    /// Refuses a state-changing request without a valid antiforgery token: the drafts API is authenticated
    /// by the same cookie as the pages, so a foreign page could otherwise make the browser send one.
    /// </summary>
    internal static async ValueTask<object?> RequireAntiforgeryAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        if (!(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method))
            && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            return Problem(StatusCodes.Status400BadRequest, "缺少或无效的防伪令牌", $"修改请求须在 {CsrfHeader} 头中带上 GET /api/v1/antiforgery 取得的令牌");
        }

        return await next(context);
    }

    /// <summary>The draft as the API shows it, with its version as the ETag.</summary>
    private static async Task<DraftDetail> RepresentationAsync(Draft d, ClaimsPrincipal user, DraftService drafts, HttpResponse response)
    {
        response.Headers.ETag = ETag(d.Version);
        var review = await drafts.ReviewAsync(d);
        var form = d.Form;
        return new DraftDetail(DraftSummary.Of(d, form))
        {
            CreatedBy = d.CreatedBy,
            CreatedAt = d.CreatedAt,
            CanWrite = DraftAccess.CanWrite(user, d),
            Transitions = drafts.Available(user, d).Select(t => t.Name),
            Review = d.Review is { } notes
                ? new ReviewView(notes.Comment, notes.Indicators.ToDictionary(n => n.Key.ToString(CultureInfo.InvariantCulture), n => n.Value))
                : null,
            Findings = [.. review.Findings.Select(FindingView.Of)],
            Blocking = [.. review.Blocking.Select(FindingView.Of)],
            Score = review.Score is { } score
                ? new ScoreView(score.Total, score.Grade, score.TotalExplanation, review.Policy!.Policy.Name, review.Policy.Reason)
                : null,
            Form = FormElement(form),
        };
    }

    /// <summary>
    /// The 409 of a stale edit: the current version and form, so the client can keep its own input; for a
    /// refused save also, in words, what changed since the version the client edited (theirChanges) and what
    /// the refused body would change in the current version (yourChanges).
    /// </summary>
    private static async Task<ProblemHttpResult> ConflictAsync(ClaimsPrincipal user, long id, DraftService drafts, HttpResponse response, (int Version, Func<PerformanceForm, PerformanceForm> Edit, Language L)? save = null)
    {
        if (await drafts.FindAsync(user, id) is not { } current)
        {
            return NotFound();
        }

        response.Headers.ETag = ETag(current.Version);
        var form = current.Form;
        var extensions = new Dictionary<string, object?> { ["version"] = current.Version, ["state"] = DraftStates.Code(current.State), ["form"] = FormElement(form) };
        if (save is var (version, edit, l))
        {
            extensions["theirChanges"] = DraftChanges.AtVersion(await drafts.HistoryAsync(current), version) is { } edited ? DraftChanges.Between(edited, form, l) : null;
            extensions["yourChanges"] = DraftChanges.Between(form, await drafts.AsSavedAsync(edit(form), current.UnitId), l);
        }

        return ApiContract.Problem(
            StatusCodes.Status409Conflict,
            $"草稿已被他人修改为版本 {current.Version}，本次修改未保存；请对照当前版本后重试",
            "版本冲突",
            extensions);
    }

    /// <summary>The fields of a target declaration the editor posts, taken from a form of the interchange JSON.</summary>
    private static DraftInput ToTargetInput(PerformanceForm f) => DraftInput.From(f, version: 0);

    /// <summary>The fields of a self-evaluation the editor posts, taken from a form of the interchange JSON.</summary>
    private static EvaluationInput ToEvaluationInput(PerformanceForm f) => EvaluationInput.From(f, version: 0);

    /// <summary>Why <paramref name="posted"/> changes the declared indicators of a self-evaluation (they come from the approved declaration); null when it does not.</summary>
    private static string? ChangedIndicator(PerformanceForm stored, PerformanceForm posted)
    {
        if (posted.Indicators.Count != stored.Indicators.Count)
        {
            return $"自评表有 {stored.Indicators.Count} 个指标（来自已通过的申报表），请求体有 {posted.Indicators.Count} 个";
        }

        for (var i = 0; i < stored.Indicators.Count; i++)
        {
            var (s, p) = (stored.Indicators[i], posted.Indicators[i]);
            if (s.Level1 != p.Level1 || s.Level2 != p.Level2 || s.Name != p.Name || s.Target != p.Target)
            {
                return $"第 {i + 1} 个指标“{s.Name}”（{s.Target}）与申报表不同：只能填写实际完成值、分值、得分和偏差原因分析";
            }
        }

        return null;
    }

    private sealed record Body(PerformanceForm? Form, bool KindGiven);

    /// <summary>The one form of the request body: a FORM of the interchange JSON, or a document holding exactly one; null when it is neither.</summary>
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

            return root.ValueKind == JsonValueKind.Object
                ? new Body(DisclosureJson.ReadForm(root, whenAbsent: FormKind.Target), root.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The version of <c>If-Match: "3"</c> (a weak tag or a bare number accepted too); null when absent or not one version.</summary>
    internal static int? IfMatch(HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString().Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return int.TryParse(value.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }

    internal static string ETag(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The antiforgery token and the header to send it in.</summary>
    public sealed record AntiforgeryToken(string HeaderName, string Token);

    /// <summary>A draft as the list shows it.</summary>
    public record DraftSummary(long Id, FormKind Kind, string State, int Version, long UnitId, string Unit, string Department, string Name, int? Year, long? BasedOnId, DateTimeOffset UpdatedAt)
    {
        public static DraftSummary Of(Draft d, PerformanceForm form) =>
            new(d.Id, d.Kind, DraftStates.Code(d.State), d.Version, d.UnitId, form.Unit, form.Department, form.Name, form.Year, d.BasedOnId, d.UpdatedAt);
    }

    /// <summary>One draft whole: its summary, who created it, what the caller may do, its review and its form.</summary>
    public sealed record DraftDetail : DraftSummary
    {
        public DraftDetail(DraftSummary summary)
            : base(summary)
        {
        }

        public string CreatedBy { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public bool CanWrite { get; init; }
        public IEnumerable<string> Transitions { get; init; } = [];
        public ReviewView? Review { get; init; }
        public IReadOnlyList<FindingView> Findings { get; init; } = [];
        public IReadOnlyList<FindingView> Blocking { get; init; } = [];
        public ScoreView? Score { get; init; }

        /// <summary>The form in the interchange JSON (jixiao.disclosure/1 FORM).</summary>
        public JsonElement Form { get; init; }
    }

    /// <summary>The reviewer's notes on a returned draft: an overall comment, and comments by indicator number.</summary>
    public sealed record ReviewView(string? Comment, IReadOnlyDictionary<string, string> Indicators);

    /// <summary>A rule finding on a draft.</summary>
    public sealed record FindingView(string Code, string Severity, string Message, string? Indicator)
    {
        public static FindingView Of(Finding f) => new(f.Code, f.Severity.ToString().ToLowerInvariant(), f.Message, f.Indicator);
    }

    /// <summary>A self-evaluation's score as recomputed: total, grade, the total's explanation, the scoring policy and why it applies.</summary>
    public sealed record ScoreView(decimal? Total, string? Grade, string TotalText, string Policy, string PolicyReason);

    /// <summary>One line of a draft's audit: what was done, by whom, when, and the form before and after.</summary>
    public sealed record AuditItem(long Id, string Action, string User, DateTimeOffset At, string? Comment, IReadOnlyList<string> Changes, JsonElement? Before, JsonElement After);

    private static JsonElement FormElement(PerformanceForm form)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            DisclosureJson.WriteForm(w, form);
        }

        using var json = JsonDocument.Parse(buffer.WrittenMemory);
        return json.RootElement.Clone();
    }

    private static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) => ApiContract.Problem(status, detail, title);

    private static ProblemHttpResult NotFound() => Problem(StatusCodes.Status404NotFound, "没有这份草稿", "草稿不存在，或当前用户无权查看");

    private static ProblemHttpResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "无权执行此操作", detail);

    private static ProblemHttpResult BadBody() => Problem(StatusCodes.Status400BadRequest, "请求体无效", "请求体应是一张表的交换 JSON（jixiao.disclosure/1 的 FORM），或只含一张表的文档");
}
