using System.Security.Claims;
using System.Text.Json;
using Jixiao.Domain.Drafts;
using Jixiao.Storage.Entities;
using Jixiao.Web.Accounts;

namespace Jixiao.Web.Drafts;

/// <summary>One line of the audit log of a draft.</summary>
public sealed class DraftAudit
{
    public long Id { get; set; }
    public long DraftId { get; set; }
    public Draft? Draft { get; set; }
    public string Action { get; set; } = "";
    public string UserName { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? Comment { get; set; }
    public string? BeforeJson { get; set; }
    public string AfterJson { get; set; } = "";

    /// <summary>The draft as the log keeps it: state, version and the form's interchange JSON.</summary>
    public static string Snapshot(Draft d) => AuditSnapshot.Of(DraftStates.Code(d.State), d.Version, d.FormJson);
}

/// <summary>
/// A state change: its name (the page handler), the states it leaves, the state it enters (an approval before
/// the last review step and a return after the first stay submitted: the aggregate decides, see <see cref="Draft.Approve"/>), who may
/// make it under the deployment's review steps.
/// </summary>
public sealed record Transition(string Name, string Zh, string En, IReadOnlyList<DraftState> From, DraftState To, bool NeedsComment, Func<ClaimsPrincipal, Draft, ReviewSteps, bool> Allowed);

/// <summary>
/// draft → submitted → (单位审核 → 主管部门审核 → 财政审核, the steps the deployment requires, in order) →
/// approved → published. A unit's 填报人 submits; at each step only that step's role approves (on to the next
/// step) or returns with a comment (back one step; from the first step to the filler, who edits and submits
/// again). Nobody approves a draft they created or edited. 财政审核 or 管理员 publishes an approved draft.
/// </summary>
public static class Workflow
{
    public const string Created = "create";
    public const string Updated = "update";

    public static readonly IReadOnlyList<Transition> All =
    [
        new("Submit", "提交审核", "Submit", [DraftState.Draft, DraftState.Returned], DraftState.Submitted, false, (u, d, _) => u.IsInRole(Roles.Filler) && DraftAccess.UnitOf(u) == d.UnitId),
        new("Return", "退回修改", "Return", [DraftState.Submitted], DraftState.Returned, true, (u, d, steps) => steps.Reviews(u, d)),
        new("Approve", "审核通过", "Approve", [DraftState.Submitted], DraftState.Approved, false, (u, d, steps) => steps.Reviews(u, d)),
        new("Publish", "发布", "Publish", [DraftState.Approved], DraftState.Published, false, (u, _, _) => u.IsInRole(Roles.Finance) || u.IsInRole(Roles.Admin)),
    ];

    /// <summary>
    /// The changes <paramref name="user"/> may make to a draft they can see under <paramref name="steps"/>;
    /// with <paramref name="authors"/> (who created or saved the draft), no approval of one's own draft.
    /// </summary>
    public static IEnumerable<Transition> Available(ClaimsPrincipal user, Draft draft, ReviewSteps steps, IReadOnlySet<string>? authors = null) =>
        All.Where(t => t.From.Contains(draft.State) && t.Allowed(user, draft, steps)
            && !(t.Name == "Approve" && authors is not null && authors.Contains(user.Identity?.Name ?? "")));

    /// <summary>An audit line's action in words: a transition's label, or create / update.</summary>
    public static string ActionName(string action, Infrastructure.Language l) =>
        action == Created ? l.T("新建", "create")
        : action == Updated ? l.T("保存", "save")
        : All.FirstOrDefault(t => t.Name.Equals(action, StringComparison.OrdinalIgnoreCase)) is { } t ? l.T(t.Zh, t.En)
        : action;

    /// <summary>A submitted draft's state with the step it waits for, e.g. 已提交（待主管部门审核，第 2/3 步）.</summary>
    public static string StateName(Draft draft, ReviewSteps steps, Infrastructure.Language l) =>
        steps.Current(draft) is { } role
            ? l.T($"已提交（待{role}，第 {steps.Step(draft) + 1}/{steps.Required.Count} 步）", $"submitted (waiting for {role}, step {steps.Step(draft) + 1} of {steps.Required.Count})")
            : StateName(draft.State, l);

    public static string StateName(DraftState state, Infrastructure.Language l) => state switch
    {
        DraftState.Draft => l.T("草稿", "draft"),
        DraftState.Submitted => l.T("已提交", "submitted"),
        DraftState.Returned => l.T("已退回", "returned"),
        DraftState.Approved => l.T("已通过", "approved"),
        DraftState.Published => l.T("已发布", "published"),
        _ => DraftStates.Code(state),
    };
}
