namespace Jixiao.Storage.Entities;

/// <summary>A stored 三级指标 row, keyed by its form and its position in the form.</summary>
public sealed class StoredIndicator
{
    public long FormId { get; set; }
    public int Ordinal { get; set; }
    public string Level1 { get; set; } = "";
    public string Level2 { get; set; } = "";
    public string Name { get; set; } = "";
    public string Target { get; set; } = "";
    public string? TargetOp { get; set; }
    public decimal? TargetNumber { get; set; }
    public string? TargetUnit { get; set; }
    public string? TargetText { get; set; }
    public string? Actual { get; set; }
    public string? ActualOp { get; set; }
    public decimal? ActualNumber { get; set; }
    public string? ActualUnit { get; set; }
    public string? ActualText { get; set; }
    public decimal? Weight { get; set; }
    public decimal? Score { get; set; }
    public string? Deviation { get; set; }
    public int Line { get; set; }
    public StoredForm Form { get; set; } = null!;
}
