using Jixiao.Tests.Support;

namespace Jixiao.Tests.Zoo;

/// <summary>
/// The fixed printings of the zoo. Together they vary orientation, five CJK fonts at 9–14 pt, narrow and wide
/// columns, label wording and order, the money block's direction, the budget columns' order, number formats,
/// empty-cell marks, bracket styles, forms crossing pages (with and without a repeated header), 汇总表
/// headings, borders (two printings Chromium, one LibreOffice without any) and two producers.
/// </summary>
public static class ZooCatalogue
{
    private static ZooFormRef[] F(string file, params int[] indexes) => [.. indexes.Select(i => new ZooFormRef(file, i))];

    // ---- Chromium (HTML) ----

    /// <summary>The official look: portrait, bordered, label column for the money, separators, 汇总表 heading.</summary>
    public static readonly ZooPrinting ChromiumOfficial = new()
    {
        Name = "chromium-official",
        Producer = ZooProducer.Chromium,
        Forms = F(Seeds.File000, 0, 1, 5),
        Font = "Noto Sans CJK SC",
        FontSize = 10.5,
        GroupHeading = true,
        StackedSideLabels = true,
    };

    /// <summary>Self-evaluations, landscape, serif; 执行率 before 分值, full-width brackets, short labels.</summary>
    public static readonly ZooPrinting ChromiumSelfWide = new()
    {
        Name = "chromium-self-wide",
        Producer = ZooProducer.Chromium,
        Forms = F(Seeds.File002, 0, 1).Concat(F(Seeds.File003, 7)).ToArray(),
        Landscape = true,
        Font = "Noto Serif CJK SC",
        FontSize = 11,
        Widths = ZooWidths.Wide,
        TargetLabel = "年度指标值",
        DeviationLabel = "偏差原因分析",
        RateLabel = "执行率",
        BudgetOrder = ZooWidths.RateFirst,
        FullWidthBrackets = true,
        Thousands = false,
    };

    public static readonly ZooPrinting ChromiumNarrowUming = new()
    {
        Name = "chromium-narrow-uming",
        Producer = ZooProducer.Chromium,
        Forms = F(Seeds.File002, 2, 3).Concat(F(Seeds.File000, 3)).Concat(F(Seeds.File001, 1)).ToArray(),
        Font = "AR PL UMing CN",
        FontSize = 12,
        Widths = ZooWidths.Narrow,
        TargetLabel = "指标值",
        WeightLabel = "分数",
        BudgetWeightLabel = "分值",
        EmptyMark = "/",
        FullWidthBrackets = true,
        Thousands = false,
    };

    public static readonly ZooPrinting ChromiumBorderless = new()
    {
        Name = "chromium-borderless",
        Producer = ZooProducer.Chromium,
        Forms = F(Seeds.File001, 0, 1, 2).Concat(F(Seeds.File003, 1, 2)).ToArray(),
        Font = "WenQuanYi Micro Hei",
        FontSize = 10,
        Borders = false,
        MergeLevels = false,
        MoneyHorizontal = true,
        DropWholeDecimals = true,
        EmptyMark = "",
        Dates = ZooDateStyle.Slash,
        LabelColon = true,
    };

    public static readonly ZooPrinting ChromiumBorderlessLandscape = new()
    {
        Name = "chromium-borderless-landscape",
        Producer = ZooProducer.Chromium,
        Forms = F(Seeds.File004, 0, 1, 2).Concat(F(Seeds.File002, 4, 5)).ToArray(),
        Landscape = true,
        Font = "WenQuanYi Zen Hei",
        FontSize = 9,
        Widths = ZooWidths.Wide,
        Borders = false,
        GoalBelowLabel = false,
        SwapNatureCategory = true,
        DepartmentUnitTwoRows = true,
        BudgetOrder = ZooWidths.RateFirst,
        AnnualTotalLabel = "年度资金总额",
        GroupHeading = true,
    };

    /// <summary>Three long forms in a large font, each from a new page, the indicator header repeated on every page.</summary>
    public static readonly ZooPrinting ChromiumLongThead = new()
    {
        Name = "chromium-long-thead",
        Producer = ZooProducer.Chromium,
        Forms = F(Seeds.File004, 3).Concat(F(Seeds.File002, 8)).Concat(F(Seeds.File003, 14)).ToArray(),
        Font = "Noto Sans CJK SC",
        FontSize = 14,
        Widths = ZooWidths.ValuesWide,
        RepeatHeader = true,
        PageBreakBetweenForms = true,
        GroupHeading = true,
        PageFooter = true,
        LabelShading = true,
    };

