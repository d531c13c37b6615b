using Jixiao.Domain.Model;

namespace Jixiao.Storage.Entities;

/// <summary>A stored <see cref="PerformanceForm"/>: one row per form of a document version.</summary>
public sealed class StoredForm : IHasId
{
    public long Id { get; set; }
    public long DocumentVersionId { get; set; }
    public long ProjectYearId { get; set; }
    public int Ordinal { get; set; }
    public FormKind Kind { get; set; }
    public int? Year { get; set; }
    public string? GroupName { get; set; }
    public int Line { get; set; }
    public string Name { get; set; } = "";
    public string? Nature { get; set; }
    public string? Category { get; set; }
    public string Department { get; set; } = "";
    public string Unit { get; set; } = "";
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public decimal? FundsAnnualTotal { get; set; }
    public decimal? FundsCurrentYear { get; set; }
    public decimal? FundsCarryOver { get; set; }
    public decimal? FundsOther { get; set; }
    public string Goal { get; set; } = "";
    public string? Outcome { get; set; }
    public decimal? TotalWeight { get; set; }
    public decimal? TotalScore { get; set; }
    public string? Grade { get; set; }
    public DocumentVersion DocumentVersion { get; set; } = null!;
    public ProjectYear ProjectYear { get; set; } = null!;
    public List<StoredIndicator> Indicators { get; set; } = [];
    public List<StoredBudgetRow> BudgetRows { get; set; } = [];
}
