using System.Globalization;
using System.Text;
using Jixiao.Domain.Model;

namespace Jixiao.Domain.Reports;

/// <summary>One 实施单位's share of a <see cref="DepartmentSummary"/>.</summary>
/// <param name="TargetFunds">年度资金申请总额 of its declared projects, in 元.</param>
/// <param name="AverageScore">Mean of its published totals, exact (not rounded); null when none was evaluated.</param>
public sealed record UnitShare(string Unit, int TargetProjects, decimal TargetFunds, int EvaluatedProjects, decimal? AverageScore);

/// <summary>
/// 部门项目绩效概况: what one 主管部门 declared and self-evaluated in one year, as departments report it
/// in their 部门决算. A project is counted once however often its form was printed (same 实施单位 and
/// 项目名称, white space ignored); the first printing counts. Scores and grades are the published ones.
/// </summary>
/// <param name="TargetFunds">Sum of 年度资金申请总额 over the declared projects, in 元.</param>
/// <param name="AverageScore">Mean of the published totals of the evaluated projects, exact; null when none.</param>
/// <param name="BudgetFull">Sum of 全年预算数 (年度资金总额 row) of the evaluated projects, in 万元.</param>
/// <param name="BudgetExecuted">Sum of 全年执行数 of the evaluated projects, in 万元.</param>
/// <param name="Grades">Evaluated projects per 评分等级, always the keys 优, 良, 中, 差 in that order.</param>
/// <param name="Findings">Number of check findings, when the caller ran the checks; null otherwise.</param>
public sealed record DepartmentSummary(
    string Department,
    int Year,
    int TargetProjects,
    decimal TargetFunds,
    int EvaluatedProjects,
    decimal? AverageScore,
    decimal BudgetFull,
    decimal BudgetExecuted,
    IReadOnlyDictionary<string, int> Grades,
    IReadOnlyList<UnitShare> Units,
    int? Findings)
{
    /// <summary>The four 评分等级 in report order.</summary>
    public static readonly IReadOnlyList<string> GradeLabels = ["优", "良", "中", "差"];

    /// <summary>The summary of <paramref name="department"/> in <paramref name="year"/> (zeros when it has no forms).</summary>
    public static DepartmentSummary Build(IEnumerable<PerformanceForm> forms, string department, int year, int? findings = null)
    {
        var own = forms.Where(f => f.Year == year && Same(f.Department, department));
        var targets = DistinctProjects(own.Where(f => f.Kind == FormKind.Target));
        var evaluated = DistinctProjects(own.Where(f => f.Kind == FormKind.SelfEvaluation));

        var grades = GradeLabels.ToDictionary(g => g, g => evaluated.Count(f => f.Grade == g));
        var units = targets.Concat(evaluated).Select(f => f.Unit).Distinct()
            .Select(unit => new UnitShare(
                unit,
                targets.Count(f => f.Unit == unit),
                FundsOf(targets.Where(f => f.Unit == unit)),
                evaluated.Count(f => f.Unit == unit),
                Mean(evaluated.Where(f => f.Unit == unit))))
            .ToList();

        return new DepartmentSummary(
            department.Trim(),
            year,
            targets.Count,
            FundsOf(targets),
            evaluated.Count,
            Mean(evaluated),
            evaluated.Sum(f => f.Budget?.Total?.Full ?? 0m),
            evaluated.Sum(f => f.Budget?.Total?.Executed ?? 0m),
            grades,
            units,
            findings);
    }

    /// <summary>
    /// One summary per 主管部门 and year found in <paramref name="forms"/>, ordered by department then year;
    /// only <paramref name="department"/> and <paramref name="year"/> when given.
    /// </summary>
    public static IReadOnlyList<DepartmentSummary> BuildAll(IEnumerable<PerformanceForm> forms, string? department = null, int? year = null)
    {
        var list = forms.Where(f => f.Year is not null && (year is null || f.Year == year) && (department is null || Same(f.Department, department))).ToList();
        return list.Select(f => (Department: f.Department.Trim(), Year: f.Year!.Value)).Distinct()
            .OrderBy(k => k.Department, StringComparer.Ordinal).ThenBy(k => k.Year)
            .Select(k => Build(list, k.Department, k.Year))
            .ToList();
    }

    /// <summary>
    /// The paragraph a department publishes in its 部门决算: “2024年度，上海市医疗保障局共有7个项目申报绩效目标，
    /// 涉及资金17,075,165.00元，均由……申报；15个项目开展绩效自评……平均得分99.26分，其中评价等级为“优”的15个……”.
    /// </summary>
    public string Paragraph
    {
        get
        {
            var text = new StringBuilder($"{Year}年度，{Department}");
            text.Append(TargetProjects == 0
                ? "未申报项目绩效目标"
                : $"共有{TargetProjects}个项目申报绩效目标，涉及资金{Money(TargetFunds)}元，{ByUnit(u => u.TargetProjects, "申报")}");
            text.Append('；');
            if (EvaluatedProjects == 0)
            {
                text.Append("未开展项目绩效自评");
            }
            else
            {
                text.Append($"{EvaluatedProjects}个项目开展绩效自评，{ByUnit(u => u.EvaluatedProjects, "实施")}，");
                text.Append($"全年预算数{Money(BudgetFull)}万元，全年执行数{Money(BudgetExecuted)}万元");
                if (AverageScore is { } average)
                {
                    text.Append($"，平均得分{Money(average)}分");
                }

                text.Append("，其中评价等级为");
                text.Append(string.Join("、", GradeLabels.Select(g => $"“{g}”的{Grades[g]}个")));
            }

            text.Append('。');
            if (Findings is { } findings)
            {
                text.Append(findings == 0 ? "审核未发现问题。" : $"审核发现问题{findings}条。");
            }

            return text.ToString();
        }
    }

    /// <summary>“均由X申报” for one unit, “其中X 12个、Y 2个” for several.</summary>
    private string ByUnit(Func<UnitShare, int> projects, string verb)
    {
        var units = Units.Where(u => projects(u) > 0).ToList();
        return units.Count == 1
            ? $"均由{units[0].Unit}{verb}"
            : "其中" + string.Join("、", units.Select(u => $"{u.Unit}{projects(u)}个"));
    }

    private static string Money(decimal value) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("N2", CultureInfo.InvariantCulture);

    private static bool Same(string a, string b) => Key(a) == Key(b);

    private static string Key(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static List<PerformanceForm> DistinctProjects(IEnumerable<PerformanceForm> forms) =>
        forms.DistinctBy(f => (Key(f.Unit), Key(f.Name))).ToList();

    private static decimal FundsOf(IEnumerable<PerformanceForm> forms) => forms.Sum(f => f.Funds?.AnnualTotal ?? 0m);

    private static decimal? Mean(IEnumerable<PerformanceForm> forms)
    {
        var totals = forms.Where(f => f.TotalScore is not null).Select(f => f.TotalScore!.Value).ToList();
        return totals.Count == 0 ? null : totals.Sum() / totals.Count;
    }
}