    public static readonly ZooPrinting ChromiumTheadNarrow = new()
    {
        Name = "chromium-thead-narrow",
        Producer = ZooProducer.Chromium,
        Forms = F(Seeds.File002, 6).Concat(F(Seeds.File001, 18)).Concat(F(Seeds.File003, 4)).ToArray(),
        Landscape = true,
        Font = "AR PL UMing CN",
        FontSize = 13,
        Widths = ZooWidths.Narrow,
        RepeatHeader = true,
        MergeLevels = false,
        FullWidthBrackets = true,
        EmptyMark = "/",
        BudgetOrder = ZooWidths.ScoresFirst,
        WeightLabel = "分数",
        RatePercentSign = true,
        RateLabel = "执行率",
        StackedSideLabels = true,
    };

    /// <summary>Five targets across two 汇总表 groups, money horizontal, 项目名称 on a row of its own, 类别 before 性质.</summary>
    public static readonly ZooPrinting ChromiumHorizontalMoney = new()
    {
        Name = "chromium-horizontal-money",
        Producer = ZooProducer.Chromium,
        Forms = F(Seeds.File001, 10, 11, 12, 13, 14),
        Font = "Noto Serif CJK SC",
        FontSize = 9,
        MoneyHorizontal = true,
        AnnualTotalLabel = "年度资金总额",
        NameRowShared = false,
        SwapNatureCategory = true,
        GroupHeading = true,
        TargetLabel = "年度指标值",
        Dates = ZooDateStyle.Chinese,
        HorizontalRulesOnly = true,
    };

    public static readonly ZooPrinting ChromiumDense = new()
    {
        Name = "chromium-dense",
        Producer = ZooProducer.Chromium,
        Forms = F(Seeds.File003, 5, 6, 8, 9).Concat(F(Seeds.File004, 5)).ToArray(),
        Font = "WenQuanYi Micro Hei",
        FontSize = 9,
        Widths = ZooWidths.Narrow,
        DropWholeDecimals = true,
        DepartmentUnitTwoRows = true,
        RateLabel = "执行率",
        DeviationLabel = "偏差原因分析",
        GroupHeading = true,
        PageFooter = true,
        LabelColon = true,
    };

    public static readonly ZooPrinting ChromiumPermuted = new()
    {
        Name = "chromium-permuted",
        Producer = ZooProducer.Chromium,
        Forms = F(Seeds.File003, 10, 12, 13).Concat(F(Seeds.File002, 7)).ToArray(),
        Landscape = true,
        Font = "Noto Sans CJK SC",
        FontSize = 12,
        Widths = ZooWidths.ValuesWide,
        BudgetOrder = ZooWidths.ScoresFirst,
        TargetLabel = "指标值",
        WeightLabel = "分数",
        BudgetWeightLabel = "分值",
        DeviationLabel = "偏差原因分析",
        GoalBelowLabel = false,
        EmptyMark = "",
        RatePercentSign = true,
        IndicatorsPerPage = 10,
        LabelShading = true,
    };

    // ---- LibreOffice (XLSX) ----

    public static readonly ZooPrinting CalcOfficial = new()
    {
        Name = "calc-official",
        Producer = ZooProducer.LibreOffice,
        Forms = F(Seeds.File000, 4, 5).Concat(F(Seeds.File004, 4)).ToArray(),
        Font = "Noto Sans CJK SC",
        FontSize = 10,
        GroupHeading = true,
        StackedSideLabels = true,
    };

    /// <summary>Self-evaluations, a sheet each, landscape serif; 执行率 before 分值, no separators, <c>/</c> for empty.</summary>
    public static readonly ZooPrinting CalcSelf = new()
    {
        Name = "calc-self",
        Producer = ZooProducer.LibreOffice,
        Forms = F(Seeds.File002, 0, 1).Concat(F(Seeds.File003, 3)).ToArray(),
        Landscape = true,
        Font = "Noto Serif CJK SC",
        FontSize = 11,
        Widths = ZooWidths.Wide,
        SheetPerForm = true,
        BudgetOrder = ZooWidths.RateFirst,
        RateLabel = "执行率",
        TargetLabel = "年度指标值",
        Thousands = false,
        EmptyMark = "/",
        LabelShading = true,
    };

