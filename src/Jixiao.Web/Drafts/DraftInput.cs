using Jixiao.Domain.Model;
using Jixiao.Domain.Values;

namespace Jixiao.Web.Drafts;

/// <summary>The fields of a target declaration the editor posts; <see cref="Version"/> is the version the editor started from.</summary>
public sealed class DraftInput
{
    public static readonly IReadOnlyList<string> Natures = ProjectLists.Natures;
    public static readonly IReadOnlyList<string> Categories = ProjectLists.Categories;

    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public string Name { get; set; } = "";

    /// <summary>The year declared for; one outside <see cref="FirstYear"/>–<see cref="LastYear"/> (or none) keeps the form's.</summary>
    public int? Year { get; set; }

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
    public List<IndicatorInput> Indicators { get; set; } = [];

    public static DraftInput From(Draft draft) => From(draft.Form, draft.Version);

    /// <summary>The editor's fields of <paramref name="f"/>, as if the editor had started from <paramref name="version"/>.</summary>
    public static DraftInput From(PerformanceForm f, int version)
    {
        return new DraftInput
        {
            Name = f.Name,
            Year = f.Year,
            Nature = f.Nature,
            Category = f.Category,
            StartDate = f.StartDate,
            EndDate = f.EndDate,
            AnnualTotal = f.Funds?.AnnualTotal,
            CurrentYear = f.Funds?.CurrentYear,
            CarryOver = f.Funds?.CarryOver,
            Other = f.Funds?.Other,
            Goal = f.Goal,
            Version = version,
            Indicators = [.. f.Indicators.Select(i => new IndicatorInput { Level1 = i.Level1, Level2 = i.Level2, Name = i.Name, Target = i.Target })],
        };
    }

    /// <summary>The form with these fields (pick lists only take their listed values); indicators are kept.</summary>
    public PerformanceForm ApplyTo(PerformanceForm form) => form with
    {
        Name = Name.Trim(),
        Year = Year is >= FirstYear and <= LastYear ? Year : form.Year,
        Nature = Natures.Contains(Nature ?? "") ? Nature : null,
        Category = Categories.Contains(Category ?? "") ? Category : null,
        StartDate = StartDate,
        EndDate = EndDate,
        Funds = new Funds(AnnualTotal, CurrentYear, CarryOver, Other),
        Goal = Goal?.Trim() ?? "",
        Indicators = [.. Indicators.Select(i => i.ToIndicator())], // blank rows stay, for the rules to point at
    };

    /// <summary>Adds an empty row under the last row's 一级 and 二级.</summary>
    public void AddRow() => Indicators.Add(new IndicatorInput { Level1 = Indicators.LastOrDefault()?.Level1 ?? IndicatorInput.Levels1[0], Level2 = Indicators.LastOrDefault()?.Level2 ?? "" });

    public void RemoveRow(int index)
    {
        if (index >= 0 && index < Indicators.Count)
        {
            Indicators.RemoveAt(index);
        }
    }

    public void MoveUp(int index)
    {
        if (index > 0 && index < Indicators.Count)
        {
            (Indicators[index - 1], Indicators[index]) = (Indicators[index], Indicators[index - 1]);
        }
    }
}

/// <summary>One 三级指标 row of the editor; <see cref="Target"/> is read by the value grammar.</summary>
public sealed class IndicatorInput
{
    public static readonly IReadOnlyList<string> Levels1 = ["产出指标", "效益指标", "满意度指标", "成本指标"];

    public string Level1 { get; set; } = "";
    public string? Level2 { get; set; }
    public string? Name { get; set; }
    public string? Target { get; set; }

    public IndicatorValue Value => ValueGrammar.Parse(Target);

    /// <summary>What the grammar understood, for the editor: 定量 ≥ 95 % or 定性 及时.</summary>
    public string Understood(Infrastructure.Language l) => Describe(Value, l);

    public static string Describe(IndicatorValue v, Infrastructure.Language l)
    {
        return v.IsEmpty ? l.T("（空）", "(empty)")
            : v.IsQuantity ? $"{l.T("定量", "quantity")} {v.Op?.Symbol() ?? l.T("（无比较符）", "(no comparison)")} {ValueGrammar.Format(v.Number!.Value)}{(v.Unit is null ? "" : " " + v.Unit)}"
            : $"{l.T("定性", "text")} {v.Text}";
    }

    public Indicator ToIndicator() =>
        new(Levels1.Contains(Level1) ? Level1 : Levels1[0], Level2?.Trim() ?? "", Name?.Trim() ?? "", Target?.Trim() ?? "", Value);
}
