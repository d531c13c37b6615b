using System.Security.Claims;
using System.Text.Json;
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
    public static string Snapshot(Draft d) => Snapshot(d.State, d.Version, d.FormJson);

    /// <summary>A state, a version and a form's interchange JSON as an audit line keeps them (drafts' and monitoring forms' alike).</summary>
    public static string Snapshot(string state, int version, string formJson) => Storage.Entities.StoredMonitoringAudit.Snapshot(state, version, formJson);
}

/// <summary>The states of a draft.</summary>
public static class States
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string Returned = "returned";
    public const string Approved = "approved";
    public const string Published = "published";

    /// <summary>Every state, in the order a draft goes through them.</summary>
    public static readonly IReadOnlyList<string> All = [Draft, Submitted, Returned, Approved, Published];
}

/// <summary>
/// A state change: its name (the page handler), the states it leaves, the state it enters (an approval before
/// the last review step and a return after the first stay submitted, see <see cref="Workflow.Next"/>), who may
/// make it under the deployment's review steps.
/// </summary>
public sealed record Transition(string Name, string Zh, string En, IReadOnlyList<string> From, string To, bool NeedsComment, Func<ClaimsPrincipal, Draft, ReviewSteps, bool> Allowed);

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
        new("Submit", "提交审核", "Submit", [States.Draft, States.Returned], States.Submitted, false, (u, d, _) => u.IsInRole(Roles.Filler) && DraftAccess.UnitOf(u) == d.UnitId),
        new("Return", "退回修改", "Return", [States.Submitted], States.Returned, true, (u, d, steps) => steps.Reviews(u, d)),
        new("Approve", "审核通过", "Approve", [States.Submitted], States.Approved, false, (u, d, steps) => steps.Reviews(u, d)),
        new("Publish", "发布", "Publish", [States.Approved], States.Published, false, (u, _, _) => u.IsInRole(Roles.Finance) || u.IsInRole(Roles.Admin)),
    ];

    /// <summary>
    /// The changes <paramref name="user"/> may make to a draft they can see under <paramref name="steps"/>;
    /// with <paramref name="authors"/> (who created or saved the draft), no approval of one's own draft.
    /// </summary>
    public static IEnumerable<Transition> Available(ClaimsPrincipal user, Draft draft, ReviewSteps steps, IReadOnlySet<string>? authors = null) =>
        All.Where(t => t.From.Contains(draft.State) && t.Allowed(user, draft, steps)
            && !(t.Name == "Approve" && authors is not null && authors.Contains(user.Identity?.Name ?? "")));

    /// <summary>The state and review step <paramref name="change"/> leads to from <paramref name="draft"/>.</summary>
    public static (string State, int Step) Next(Transition change, Draft draft, ReviewSteps steps) => change.Name switch
    {
        "Submit" => (States.Submitted, 0),
        "Approve" when !steps.AtLast(draft) => (States.Submitted, steps.Step(draft) + 1),
        "Return" when steps.Step(draft) > 0 => (States.Submitted, steps.Step(draft) - 1),
        _ => (change.To, 0),
    };

    /// <summary>Only drafts and returned drafts are edited; submitted, approved and published ones are read-only.</summary>
    public static bool Editable(string state) => state is States.Draft or States.Returned;

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

    public static string StateName(string state, Infrastructure.Language l) => state switch
    {
        States.Draft => l.T("草稿", "draft"),
        States.Submitted => l.T("已提交", "submitted"),
        States.Returned => l.T("已退回", "returned"),
        States.Approved => l.T("已通过", "approved"),
        States.Published => l.T("已发布", "published"),
        _ => state,
    };
}
