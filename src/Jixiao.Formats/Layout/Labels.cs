using Jixiao.Domain.Model;

namespace Jixiao.Formats.Layout;

/// <summary>A field of a form the assembler looks for, by the words its label is printed with.</summary>
public enum Field
{
    Name,
    Nature,
    Category,
    Department,
    Unit,
    StartDate,
    EndDate,
    FundsTotal,
    FundsCurrentYear,
    FundsCarryOver,
    FundsOther,
    Goal,
    ExpectedGoal,
    Outcome,
    TotalScore,
    Grade,
}

/// <summary>A column of the indicator table or of the self-evaluation's money table.</summary>
public enum Column
{
    Level1,
    Level2,
    Name,
    Target,
    Actual,
    Weight,
    Score,
    Deviation,
    Initial,
    Full,
    Executed,
    Rate,
}

/// <summary>
/// Every spelling of every label the reader knows, in one place. Labels are compared compact (no white
/// space), after <see cref="Strip"/> (a leading 其中, a trailing colon or asterisk).
/// </summary>
public static class Labels
{
    public const string TargetTitle = "绩效目标申报表";
    public const string SelfEvaluationTitle = "绩效自评表";

    /// <summary>Field labels; the first spelling is the official one.</summary>
    public static readonly IReadOnlyDictionary<Field, string[]> Fields = new Dictionary<Field, string[]>
    {
        [Field.Name] = ["项目名称"],
        [Field.Nature] = ["项目性质"],
        [Field.Category] = ["项目类别", "项目类型"],
        [Field.Department] = ["主管部门", "主管预算部门", "主管单位"],
        [Field.Unit] = ["实施单位", "项目实施单位", "预算单位"],
        [Field.StartDate] = ["计划开始日期", "开始日期", "项目开始日期", "计划开始时间"],
        [Field.EndDate] = ["计划完成日期", "完成日期", "项目完成日期", "计划结束日期", "计划完成时间", "结束日期"],
        [Field.FundsTotal] = ["年度资金申请总额", "年度资金总额", "资金申请总额", "年度申请资金总额", "项目资金总额", "资金总额"],
        [Field.FundsCurrentYear] = ["当年财政拨款", "财政拨款", "本年财政拨款"],
        [Field.FundsCarryOver] = ["上年结转资金", "上年结转", "结转资金"],
        [Field.FundsOther] = ["其他资金"],
        [Field.Goal] = ["年度总体目标", "年度绩效目标", "总体目标", "年度目标"],
        [Field.ExpectedGoal] = ["预期目标"],
        [Field.Outcome] = ["实际完成情况", "实际完成"],
        [Field.TotalScore] = ["总分", "合计"],
        [Field.Grade] = ["评分等级", "自评等级", "绩效等级", "等级"],
    };

    /// <summary>Header words of columns: a header cell whose compact text contains one of these names that column.</summary>
    public static Column? IndicatorColumn(string header)
    {
        var h = Strip(header);
        if (h.Contains("一级", StringComparison.Ordinal))
        {
            return Column.Level1;
        }

        if (h.Contains("二级", StringComparison.Ordinal))
        {
            return Column.Level2;
        }

        if (h.Contains("三级", StringComparison.Ordinal) || h is "指标名称" or "绩效指标名称")
        {
            return Column.Name;
        }

        if (h.Contains("实际", StringComparison.Ordinal) || h.Contains("完成值", StringComparison.Ordinal))
        {
            return Column.Actual;
        }

        if (h.Contains("指标值", StringComparison.Ordinal) || h.Contains("目标值", StringComparison.Ordinal) || h.Contains("年度值", StringComparison.Ordinal))
        {
            return Column.Target;
        }

        if (h.Contains("得分", StringComparison.Ordinal))
        {
            return Column.Score;
        }

        if (h.Contains("分值", StringComparison.Ordinal) || h.Contains("权重", StringComparison.Ordinal) || h.Contains("分数", StringComparison.Ordinal))
        {
            return Column.Weight;
        }

        if (h.Contains("偏差", StringComparison.Ordinal) || h.Contains("原因", StringComparison.Ordinal) || h.Contains("改进", StringComparison.Ordinal))
        {
            return Column.Deviation;
        }

        return null;
    }

    /// <summary>The header cell that marks the indicator table: 三级指标 (not an indicator named 三级故障处理时间).</summary>
    public static bool IsIndicatorHeaderAnchor(string compact)
    {
        var h = Strip(compact);
        return h is "三级指标" or "指标名称" or "三级指标名称" or "绩效指标名称" || h.Length <= 8 && h.StartsWith("三级指标", StringComparison.Ordinal);
    }

    /// <summary>A column's name as the official forms print it, for messages.</summary>
    public static string ColumnName(Column column) => column switch
    {
        Column.Level1 => "一级指标",
        Column.Level2 => "二级指标",
        Column.Name => "三级指标",
        Column.Target => "指标值",
        Column.Actual => "实际完成值",
        Column.Weight => "分值",
        Column.Score => "得分",
        Column.Deviation => "偏差原因分析",
        Column.Initial => "年初预算数",
        Column.Full => "全年预算数",
        Column.Executed => "全年执行数",
        Column.Rate => "执行率",
        _ => column.ToString(),
    };

