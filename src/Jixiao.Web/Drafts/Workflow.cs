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
    public static string Snapshot(Draft d) =>
        $"{{\"state\":{JsonSerializer.Serialize(d.State)},\"version\":{d.Version},\"form\":{d.FormJson}}}";
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

/// <summary>A state change: its name (the page handler), the states it leaves, the state it enters, who may make it.</summary>
public sealed record Transition(string Name, string Zh, string En, IReadOnlyList<string> From, string To, bool NeedsComment, Func<ClaimsPrincipal, Draft, bool> Allowed);

/// <summary>
/// draft → submitted → returned (with a comment, then edited and submitted again) or approved → published.
/// A unit's 填报人 submits; whoever reviews the draft (单位审核, 主管部门审核, 财政审核, 管理员 — among those
/// who can see it) returns or approves; 财政审核 or 管理员 publishes.
/// </summary>
public static class Workflow
{
    public const string Created = "create";
    public const string Updated = "update";

    private static bool Reviewer(ClaimsPrincipal u) =>
        u.IsInRole(Roles.UnitHead) || u.IsInRole(Roles.DepartmentReviewer) || u.IsInRole(Roles.Finance) || u.IsInRole(Roles.Admin);

    public static readonly IReadOnlyList<Transition> All =
    [
        new("Submit", "提交审核", "Submit", [States.Draft, States.Returned], States.Submitted, false, (u, d) => u.IsInRole(Roles.Filler) && DraftAccess.UnitOf(u) == d.UnitId),
        new("Return", "退回修改", "Return", [States.Submitted], States.Returned, true, (u, _) => Reviewer(u)),
        new("Approve", "审核通过", "Approve", [States.Submitted], States.Approved, false, (u, _) => Reviewer(u)),
        new("Publish", "发布", "Publish", [States.Approved], States.Published, false, (u, _) => u.IsInRole(Roles.Finance) || u.IsInRole(Roles.Admin)),
    ];

    /// <summary>Only drafts and returned drafts are edited; submitted, approved and published ones are read-only.</summary>
    public static bool Editable(string state) => state is States.Draft or States.Returned;

    /// <summary>The changes <paramref name="user"/> may make to a draft they can see.</summary>
    public static IEnumerable<Transition> Available(ClaimsPrincipal user, Draft draft) =>
        All.Where(t => t.From.Contains(draft.State) && t.Allowed(user, draft));

    /// <summary>An audit line's action in words: a transition's label, or create / update.</summary>
    public static string ActionName(string action, Infrastructure.Language l) =>
        action == Created ? l.T("新建", "create")
        : action == Updated ? l.T("保存", "save")
        : All.FirstOrDefault(t => t.Name.Equals(action, StringComparison.OrdinalIgnoreCase)) is { } t ? l.T(t.Zh, t.En)
        : action;

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
