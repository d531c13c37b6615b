namespace Jixiao.Storage.Entities;

/// <summary>An umbrella project and one project it sums up, detected on import or linked by hand.</summary>
public sealed class ProjectRelation
{
    public const string Detected = "detected";
    public const string Manual = "manual";

    public long ParentProjectId { get; set; }
    public long ChildProjectId { get; set; }
    public string Origin { get; set; } = Detected;
    public Project Parent { get; set; } = null!;
    public Project Child { get; set; } = null!;
}
