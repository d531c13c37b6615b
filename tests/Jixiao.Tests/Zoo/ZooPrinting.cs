namespace Jixiao.Tests.Zoo;

/// <summary>Which program turns a printing into a PDF.</summary>
public enum ZooProducer
{
    /// <summary>HTML printed by headless Chromium (<see cref="HtmlPrinter"/>).</summary>
    Chromium,

    /// <summary>An XLSX workbook converted by LibreOffice Calc (<see cref="XlsxPrinter"/>).</summary>
    LibreOffice,

    /// <summary>A Word document (DOCX) converted by LibreOffice Writer (<see cref="DocxPrinter"/>).</summary>
    Writer,
}

/// <summary>One column of a self-evaluation's money block, in the order a printing puts them.</summary>
public enum BudgetColumn
{
    Initial,
    Full,
    Executed,
    Weight,
    Rate,
    Score,
}

/// <summary>How a printing writes 计划开始日期 and 计划完成日期.</summary>
public enum ZooDateStyle
{
    /// <summary><c>2024-01-01</c></summary>
    Iso,

    /// <summary><c>2024/1/1</c></summary>
    Slash,

    /// <summary><c>2024年1月1日</c></summary>
    Chinese,
}

/// <summary>A form of the seeds: the <paramref name="Index"/>th form the reader gives of seed <paramref name="File"/>.</summary>
public sealed record ZooFormRef(string File, int Index);

/// <summary>
/// One way of printing forms: every knob a producer reads, and a name. The values of the forms are printed
/// as they are (the expected form is the generating form); only labels, layout, fonts and number formats vary.
/// </summary>
public sealed record ZooPrinting
{
    /// <summary>Short name, used for files and on the command line (<c>--only</c>).</summary>
    public required string Name { get; init; }

    public required ZooProducer Producer { get; init; }

    /// <summary>The forms printed, in order.</summary>
    public required IReadOnlyList<ZooFormRef> Forms { get; init; }

    /// <summary>When set, the forms' words and numbers are varied from this seed (<see cref="ZooContent"/>) before printing.</summary>
    public int? ContentSeed { get; init; }

    public bool Landscape { get; init; }

    /// <summary>A font family installed on Debian (<c>fc-list :lang=zh</c>).</summary>
    public string Font { get; init; } = "Noto Sans CJK SC";

    /// <summary>Body text size in points (Chromium and LibreOffice alike).</summary>
    public double FontSize { get; init; } = 10.5;

    /// <summary>Relative widths of the eight grid columns every form is laid out on (see <see cref="ZooLayout"/>).</summary>
    public IReadOnlyList<double> Widths { get; init; } = ZooWidths.Even;

    /// <summary>Cell borders drawn; false gives a borderless table (no ruling lines at all).</summary>
    public bool Borders { get; init; } = true;

    /// <summary>With <see cref="Borders"/>: only horizontal rules between rows, no vertical lines (a word-processor table).</summary>
    public bool HorizontalRulesOnly { get; init; }

    /// <summary>Label cells filled light grey (filled rectangles on the page, which are not rules).</summary>
    public bool LabelShading { get; init; }

    // ---- label wording and order ----

    /// <summary>Header of the target column: <c>年度(/项目)指标值</c>, <c>年度指标值</c>, <c>指标值</c>.</summary>
    public string TargetLabel { get; init; } = "年度(/项目)指标值";

    /// <summary>Header of the indicator weight column: <c>分值</c> or <c>分数</c>.</summary>
    public string WeightLabel { get; init; } = "分值";

    /// <summary>Header of the budget weight column: <c>分数</c> or <c>分值</c>.</summary>
    public string BudgetWeightLabel { get; init; } = "分数";

    /// <summary><c>执行率(%)</c> or <c>执行率</c>.</summary>
    public string RateLabel { get; init; } = "执行率(%)";

    /// <summary><c>偏差原因分析及改进措施</c> or <c>偏差原因分析</c>.</summary>
    public string DeviationLabel { get; init; } = "偏差原因分析及改进措施";

