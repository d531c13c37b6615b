using Jixiao.Domain.Model;

namespace Jixiao.Tests.Zoo;

/// <summary>
/// Lays forms out on an eight-column grid per a printing's knobs, the same for both producers, and says which
/// form a faithful reader should give back for each: the generating form, less what this layout does not
/// print (a self-evaluation has no dates; a form without a printed 汇总表 heading has no group).
/// </summary>
public static class ZooLayout
{
    public const string TargetTitle = "财政项目支出绩效目标申报表";
    public const string SelfTitle = "财政项目支出绩效自评表";

    public static (ZooDocument Document, IReadOnlyList<PerformanceForm> Expected) Lay(ZooPrinting p, IReadOnlyList<PerformanceForm> forms)
    {
        var blocks = new List<ZooBlock>();
        var expected = new List<PerformanceForm>();
        string? group = null;
        for (var k = 0; k < forms.Count; k++)
        {
            var f = Printed(forms[k]);
            blocks.Add(new ZooFormStart());
            if (k > 0 && p.PageBreakBetweenForms)
            {
                blocks.Add(new ZooPageBreak());
            }

            if (p.GroupHeading && f.Group is { } g && g != group)
            {
                blocks.Add(new ZooHeading(g, 1.3, Bold: true));
                group = g;
            }

            f = f with { Group = p.GroupHeading ? group : null };
            expected.Add(f);
            blocks.Add(new ZooHeading(f.Kind == FormKind.Target ? TargetTitle : SelfTitle, 1.5, Bold: true));
            if (f.Year is { } year)
            {
                blocks.Add(new ZooHeading($"（{year}年度）", 1.0, Bold: false));
            }

            blocks.Add(new ZooTableBlock(f.Kind == FormKind.Target ? TargetHead(p, f) : SelfHead(p, f)));
            var chunks = Chunks(p, f.Indicators);
            for (var c = 0; c < chunks.Count; c++)
            {
                if (c > 0)
                {
                    blocks.Add(new ZooPageBreak());
                }

                blocks.Add(new ZooTableBlock(f.Kind == FormKind.Target
                    ? TargetIndicators(p, chunks[c])
                    : SelfIndicators(p, f, chunks[c], last: c == chunks.Count - 1)));
            }
        }

        return (new ZooDocument(p, blocks), expected);
    }

    /// <summary>
    /// The indicators in the runs a printing puts on a page each (all in one run unless
    /// <see cref="ZooPrinting.IndicatorsPerPage"/> is set); the first run is half as long, as it shares its
    /// page with the form's head.
    /// </summary>
    private static IReadOnlyList<IReadOnlyList<Indicator>> Chunks(ZooPrinting p, IReadOnlyList<Indicator> indicators)
    {
        if (p.IndicatorsPerPage is not (> 1 and var n) || indicators.Count <= n / 2)
        {
            return [indicators];
        }

        return [indicators.Take(n / 2).ToArray(), .. indicators.Skip(n / 2).Chunk(n)];
    }

    /// <summary>The fields a form of its kind prints; the others are left out of what the reader must give back.</summary>
    public static PerformanceForm Printed(PerformanceForm f) => f.Kind == FormKind.Target
        ? f with
        {
            Line = 0,
            Budget = null,
            Outcome = null,
            TotalWeight = null,
            TotalScore = null,
            Grade = null,
            Indicators = [.. f.Indicators.Select(i => i with { Actual = null, ActualValue = null, Weight = null, Score = null, Deviation = null, Line = 0 })],
        }
        : f with
        {
            Line = 0,
            Nature = null,
            Category = null,
            StartDate = null,
            EndDate = null,
            Funds = null,
            Indicators = [.. f.Indicators.Select(i => i with { Line = 0 })],
        };

    private static ZooCell L(string text, int columns = 1, int rows = 1) => new(text, ZooCellKind.Label, columns, rows);

    /// <summary>A field label (项目名称 …), with a colon when the printing writes one.</summary>
    private static ZooCell F(ZooPrinting p, string label) => L(p.LabelColon ? label + "：" : label);

    /// <summary>A label merged down the side of a block, stacked on short lines when the printing does (<c>项目</c> / <c>绩效</c> / <c>目标</c>).</summary>
    private static ZooCell S(ZooPrinting p, string label, string stacked, int rows) => L(p.StackedSideLabels ? stacked : label, 1, rows);

    private static ZooCell T(string? text, int columns = 1, int rows = 1) => new(text ?? "", ZooCellKind.Text, columns, rows);

    private static ZooCell N(ZooPrinting p, decimal? value, int columns = 1, string? empty = null) => value is { } v
        ? new ZooCell(ZooNumbers.Format(p, v), ZooCellKind.Number, columns, 1, v, ZooNumbers.FormatCode(p, v))
        : new ZooCell(empty ?? p.EmptyMark, ZooCellKind.Text, columns);

