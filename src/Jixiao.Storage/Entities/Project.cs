namespace Jixiao.Storage.Entities;

/// <summary>A project of a unit, one across years (also when slightly renamed); named as first seen.</summary>
public sealed class Project : IHasId
{
    public long Id { get; set; }
    public long UnitId { get; set; }
    public string Name { get; set; } = "";
    public string NameKey { get; set; } = "";
    public Unit Unit { get; set; } = null!;
    public List<ProjectYear> Years { get; set; } = [];
}
