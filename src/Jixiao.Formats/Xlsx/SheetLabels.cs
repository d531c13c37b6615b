using Jixiao.Domain.Model;
using Jixiao.Domain.Values;

namespace Jixiao.Formats.Xlsx;

/// <summary>
/// The printed labels of the official forms and of the import template, in one place: the writers print
/// them, the reader finds cells by them (after <see cref="Canonical"/>, so 年度(/项目)指标值 is 年度指标值
/// and 其中：当年财政拨款 is 当年财政拨款).
/// </summary>
internal static class SheetLabels
{
    public const string TargetTitle = FormKinds.TargetTitle;
    public const string SelfTitle = FormKinds.SelfEvaluationTitle;
    public const string TitlePrefix = "财政项目支出绩效";

    public const string FormType = "表类型";
    public const string Group = "汇总表";
    public const string Year = "年度";
    public const string Name = "项目名称";
    public const string Nature = "项目性质";
    public const string Category = "项目类别";
    public const string Department = "主管部门";
    public const string Unit = "实施单位";
    public const string StartDate = "计划开始日期";
    public const string EndDate = "计划完成日期";

    public const string FundsBlock = "项目资金（元）";
    public const string BudgetBlock = "项目资金（万元）";
    public const string AnnualTotal = "年度资金申请总额";
    public const string BudgetTotal = "年度资金总额";
    public const string CurrentYear = "其中：当年财政拨款";
    public const string CarryOver = "上年结转资金";
    public const string Other = "其他资金";
    public const string Initial = "年初预算数";
    public const string Full = "全年预算数";
    public const string Executed = "全年执行数";
    public const string BudgetWeight = "分数";
    public const string Rate = "执行率(%)";
    public const string BudgetScore = "得分";

    public const string GoalBlock = "年度总体目标";
    public const string Expected = "预期目标";
    public const string Outcome = "实际完成情况";

    public const string Level1 = "一级指标";
    public const string Level2 = "二级指标";
    public const string Level3 = "三级指标";
    public const string Target = "年度指标值";
    public const string ProjectTarget = "年度(/项目)指标值";
    public const string Actual = "实际完成值";
    public const string Weight = "分值";
    public const string Score = "得分";
    public const string Deviation = "偏差原因分析";
    public const string LineNumber = "行号";

    public const string Total = "总分";
    public const string Grade = "评分等级";

    /// <summary>The column heads of a self-evaluation's money block, in print order.</summary>
    public static readonly string[] BudgetColumns = [Initial, Full, Executed, BudgetWeight, Rate, BudgetScore];

    private static readonly Dictionary<string, string> Aliases = new()
    {
        [Clean(ProjectTarget)] = Target,
        ["指标值"] = Target,
        ["偏差原因分析(及改进措施)"] = Deviation,
        ["合计"] = Total,
        ["总分值"] = Total,
    };

    public static string TitleOf(FormKind kind) => FormKinds.Title(kind);

    /// <summary>The short name of a kind of form, for lists: 目标申报表 or 自评表.</summary>
    public static string KindName(FormKind kind) => FormKinds.Name(kind);

    /// <summary>A label as the reader compares it: no white space, ASCII brackets and colon, no 其中： prefix, aliases resolved.</summary>
    public static string Canonical(string? text)
    {
        var s = Clean(text ?? "");
        if (s.StartsWith("其中:", StringComparison.Ordinal))
        {
            s = s[3..];
        }

        return Aliases.TryGetValue(s, out var alias) ? alias : s;
    }

    private static string Clean(string text) =>
        string.Concat(text.Where(c => !char.IsWhiteSpace(c))).Replace('（', '(').Replace('）', ')').Replace('：', ':');
}
