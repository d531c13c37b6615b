namespace Jixiao.Storage.Entities;

/// <summary>One printed line of a self-evaluation's money block, in 万元.</summary>
public sealed class StoredBudgetRow
{
    public const string Total = "total";
    public const string CurrentYear = "currentYear";
    public const string CarryOver = "carryOver";
    public const string Other = "other";

    public long FormId { get; set; }
    public string RowKind { get; set; } = "";
    public decimal? InitialAmount { get; set; }
    public decimal? FullAmount { get; set; }
    public decimal? ExecutedAmount { get; set; }
    public decimal? Rate { get; set; }
    public decimal? Weight { get; set; }
    public decimal? Score { get; set; }
}