    /// <summary>Header words of the self-evaluation's money table.</summary>
    public static Column? BudgetColumn(string header)
    {
        var h = Strip(header);
        if (h.Contains("年初", StringComparison.Ordinal))
        {
            return Column.Initial;
        }

        if (h.Contains("执行率", StringComparison.Ordinal))
        {
            return Column.Rate;
        }

        if (h.Contains("执行数", StringComparison.Ordinal) || h.Contains("执行额", StringComparison.Ordinal))
        {
            return Column.Executed;
        }

        if (h.Contains("全年预算", StringComparison.Ordinal) || h.Contains("调整后预算", StringComparison.Ordinal))
        {
            return Column.Full;
        }

        if (h.Contains("得分", StringComparison.Ordinal))
        {
            return Column.Score;
        }

        if (h.Contains("分值", StringComparison.Ordinal) || h.Contains("分数", StringComparison.Ordinal) || h.Contains("权重", StringComparison.Ordinal))
        {
            return Column.Weight;
        }

        return null;
    }

    /// <summary>Words that may stand in a header row (whole or in pieces), used to recognise a header's fragments.</summary>
    public static readonly string[] HeaderWords =
    [
        "一级指标", "二级指标", "三级指标", "年度(/项目)指标值", "年度指标值", "指标值", "实际完成值", "分值", "分数", "权重", "得分",
        "偏差原因分析及改进措施", "年初预算数", "全年预算数", "全年执行数", "执行率(%)", "执行率",
    ];

    /// <summary>Labels printed down the left edge of a block, naming it (no field of their own).</summary>
    public static readonly string[] SideLabels = ["绩效指标", "项目绩效目标", "项目资金", "项目资金（元）", "项目资金(元)", "项目资金（万元）", "项目资金(万元)", "项目总目标"];

    /// <summary>Every label that may be printed split over lines (so pieces are joined when they spell one).</summary>
    public static readonly string[] Splittable = BuildSplittable();

    private static string[] BuildSplittable()
    {
        var all = new List<string>();
        foreach (var spellings in Fields.Values)
        {
            all.AddRange(spellings);
        }

        all.AddRange(HeaderWords);
        all.AddRange(IndicatorLevels.Level1);
        all.AddRange(IndicatorLevels.Level2.Keys);
        all.AddRange(SideLabels);
        all.AddRange(["其中：当年财政拨款", "其中:当年财政拨款", "年度资金总额：", "年度资金总额:", "项目资金（元）", "项目资金(元)"]);
        return [.. all.Distinct()];
    }

    /// <summary>A label's text as compared: no white space, no leading 其中, no trailing colon or asterisk.</summary>
    public static string Strip(string compact)
    {
        var s = compact;
        if (s.StartsWith("其中", StringComparison.Ordinal))
        {
            s = s[2..].TrimStart('：', ':', ',', '，');
        }

        return s.Trim('*', '＊').TrimEnd('：', ':');
    }

    /// <summary>The field a cell's text is the label of, or null.</summary>
    public static Field? FieldOf(string compact)
    {
        var s = Strip(compact);
        foreach (var (field, spellings) in Fields)
        {
            if (Array.IndexOf(spellings, s) >= 0)
            {
                return field;
            }
        }

        return null;
    }

    /// <summary>A label with its value in the same cell: <c>项目名称：信息化运维项目</c> → (Name, "信息化运维项目").</summary>
    public static (Field Field, string Value)? Inline(string compact)
    {
        var colon = compact.IndexOfAny(['：', ':']);
        if (colon > 0 && colon < compact.Length - 1 && FieldOf(compact[..colon]) is { } f)
        {
            return (f, compact[(colon + 1)..]);
        }

        // A label glued to its value without a colon (a bold label overflowing its column): 计划开始日期2023-01-01.
        if (FieldOf(compact) is not null || IsLabel(Strip(compact)))
        {
            return null;
        }

        foreach (var (field, spelling) in Glued)
        {
            if (compact.Length > spelling.Length && compact.StartsWith(spelling, StringComparison.Ordinal))
            {
                return (field, compact[spelling.Length..]);
            }
        }

        return null;
    }

    /// <summary>Labels recognised glued to their value: the short fields, longest spelling first (not goals, whose text may start with 年度目标).</summary>
    private static readonly (Field Field, string Spelling)[] Glued =
    [
        .. Fields.Where(kv => kv.Key is not (Field.Goal or Field.ExpectedGoal or Field.Outcome or Field.TotalScore or Field.Grade or Field.FundsOther))
            .SelectMany(kv => kv.Value.Where(s => s.Length >= 4).Select(s => (kv.Key, s)))
            .OrderByDescending(x => x.s.Length),
    ];

    /// <summary>Whether a piece of text is the beginning of a label that is printed split (to join it with the next piece).</summary>
    public static bool IsLabelStart(string compact)
    {
        foreach (var label in Splittable)
        {
            if (label.Length > compact.Length && label.StartsWith(compact, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a text is a whole known label (field, header or level).</summary>
    public static bool IsLabel(string compact) => Array.IndexOf(Splittable, compact) >= 0 || FieldOf(compact) is not null;
}
