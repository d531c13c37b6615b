using System.Globalization;
using Jixiao.Domain.Model;

namespace Jixiao.Web.Drafts;

/// <summary>
/// Next year's target declaration started from a published one: the project's name, 项目性质, 项目类别, funds,
/// 年度总体目标 and indicators (一级, 二级, 三级, target) carried over, a year later, under the filler's unit.
/// </summary>
public static class NextYear
{
    /// <summary>The draft form: <paramref name="source"/>'s year + 1 (else <paramref name="fallbackYear"/>), its dates a year later.</summary>
    public static PerformanceForm From(PerformanceForm source, string unit, string department, int fallbackYear) => new()
    {
        Kind = FormKind.Target,
        Year = source.Year + 1 ?? fallbackYear,
        Name = source.Name,
        Nature = source.Nature,
        Category = source.Category,
        Unit = unit,
        Department = department,
        StartDate = source.StartDate?.AddYears(1),
        EndDate = source.EndDate?.AddYears(1),
        Funds = source.Funds,
        Goal = source.Goal,
        Indicators = [.. source.Indicators.Select(i => new Indicator(i.Level1, i.Level2, i.Name, i.Target, i.TargetValue))],
    };

    /// <summary>The comment of the draft's create line in the audit log, naming the source.</summary>
    public static string Comment(long sourceId, int? year) => year is { } y
        ? string.Create(CultureInfo.InvariantCulture, $"基于 {y} 年已发布申报表 #{sourceId}")
        : string.Create(CultureInfo.InvariantCulture, $"基于已发布申报表 #{sourceId}");
}