    /// <summary>The target form's total: <c>年度资金申请总额</c> or <c>年度资金总额</c>.</summary>
    public string AnnualTotalLabel { get; init; } = "年度资金申请总额";

    /// <summary>项目类别 printed before 项目性质.</summary>
    public bool SwapNatureCategory { get; init; }

    /// <summary>主管部门 and 实施单位 on two rows instead of one.</summary>
    public bool DepartmentUnitTwoRows { get; init; }

    /// <summary>项目名称/性质/类别 on one row (the official print); otherwise 项目名称 gets a row of its own.</summary>
    public bool NameRowShared { get; init; } = true;

    /// <summary>Field labels end with a colon: <c>项目名称：</c>, <c>主管部门：</c>.</summary>
    public bool LabelColon { get; init; }

    /// <summary>Labels merged down the side of a block printed on short lines: <c>项目</c> / <c>绩效</c> / <c>目标</c>, <c>项目资金</c> / <c>（元）</c>.</summary>
    public bool StackedSideLabels { get; init; }

    /// <summary>Target money block as one row of labels over one row of amounts instead of a label column.</summary>
    public bool MoneyHorizontal { get; init; }

    /// <summary>The order of the self-evaluation's money columns.</summary>
    public IReadOnlyList<BudgetColumn> BudgetOrder { get; init; } = ZooWidths.OfficialBudgetOrder;

    /// <summary>一级/二级 labels merged over their rows (rowspan); otherwise printed again on every row.</summary>
    public bool MergeLevels { get; init; } = true;

    /// <summary>The goal printed under its label (official) rather than beside it.</summary>
    public bool GoalBelowLabel { get; init; } = true;

    // ---- values ----

    /// <summary>Thousands separators in amounts (<c>4,855,541.00</c>).</summary>
    public bool Thousands { get; init; } = true;

    /// <summary>Whole numbers without decimals (<c>4855541</c>, <c>10</c>).</summary>
    public bool DropWholeDecimals { get; init; }

    /// <summary>What an empty budget weight/score cell shows: <c>-</c>, <c>/</c> or nothing.</summary>
    public string EmptyMark { get; init; } = "-";

    /// <summary>The execution rate with a percent sign (<c>89.55%</c>).</summary>
    public bool RatePercentSign { get; init; }

    /// <summary>How dates are written (a spreadsheet stores a date and formats it).</summary>
    public ZooDateStyle Dates { get; init; } = ZooDateStyle.Iso;

    /// <summary>Units in full-width brackets: <c>≥8.00（人次）</c>.</summary>
    public bool FullWidthBrackets { get; init; }

    // ---- pages ----

    /// <summary>The indicator header row repeated on every page the table runs onto (a Chromium <c>thead</c>).</summary>
    public bool RepeatHeader { get; init; }

    /// <summary>
    /// When set, a form's indicators are printed this many to a page (half as many under the form's head):
    /// each run starts on a new page with the header row and its 一级/二级 labels printed again (merges cut at
    /// the page), as office software does.
    /// </summary>
    public int? IndicatorsPerPage { get; init; }

    /// <summary>The 汇总表 heading printed before the forms of its group (otherwise the forms have no group).</summary>
    public bool GroupHeading { get; init; }

    /// <summary>Every form starts on a new page.</summary>
    public bool PageBreakBetweenForms { get; init; }

    /// <summary>A page footer <c>第 1 页，共 3 页</c> on every page.</summary>
    public bool PageFooter { get; init; }

    /// <summary>LibreOffice only: each form on a sheet of its own (each sheet starts a page), not all on one sheet.</summary>
    public bool SheetPerForm { get; init; }

    public override string ToString() => Name;

    /// <summary>Every knob as <c>name = value</c>, a line each (what <c>bench zoo --out</c> writes beside the PDF).</summary>
    public string Describe() => string.Join("\n", typeof(ZooPrinting).GetProperties().Select(p => p.GetValue(this) switch
    {
        System.Collections.IEnumerable list and not string => $"{p.Name} = [{string.Join(", ", list.Cast<object>())}]",
        var v => $"{p.Name} = {v}",
    })) + "\n";
}
