using System.Security.Claims;
using System.Text.Json;
using Jixiao.Domain.Monitoring;
using Jixiao.Formats.Json;
using Jixiao.Storage.Entities;
using Jixiao.Web.Accounts;
using Jixiao.Web.Drafts;

namespace Jixiao.Web.Monitoring;

/// <summary>
/// A monitoring form (<see cref="StoredMonitoringForm"/>, Storage's mapping of <c>monitoring_forms</c>) as the web
/// app reads and writes it: its interchange JSON as a form, and whether it can be edited.
/// </summary>
public static class StoredMonitoringForms
{
    extension(StoredMonitoringForm record)
    {
        /// <summary>The form as stored: read field by field (a form being filled in may not be assessable yet); set, written as its interchange JSON.</summary>
        public MonitoringForm Form
        {
            get
            {
                using var json = JsonDocument.Parse(record.FormJson);
                return MonitoringJson.ReadForm(json.RootElement, out _);
            }

            set => record.FormJson = MonitoringJson.FormJson(value);
        }

        public bool Editable => MonitoringWorkflow.Editable(record.State);
    }
}

/// <summary>The states of a monitoring form.</summary>
public static class MonitoringStates
{
    public const string Draft = "draft";
    public const string Submitted = StoredMonitoringForm.Submitted;
    public const string Returned = "returned";
    public const string Accepted = "accepted";

    public static readonly IReadOnlyList<string> All = [Draft, Submitted, Returned, Accepted];
}

/// <summary>A state change of a monitoring form: its name, the states it leaves, the state it enters, who may make it.</summary>
public sealed record MonitoringTransition(string Name, string Zh, string En, IReadOnlyList<string> From, string To, bool NeedsComment, Func<ClaimsPrincipal, StoredMonitoringForm, bool> Allowed);

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

    public static IEnumerable<MonitoringTransition> Available(ClaimsPrincipal user, StoredMonitoringForm record) =>
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