    /// <summary>An execution rate: a number, with a percent sign when the printing wants one.</summary>
    private static ZooCell Rate(ZooPrinting p, decimal? value) => value is { } v && p.RatePercentSign
        ? new ZooCell(ZooNumbers.Format(p, v) + "%", ZooCellKind.Number, 1, 1, v, ZooNumbers.FormatCode(p, v) + "\"%\"")
        : N(p, value);

    private static ZooCell Date(ZooPrinting p, DateOnly? d) => d is { } date
        ? new ZooCell(ZooNumbers.Date(p, date), ZooCellKind.Text, 3, 1, ZooNumbers.Serial(date), ZooNumbers.DateFormatCode(p))
        : T("", 3);

    private static ZooTable TargetHead(ZooPrinting p, PerformanceForm f)
    {
        var rows = new List<IReadOnlyList<ZooCell>>();
        ZooCell[] nature = [F(p, "项目性质"), T(f.Nature)];
        ZooCell[] category = [F(p, "项目类别"), T(f.Category, 2)];
        var pair = p.SwapNatureCategory ? category.Concat(nature) : nature.Concat(category);
        if (p.NameRowShared)
        {
            rows.Add([F(p, "项目名称"), T(f.Name, 2), .. pair]);
        }
        else
        {
            rows.Add([F(p, "项目名称"), T(f.Name, 7)]);
            ZooCell[] n = [F(p, "项目性质"), T(f.Nature, 3)];
            ZooCell[] c = [F(p, "项目类别"), T(f.Category, 3)];
            rows.Add(p.SwapNatureCategory ? [.. c, .. n] : [.. n, .. c]);
        }

        AddDepartmentUnit(p, f, rows);
        rows.Add([F(p, "计划开始日期"), Date(p, f.StartDate), F(p, "计划完成日期"), Date(p, f.EndDate)]);
        var funds = f.Funds;
        if (p.MoneyHorizontal)
        {
            rows.Add([S(p, "项目资金（元）", "项目资金\n（元）", 2), L(p.AnnualTotalLabel, 2), L("当年财政拨款", 2), L("上年结转资金", 1), L("其他资金", 2)]);
            rows.Add([N(p, funds?.AnnualTotal, 2, ""), N(p, funds?.CurrentYear, 2, ""), N(p, funds?.CarryOver, 1, ""), N(p, funds?.Other, 2, "")]);
        }
        else
        {
            rows.Add([S(p, "项目资金（元）", "项目资金\n（元）", 4), L("项目资金总额"), L(p.AnnualTotalLabel, 3), N(p, funds?.AnnualTotal, 3, "")]);
            rows.Add([L("其中：财政资金", 1, 2), L("其中：当年财政拨款", 3), N(p, funds?.CurrentYear, 3, "")]);
            rows.Add([L("上年结转资金", 3), N(p, funds?.CarryOver, 3, "")]);
            rows.Add([L("其他资金"), L("其他资金", 3), N(p, funds?.Other, 3, "")]);
        }

        if (p.GoalBelowLabel)
        {
            rows.Add([S(p, "项目绩效目标", "项目\n绩效\n目标", 2), L("项目总目标"), L("年度总体目标", 6)]);
            rows.Add([T(f.Goal, 7)]);
        }
        else
        {
            rows.Add([L("年度总体目标", 2), T(f.Goal, 6)]);
        }

        return new ZooTable(rows);
    }

    private static void AddDepartmentUnit(ZooPrinting p, PerformanceForm f, List<IReadOnlyList<ZooCell>> rows)
    {
        if (p.DepartmentUnitTwoRows)
        {
            rows.Add([F(p, "主管部门"), T(f.Department, 7)]);
            rows.Add([F(p, "实施单位"), T(f.Unit, 7)]);
        }
        else
        {
            rows.Add([F(p, "主管部门"), T(f.Department, 3), F(p, "实施单位"), T(f.Unit, 3)]);
        }
    }

    private static ZooTable TargetIndicators(ZooPrinting p, IReadOnlyList<Indicator> indicators)
    {
        // The official print has a 绩效指标 column merged down the whole table; a repeated header cannot carry it.
        var side = p.MergeLevels && !p.RepeatHeader;
        var rows = new List<IReadOnlyList<ZooCell>>
        {
            side
                ? [S(p, "绩效指标", "绩效\n指标", indicators.Count + 1), L("一级指标"), L("二级指标"), L("三级指标", 3), L(p.TargetLabel, 2)]
                : [L("一级指标"), L("二级指标"), L("三级指标", 4), L(p.TargetLabel, 2)],
        };
        var spans = Spans(p, indicators);
        for (var k = 0; k < indicators.Count; k++)
        {
            var i = indicators[k];
            var row = new List<ZooCell>();
            if (spans[k].Level1 > 0)
            {
                row.Add(L(i.Level1, 1, spans[k].Level1));
            }

            if (spans[k].Level2 > 0)
            {
                row.Add(L(i.Level2, 1, spans[k].Level2));
            }

            row.Add(T(i.Name, side ? 3 : 4));
            row.Add(T(ZooNumbers.Value(p, i.Target), 2));
            rows.Add(row);
        }

        return new ZooTable(rows, HeaderRows: 1);
    }

