using System.Security.Claims;
using System.Text.Json;
using Jixiao.Domain.Monitoring;
using Jixiao.Formats.Json;
using Jixiao.Web.Accounts;
using Jixiao.Web.Drafts;

namespace Jixiao.Web.Monitoring;

/// <summary>
/// A mid-year monitoring form (项目支出绩效目标执行监控表) of a unit, kept as the interchange JSON of one form of
/// kind <c>monitoring</c>, with its state, version and the target declaration it monitors.
/// </summary>
public sealed class MonitoringRecord
{
    public long Id { get; set; }
    public long UnitId { get; set; }
    public string State { get; set; } = MonitoringStates.Draft;
    public string FormJson { get; set; } = "";
    public int Version { get; set; }

    /// <summary>The published target declaration (a stored form) it monitors.</summary>
    public long? BasedOnFormId { get; set; }

    /// <summary>The approved (or published) target declaration draft it monitors.</summary>
    public long? BasedOnDraftId { get; set; }

    /// <summary>The department reviewer's comment of the last return; null once submitted again.</summary>
    public string? ReviewComment { get; set; }

    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The form as stored: read field by field (a form being filled in may not be assessable yet).</summary>
    public MonitoringForm Form
    {
        get
        {
            using var json = JsonDocument.Parse(FormJson);
            return MonitoringJson.ReadForm(json.RootElement, out _);
        }

        set => FormJson = ToJson(value);
    }

    public bool Editable => MonitoringWorkflow.Editable(State);

    /// <summary>The form as its interchange JSON, Chinese kept as text (as the draft audit log does).</summary>
    public static string ToJson(MonitoringForm form) => MonitoringJson.FormJson(form);
}

/// <summary>One line of the audit log of a monitoring form: every create, save and state change.</summary>
public sealed class MonitoringAudit
{
    public long Id { get; set; }
    public long MonitoringId { get; set; }
    public MonitoringRecord? Record { get; set; }
    public string Action { get; set; } = "";
    public string UserName { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? Comment { get; set; }
    public string? BeforeJson { get; set; }
    public string AfterJson { get; set; } = "";

    /// <summary>The record as the log keeps it: state, version and the form's interchange JSON.</summary>
    public static string Snapshot(MonitoringRecord r) => Drafts.DraftAudit.Snapshot(r.State, r.Version, r.FormJson);
}

/// <summary>The states of a monitoring form.</summary>
public static class MonitoringStates
{
    public const string Draft = "draft";
    public const string Submitted = Storage.Entities.StoredMonitoringForm.Submitted;
    public const string Returned = "returned";
    public const string Accepted = "accepted";

    public static readonly IReadOnlyList<string> All = [Draft, Submitted, Returned, Accepted];
}

/// <summary>A state change of a monitoring form: its name, the states it leaves, the state it enters, who may make it.</summary>
public sealed record MonitoringTransition(string Name, string Zh, string En, IReadOnlyList<string> From, string To, bool NeedsComment, Func<ClaimsPrincipal, MonitoringRecord, bool> Allowed);

/// <summary>
/// draft → submitted → returned (with a comment; the filler edits and submits again) or accepted. The unit's
/// 填报人 submits; the 主管部门审核 of the unit's department reviews (the only review step of monitoring: the
/// department corrects course during the year, 财政 reads the lights). Who sees a form at all is
/// <see cref="MonitoringService.VisibleAsync"/>: the same rule as for drafts.
/// </summary>
public static class MonitoringWorkflow
{
    public const string Created = Workflow.Created;
    public const string Updated = Workflow.Updated;

    public static readonly IReadOnlyList<MonitoringTransition> All =
    [
        new("Submit", "提交审核", "Submit", [MonitoringStates.Draft, MonitoringStates.Returned], MonitoringStates.Submitted, false,
            (u, r) => u.IsInRole(Roles.Filler) && DraftAccess.UnitOf(u) == r.UnitId),
        new("Return", "退回修改", "Return", [MonitoringStates.Submitted], MonitoringStates.Returned, true,
            (u, _) => u.IsInRole(Roles.DepartmentReviewer) && DraftAccess.DepartmentOf(u) is not null),
        new("Accept", "审核通过", "Accept", [MonitoringStates.Submitted], MonitoringStates.Accepted, false,
            (u, _) => u.IsInRole(Roles.DepartmentReviewer) && DraftAccess.DepartmentOf(u) is not null),
    ];

    public static IEnumerable<MonitoringTransition> Available(ClaimsPrincipal user, MonitoringRecord record) =>
        All.Where(t => t.From.Contains(record.State) && t.Allowed(user, record));

    public static bool Editable(string state) => state is MonitoringStates.Draft or MonitoringStates.Returned;

    public static string ActionName(string action, Infrastructure.Language l) =>
        action == Created ? l.T("新建", "create")
        : action == Updated ? l.T("保存", "save")
        : action == Storage.Import.MonitoringImporter.Action ? l.T("导入", "import")
        : All.FirstOrDefault(t => t.Name.Equals(action, StringComparison.OrdinalIgnoreCase)) is { } t ? l.T(t.Zh, t.En)
        : action;

    public static string StateName(string state, Infrastructure.Language l) => state switch
    {
        MonitoringStates.Draft => l.T("草稿", "draft"),
        MonitoringStates.Submitted => l.T("已提交（待主管部门审核）", "submitted (waiting for the department)"),
        MonitoringStates.Returned => l.T("已退回", "returned"),
        MonitoringStates.Accepted => l.T("已通过", "accepted"),
        _ => state,
    };
}
