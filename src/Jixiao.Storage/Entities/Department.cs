namespace Jixiao.Storage.Entities;

/// <summary>主管部门.</summary>
public sealed class Department : IHasId
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public string NameKey { get; set; } = "";
}
