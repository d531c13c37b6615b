namespace Jixiao.Storage.Entities;

/// <summary>One imported content of a source: its SHA-256, and whether it is the one in force.</summary>
public sealed class DocumentVersion : IHasId
{
    public long Id { get; set; }
    public long SourceDocumentId { get; set; }
    public int Version { get; set; }
    public string ContentHash { get; set; } = "";
    public string FileName { get; set; } = "";
    public long ByteCount { get; set; }
    public DateTime ImportedAt { get; set; }
    public bool IsCurrent { get; set; }
    public int FormCount { get; set; }
    public int IndicatorCount { get; set; }
    public int DiagnosticCount { get; set; }
    public SourceDocument SourceDocument { get; set; } = null!;
}
