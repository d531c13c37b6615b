namespace Jixiao.Storage.Entities;

/// <summary>A published source by name; each distinct content imported under it is a <see cref="DocumentVersion"/>.</summary>
public sealed class SourceDocument : IHasId
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
    public List<DocumentVersion> Versions { get; set; } = [];
}
