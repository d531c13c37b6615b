using Jixiao.Domain.Projects;

namespace Jixiao.Storage.Entities;

/// <summary>A project in one budget year (0 when unknown), with its name that year and how it was linked.</summary>
public sealed class ProjectYear : IHasId
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public int Year { get; set; }
    public string Name { get; set; } = "";
    public string NameKey { get; set; } = "";
    public MatchKind MatchKind { get; set; }
    public decimal Similarity { get; set; }
    public Project Project { get; set; } = null!;
    public List<StoredForm> Forms { get; set; } = [];
}