    public static readonly ZooPrinting CalcBorderless = new()
    {
        Name = "calc-borderless",
        Producer = ZooProducer.LibreOffice,
        Forms = F(Seeds.File001, 3, 4, 5, 6, 7),
        Font = "WenQuanYi Zen Hei",
        FontSize = 10,
        Borders = false,
        MergeLevels = false,
        MoneyHorizontal = true,
        Thousands = false,
        GroupHeading = true,
        Dates = ZooDateStyle.Chinese,
        LabelColon = true,
    };

    public static readonly ZooPrinting CalcNarrow = new()
    {
        Name = "calc-narrow",
        Producer = ZooProducer.LibreOffice,
        Forms = F(Seeds.File003, 0, 1, 2).Concat(F(Seeds.File002, 5)).ToArray(),
        Font = "AR PL UMing CN",
        FontSize = 12,
        Widths = ZooWidths.Narrow,
        FullWidthBrackets = true,
        EmptyMark = "/",
        BudgetOrder = ZooWidths.RateFirst,
        TargetLabel = "指标值",
        WeightLabel = "分数",
        BudgetWeightLabel = "分值",
        DeviationLabel = "偏差原因分析",
        PageFooter = true,
        RatePercentSign = true,
    };

    public static readonly ZooPrinting CalcLong = new()
    {
        Name = "calc-long",
        Producer = ZooProducer.LibreOffice,
        Forms = F(Seeds.File004, 3).Concat(F(Seeds.File002, 6)).ToArray(),
        Landscape = true,
        Font = "WenQuanYi Micro Hei",
        FontSize = 14,
        PageBreakBetweenForms = true,
        GroupHeading = true,
        PageFooter = true,
        IndicatorsPerPage = 10,
    };

    public static readonly ZooPrinting CalcSwapped = new()
    {
        Name = "calc-swapped",
        Producer = ZooProducer.LibreOffice,
        Forms = F(Seeds.File001, 19, 20, 21, 22).Concat(F(Seeds.File003, 11)).ToArray(),
        Font = "Noto Sans CJK SC",
        FontSize = 9,
        Widths = ZooWidths.ValuesWide,
        SwapNatureCategory = true,
        DepartmentUnitTwoRows = true,
        GoalBelowLabel = false,
        BudgetOrder = ZooWidths.ScoresFirst,
        DropWholeDecimals = true,
        EmptyMark = "",
        AnnualTotalLabel = "年度资金总额",
        TargetLabel = "年度指标值",
        Dates = ZooDateStyle.Slash,
        HorizontalRulesOnly = true,
    };

    /// <summary>Every printing of the zoo (the bench runs them all).</summary>
    public static readonly IReadOnlyList<ZooPrinting> All =
    [
        ChromiumOfficial, ChromiumSelfWide, ChromiumNarrowUming, ChromiumBorderless, ChromiumBorderlessLandscape,
        ChromiumLongThead, ChromiumTheadNarrow, ChromiumHorizontalMoney, ChromiumDense, ChromiumPermuted,
        CalcOfficial, CalcSelf, CalcBorderless, CalcNarrow, CalcLong, CalcSwapped,
    ];

