namespace Jixiao.Storage.Entities;

/// <summary>实施单位, under the 主管部门 it was first published with.</summary>
public sealed class Unit : IHasId
{
    public long Id { get; set; }
    public long DepartmentId { get; set; }
    public string Name { get; set; } = "";
    public string NameKey { get; set; } = "";
    public Department Department { get; set; } = null!;
}
