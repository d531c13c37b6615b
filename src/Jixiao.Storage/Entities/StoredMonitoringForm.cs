namespace Jixiao.Storage.Entities;

/// <summary>
/// A mid-year monitoring form (项目支出绩效目标执行监控表) of a unit, a row of <c>monitoring_forms</c> (migrations 0011,
/// 0013): the interchange JSON of one form of kind <c>monitoring</c>, its state, version and the target declaration
/// it monitors. The one mapping of the table (<see cref="MonitoringMapping"/>): the importer writes it, the web app
/// fills in and reviews it (reading the JSON as a form is the web app's, as Storage does not read files).
/// </summary>
public sealed class StoredMonitoringForm
{
    /// <summary>The state of an imported form: awaiting the department's review (the web app's <c>MonitoringStates</c> name the others).</summary>
    public const string Submitted = "submitted";

    public long Id { get; set; }
    public long UnitId { get; set; }
    public string State { get; set; } = Submitted;

    /// <summary>The interchange JSON of one form of kind <c>monitoring</c>.</summary>
    public string FormJson { get; set; } = "";

    /// <summary>Counts saves; a save of an older version is refused (optimistic concurrency).</summary>
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

    /// <summary>
    /// The form's year and project the importer knows it by (<see cref="KeyOf"/>), unique per unit (migration 0013);
    /// null for a form no import has stored or changed.
    /// </summary>
    public string? ImportKey { get; set; }

    /// <summary>The key of the form of <paramref name="year"/> and project <paramref name="name"/>: <c>2023/组织人事专项</c>, the name compared as <see cref="Domain.Projects.ProjectNames.Key"/> does.</summary>
    public static string KeyOf(int? year, string? name) =>
        $"{year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""}/{Domain.Projects.ProjectNames.Key(name)}";
}

/// <summary>A row of <c>monitoring_audit</c>: one create, save, state change or import of a monitoring form.</summary>
public sealed class StoredMonitoringAudit
{
    public long Id { get; set; }
    public long MonitoringId { get; set; }

    /// <summary>The form the line is of; set it instead of <see cref="MonitoringId"/> to log a form not stored yet.</summary>
    public StoredMonitoringForm? Record { get; set; }

    public string Action { get; set; } = "";
    public string UserName { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? Comment { get; set; }
    public string? BeforeJson { get; set; }
    public string AfterJson { get; set; } = "";

    /// <summary>A monitoring form as an audit line keeps it.</summary>
    public static string Snapshot(StoredMonitoringForm form) => AuditSnapshot.Of(form.State, form.Version, form.FormJson);
}

/// <summary>What an audit line keeps of a versioned form (a draft's or a monitoring form's alike).</summary>
public static class AuditSnapshot
{
    /// <summary>A state, a version and a form's interchange JSON: <c>{"state":"draft","version":2,"form":{…}}</c>.</summary>
    public static string Of(string state, int version, string formJson) =>
        $"{{\"state\":{System.Text.Json.JsonSerializer.Serialize(state)},\"version\":{version},\"form\":{formJson}}}";
}