    /// <summary>The CJK fonts the catalogue prints in (Debian: fonts-noto-cjk, fonts-arphic-uming, fonts-wqy-microhei, fonts-wqy-zenhei).</summary>
    public static readonly IReadOnlyList<string> Fonts = ["Noto Sans CJK SC", "Noto Serif CJK SC", "AR PL UMing CN", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei"];

    /// <summary>
    /// <paramref name="count"/> printings with knobs and forms drawn from <paramref name="seed"/> (the same seed,
    /// the same printings): printings nobody tuned the reader to, for <c>bench zoo --generated N --seed S</c>.
    /// About one in three is printed by LibreOffice.
    /// </summary>
    /// <remarks>With <paramref name="content"/>, each printing's forms also say other words and numbers
    /// (<see cref="ZooContent"/>); the knobs drawn are the same as without.</remarks>
    public static IReadOnlyList<ZooPrinting> Generated(int seed, int count, bool content = false)
    {
        var rng = new Random(seed);
        T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];
        bool Chance(int percent) => rng.Next(100) < percent;
        var pool = Seeds.All.SelectMany(f => Enumerable.Range(0, Seeds.Read(f).Forms.Count).Select(i => new ZooFormRef(f, i))).ToList();
        IReadOnlyList<double>[] widthSets = [ZooWidths.Even, ZooWidths.Wide, ZooWidths.Narrow, ZooWidths.ValuesWide];
        IReadOnlyList<BudgetColumn>[] orders = [ZooWidths.OfficialBudgetOrder, ZooWidths.RateFirst, ZooWidths.ScoresFirst];
        var printings = new List<ZooPrinting>();
        for (var k = 0; k < count; k++)
        {
            var producer = Chance(33) ? ZooProducer.LibreOffice : ZooProducer.Chromium;
            var forms = pool.OrderBy(_ => rng.Next()).Take(rng.Next(2, 6)).ToArray();
            var widths = Pick(widthSets).Select(w => Math.Round(w * (0.8 + (0.45 * rng.NextDouble())), 2)).ToArray();
            printings.Add(new ZooPrinting
            {
                Name = $"gen{seed}{(content ? "c" : "")}-{k:000}-{(producer == ZooProducer.Chromium ? "chromium" : "calc")}",
                Producer = producer,
                Forms = forms,
                ContentSeed = content ? (seed * 1000) + k : null,
                Landscape = Chance(40),
                Font = Pick(Fonts),
                FontSize = Pick([9, 9.5, 10, 10.5, 11, 12, 13, 14]),
                Widths = widths,
                Borders = Chance(80),
                HorizontalRulesOnly = Chance(15),
                LabelShading = Chance(25),
                TargetLabel = Pick(["年度(/项目)指标值", "年度指标值", "指标值"]),
                WeightLabel = Pick(["分值", "分数"]),
                BudgetWeightLabel = Pick(["分数", "分值"]),
                RateLabel = Pick(["执行率(%)", "执行率"]),
                DeviationLabel = Pick(["偏差原因分析及改进措施", "偏差原因分析"]),
                AnnualTotalLabel = Pick(["年度资金申请总额", "年度资金总额"]),
                SwapNatureCategory = Chance(30),
                DepartmentUnitTwoRows = Chance(30),
                NameRowShared = Chance(70),
                LabelColon = Chance(20),
                StackedSideLabels = Chance(40),
                MoneyHorizontal = Chance(30),
                BudgetOrder = Pick(orders),
                MergeLevels = Chance(70),
                GoalBelowLabel = Chance(70),
                Thousands = Chance(60),
                DropWholeDecimals = Chance(25),
                EmptyMark = Pick(["-", "/", ""]),
                RatePercentSign = Chance(20),
                Dates = Pick([ZooDateStyle.Iso, ZooDateStyle.Iso, ZooDateStyle.Slash, ZooDateStyle.Chinese]),
                FullWidthBrackets = Chance(35),
                RepeatHeader = Chance(40),
                GroupHeading = Chance(50),
                IndicatorsPerPage = Chance(20) ? Pick([8, 10, 12]) : null,
                PageBreakBetweenForms = Chance(25),
                PageFooter = Chance(30),
                SheetPerForm = producer == ZooProducer.LibreOffice && Chance(30),
            });
        }

        return printings;
    }

    /// <summary>
    /// The same printings — every knob, the same forms — made as Word documents and printed by LibreOffice
    /// Writer (<see cref="DocxPrinter"/>), named <c>word-NAME</c>: a third producer, whose tables wrap, pad and
    /// break across pages in its own way, for a reader that learnt Chromium's and Calc's.
    /// </summary>
    public static IReadOnlyList<ZooPrinting> AsWord(IEnumerable<ZooPrinting> printings) =>
        [.. printings.Select(p => p with { Name = "word-" + p.Name, Producer = ZooProducer.Writer, SheetPerForm = false })];

    /// <summary>The small fixed sample of the normal test run: two printings per producer, three forms each.</summary>
    public static readonly IReadOnlyList<ZooPrinting> Sample = [ChromiumOfficial, ChromiumSelfWide, CalcOfficial, CalcSelf];
}