    private static ZooTable SelfHead(ZooPrinting p, PerformanceForm f)
    {
        var rows = new List<IReadOnlyList<ZooCell>> { new[] { F(p, "项目名称"), T(f.Name, 7) } };
        AddDepartmentUnit(p, f, rows);
        var b = f.Budget;
        var header = new List<ZooCell> { S(p, "项目资金（万元）", "项目资金\n（万元）", 5), L("") };
        header.AddRange(p.BudgetOrder.Select(c => L(c switch
        {
            BudgetColumn.Initial => "年初预算数",
            BudgetColumn.Full => "全年预算数",
            BudgetColumn.Executed => "全年执行数",
            BudgetColumn.Weight => p.BudgetWeightLabel,
            BudgetColumn.Rate => p.RateLabel,
            _ => "得分",
        })));
        rows.Add(header);
        foreach (var (label, row) in new[] { ("年度资金总额", b?.Total), ("其中：当年财政拨款", b?.CurrentYear), ("上年结转资金", b?.CarryOver), ("其他资金", b?.Other) })
        {
            var cells = new List<ZooCell> { L(label) };
            cells.AddRange(p.BudgetOrder.Select(c => c switch
            {
                BudgetColumn.Initial => N(p, row?.Initial),
                BudgetColumn.Full => N(p, row?.Full),
                BudgetColumn.Executed => N(p, row?.Executed),
                BudgetColumn.Weight => N(p, row?.Weight),
                BudgetColumn.Rate => Rate(p, row?.Rate),
                _ => N(p, row?.Score),
            }));
            rows.Add(cells);
        }

        if (p.GoalBelowLabel)
        {
            rows.Add([S(p, "年度总体目标", "年度\n总体\n目标", 2), L("预期目标", 3), L("实际完成情况", 4)]);
            rows.Add([T(f.Goal, 3), T(f.Outcome, 4)]);
        }
        else
        {
            rows.Add([L("预期目标", 2), T(f.Goal, 6)]);
            rows.Add([L("实际完成情况", 2), T(f.Outcome, 6)]);
        }

        return new ZooTable(rows);
    }

    private static ZooTable SelfIndicators(ZooPrinting p, PerformanceForm f, IReadOnlyList<Indicator> indicators, bool last)
    {
        var rows = new List<IReadOnlyList<ZooCell>>
        {
            new[] { L("一级指标"), L("二级指标"), L("三级指标"), L(p.TargetLabel), L("实际完成值"), L(p.WeightLabel), L("得分"), L(p.DeviationLabel) },
        };
        var spans = Spans(p, indicators);
        for (var k = 0; k < indicators.Count; k++)
        {
            var i = indicators[k];
            var row = new List<ZooCell>();
            if (spans[k].Level1 > 0)
            {
                row.Add(L(i.Level1, 1, spans[k].Level1));
            }

            if (spans[k].Level2 > 0)
            {
                row.Add(L(i.Level2, 1, spans[k].Level2));
            }

            row.Add(T(i.Name));
            row.Add(T(ZooNumbers.Value(p, i.Target)));
            row.Add(T(ZooNumbers.Value(p, i.Actual)));
            row.Add(N(p, i.Weight, 1, ""));
            row.Add(N(p, i.Score, 1, ""));
            row.Add(T(i.Deviation));
            rows.Add(row);
        }

        if (last)
        {
            rows.Add([L("总分", 5), N(p, f.TotalWeight, 1, ""), N(p, f.TotalScore, 1, ""), T("")]);
            rows.Add([L("评分等级", 5), T(f.Grade, 3)]);
        }

        return new ZooTable(rows, HeaderRows: 1);
    }

    /// <summary>Row spans of each indicator's 一级 and 二级 cells: 0 where a merged cell above covers it; all 1 when not merged.</summary>
    private static (int Level1, int Level2)[] Spans(ZooPrinting p, IReadOnlyList<Indicator> indicators)
    {
        var spans = new (int Level1, int Level2)[indicators.Count];
        for (var k = 0; k < indicators.Count; k++)
        {
            if (!p.MergeLevels)
            {
                spans[k] = (1, 1);
                continue;
            }

            var l1 = k > 0 && indicators[k - 1].Level1 == indicators[k].Level1 ? 0 : Run(indicators, k, (a, b) => a.Level1 == b.Level1);
            var l2 = k > 0 && indicators[k - 1].Level1 == indicators[k].Level1 && indicators[k - 1].Level2 == indicators[k].Level2
                ? 0
                : Run(indicators, k, (a, b) => a.Level1 == b.Level1 && a.Level2 == b.Level2);
            spans[k] = (l1, l2);
        }

        return spans;
    }

    private static int Run(IReadOnlyList<Indicator> indicators, int from, Func<Indicator, Indicator, bool> same)
    {
        var n = 1;
        while (from + n < indicators.Count && same(indicators[from], indicators[from + n]))
        {
            n++;
        }

        return n;
    }
}
