namespace Jixiao.Storage.Entities;

/// <summary>
/// A row of <c>monitoring_forms</c> (migration 0011) as the importer writes it: the web app maps the same table
/// as its <c>MonitoringRecord</c>, which fills in and reviews these forms; here only what an import needs.
/// </summary>
public sealed class StoredMonitoringForm
{
    /// <summary>The state of an imported form: awaiting the department's review (the web app's <c>MonitoringStates.Submitted</c>).</summary>
    public const string Submitted = "submitted";

    public long Id { get; set; }
    public long UnitId { get; set; }
    public string State { get; set; } = Submitted;

    /// <summary>The interchange JSON of one form of kind <c>monitoring</c>.</summary>
    public string FormJson { get; set; } = "";

    public int Version { get; set; }
    public long? BasedOnFormId { get; set; }
    public long? BasedOnDraftId { get; set; }
    public string? ReviewComment { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A row of <c>monitoring_audit</c>: one create, save, state change or import of a monitoring form.</summary>
public sealed class StoredMonitoringAudit
{
    public long Id { get; set; }
    public long MonitoringId { get; set; }
    public string Action { get; set; } = "";
    public string UserName { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? Comment { get; set; }
    public string? BeforeJson { get; set; }
    public string AfterJson { get; set; } = "";

    /// <summary>A state, a version and a form's interchange JSON as an audit line keeps them (drafts' and monitoring forms' alike).</summary>
    public static string Snapshot(string state, int version, string formJson) =>
        $"{{\"state\":{System.Text.Json.JsonSerializer.Serialize(state)},\"version\":{version},\"form\":{formJson}}}";
}
