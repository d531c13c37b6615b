using Jixiao.Domain.Model;

namespace Jixiao.Web.Drafts;

/// <summary>The fields of a target declaration the editor posts; <see cref="Version"/> is the version the editor started from.</summary>
public sealed class DraftInput
{
    public static readonly IReadOnlyList<string> Natures = ["经常性专项业务费", "其他经常性项目", "其他一次性项目"];
    public static readonly IReadOnlyList<string> Categories = ["特定目标类", "其他运转类", "其他人员类"];

    public string Name { get; set; } = "";
    public string? Nature { get; set; }
    public string? Category { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public decimal? AnnualTotal { get; set; }
    public decimal? CurrentYear { get; set; }
    public decimal? CarryOver { get; set; }
    public decimal? Other { get; set; }
    public string? Goal { get; set; }
    public int Version { get; set; }

    public static DraftInput From(Draft draft)
    {
        var f = draft.Form;
        return new DraftInput
        {
            Name = f.Name,
            Nature = f.Nature,
            Category = f.Category,
            StartDate = f.StartDate,
            EndDate = f.EndDate,
            AnnualTotal = f.Funds?.AnnualTotal,
            CurrentYear = f.Funds?.CurrentYear,
            CarryOver = f.Funds?.CarryOver,
            Other = f.Funds?.Other,
            Goal = f.Goal,
            Version = draft.Version,
        };
    }

    /// <summary>The form with these fields (pick lists only take their listed values); indicators are kept.</summary>
    public PerformanceForm ApplyTo(PerformanceForm form) => form with
    {
        Name = Name.Trim(),
        Nature = Natures.Contains(Nature ?? "") ? Nature : null,
        Category = Categories.Contains(Category ?? "") ? Category : null,
        StartDate = StartDate,
        EndDate = EndDate,
        Funds = new Funds(AnnualTotal, CurrentYear, CarryOver, Other),
        Goal = Goal?.Trim() ?? "",
    };
}
