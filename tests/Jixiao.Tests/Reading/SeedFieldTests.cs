using Jixiao.Domain.Model;
using Jixiao.Domain.Values;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Reading;

/// <summary>Concrete fields of forms in every seed, read against the printed text.</summary>
public class SeedFieldTests
{
    private static Indicator Indicator(PerformanceForm form, string name, int occurrence = 0) =>
        form.Indicators.Where(i => i.Name == name).ElementAt(occurrence);

    // ---- 000: 2024 target declarations, one cell per line, 成本指标 as its own 一级 ----

    [Fact]
    public void Seed000_first_form_header_funds_and_cost_level1()
    {
        var f = Seeds.Form(Seeds.File000, "信息化运维项目");

        Assert.Equal(FormKind.Target, f.Kind);
        Assert.Equal(2024, f.Year);
        Assert.Equal("上海市医药集中招标采购事务管理所（上海医药采购中心）2024年度项目绩效目标汇总表", f.Group);
        Assert.Equal(4, f.Line);
        Assert.Equal("其他经常性项目", f.Nature);
        Assert.Equal("其他运转类", f.Category);
        Assert.Equal("上海市医疗保障局", f.Department);
        Assert.Equal("上海市医药集中招标采购事务管理所（上海医药采购中心）", f.Unit);
        Assert.Equal(new DateOnly(2024, 1, 1), f.StartDate);
        Assert.Equal(new DateOnly(2024, 12, 31), f.EndDate);
        Assert.Equal(new Funds(4_855_541.00m, 4_855_541.00m, 0m, 0m), f.Funds);
        Assert.StartsWith("2024年保障平台运行稳定", f.Goal);
        Assert.EndsWith("组织上海人工关节数据与天津数据匹配工作。", f.Goal);
        Assert.Equal(17, f.Indicators.Count);

        var first = f.Indicators[0];
        Assert.Equal(("成本指标", "经济成本指标", "成本节约率", "≥0.00(%)"), (first.Level1, first.Level2, first.Name, first.Target));
        Assert.Equal(new IndicatorValue(Comparison.Above, 10659.00m, "条", null), Indicator(f, "数据审核总量").TargetValue);
        Assert.Equal(("效益指标", "可持续影响指标", "完善"), (Indicator(f, "平台动态数据维护管理制度").Level1, Indicator(f, "平台动态数据维护管理制度").Level2, Indicator(f, "平台动态数据维护管理制度").Target));
        Assert.Equal("服务对象满意度指标", Indicator(f, "信息科工作人员满意度").Level2);
    }

    [Fact]
    public void Seed000_project_names_split_over_lines_are_joined()
    {
        var doc = Seeds.Read(Seeds.File000);

        Assert.Contains(doc.Forms, f => f.Name == "财务专项审计和资产评估鉴定费" && f.Funds!.AnnualTotal == 508_000m);
        Assert.Contains(doc.Forms, f => f.Name == "医疗机构及生产经营企业采购药品基础信息管理" && f.Funds!.AnnualTotal == 1_701_224m);
    }

    [Fact]
    public void Seed000_three_cost_level2_labels_under_one_cost_level1()
    {
        var f = Seeds.Form(Seeds.File000, "政府聘用辅助人员经费");

        Assert.Equal(["经济成本指标", "社会成本指标", "生态环境成本指标"], f.Indicators.Where(i => i.Level1 == "成本指标").Select(i => i.Level2));
        Assert.Equal(new IndicatorValue(Comparison.AtMost, 9.00m, "平方米", null), Indicator(f, "辅助人员人均工位面积").TargetValue);
        Assert.Equal(16, f.Indicators.Count);
    }

    [Fact]
    public void Seed000_page_break_trailers_add_no_rows()
    {
        var doc = Seeds.Read(Seeds.File000);

        Assert.Equal([17, 11, 16, 12, 17, 12, 23], doc.Forms.Select(f => f.Indicators.Count));
        Assert.Contains(doc.Diagnostics, d => d.Code == "page-break-trailer" && d.Line == 95);
    }

    [Fact]
    public void Seed000_last_form_qualitative_targets_and_levels()
    {
        var f = Seeds.Form(Seeds.File000, "医药集中招标采购工作经费");

        Assert.Equal(3_219_600m, f.Funds!.AnnualTotal);
        Assert.Equal("一季度一次", Indicator(f, "中药饮片价格信息数据推送频次").Target);
        Assert.Equal(("效益指标", "可持续影响指标", "影响力扩大"), (Indicator(f, "对于建立健全本市医药保障体系的影响").Level1, Indicator(f, "对于建立健全本市医药保障体系的影响").Level2, Indicator(f, "对于建立健全本市医药保障体系的影响").Target));
        Assert.Equal(new IndicatorValue(Comparison.AtLeast, 5.00m, "人次", null), Indicator(f, "外出调研相关各省市带量采购工作经验").TargetValue);
    }

    // ---- 001: 2023 target declarations, tab-separated rows with shifted columns ----

    [Fact]
    public void Seed001_latex_and_spaced_values_are_cleaned()
    {
        var f = Seeds.Form(Seeds.File001, "规财法工作经费");

        Assert.Equal("上海市医疗保障局2023年度项目绩效目标汇总表", f.Group);
        Assert.Equal(500_800m, f.Funds!.AnnualTotal);
        Assert.Equal(11, f.Indicators.Count);
        var coverage = Indicator(f, "法治培训覆盖情况");
        Assert.Equal(("产出指标", "质量指标", "≥50.00(人次)"), (coverage.Level1, coverage.Level2, coverage.Target));
        Assert.Equal(new IndicatorValue(Comparison.Equal, 100.00m, "%", null), Indicator(f, "法律顾问服务工作考核通过率").TargetValue);
        Assert.Equal("效益指标", Indicator(f, "参与拟定、修改或完善相关工作制度或规范").Level1);
    }

    [Fact]
    public void Seed001_html_goal_text_is_stripped_of_tags()
    {
        var f = Seeds.Form(Seeds.File001, "信息化建设项目");

        Assert.StartsWith("1、根据相关文件", f.Goal);
        Assert.DoesNotContain("<p>", f.Goal);
        Assert.Contains("5、根据相关文件政策要求", f.Goal);
    }

    [Fact]
    public void Seed001_repeated_block_after_a_page_break_is_read_once()
    {
        var f = Seeds.Form(Seeds.File001, "信息化建设项目");

        Assert.Equal(15, f.Indicators.Count);
        Assert.Single(f.Indicators, i => i.Name == "系统可用率");
        Assert.Equal(new IndicatorValue(null, 100m, "%", null), Indicator(f, "新增三个记账方案").TargetValue);
        Assert.Equal(new IndicatorValue(Comparison.AtLeast, 10m, "家", null), Indicator(f, "新增中央单位管理").TargetValue);
        Assert.Contains(Seeds.Read(Seeds.File001).Diagnostics, d => d.Code == "repeated-block" && d.Line == 486);
    }

    [Fact]
    public void Seed001_supervision_unit_rows_without_level1_infer_it_from_level2()
    {
        var f = Seeds.Form(Seeds.File001, "医疗保险执行情况监督检查费");

        Assert.Equal("上海市医疗保障局监督检查所", f.Unit);
        Assert.Equal("上海市医疗保障局监督检查所2023年度项目绩效目标汇总表", f.Group);
        Assert.Equal(17, f.Indicators.Count);
        Assert.All(f.Indicators.Take(7), i => Assert.Equal(("产出指标", "数量指标"), (i.Level1, i.Level2)));
        Assert.Equal(new IndicatorValue(Comparison.AtMost, 15m, "工作日", null), Indicator(f, "举报案件立案时效性").TargetValue);
        Assert.Equal(("满意度指标", "服务对象满意度指标"), (Indicator(f, "违规案件处置有效投诉").Level1, Indicator(f, "违规案件处置有效投诉").Level2));

        var archive = Seeds.Form(Seeds.File001, "医疗保险监管档案整理费");
        Assert.Equal(new IndicatorValue(Comparison.AtLeast, 4000m, "卷(件)", null), Indicator(archive, "档案整理完成数量").TargetValue);
    }

    [Fact]
    public void Seed001_misprint_missing_target_and_labels_printed_after_rows()
    {
        var review = Seeds.Form(Seeds.File001, "医药机构及医疗费用审核管理费");
        Assert.Equal("产出指标", Indicator(review, "病例评审的规范性一次性验收通过率").Level1);
        Assert.Equal(new IndicatorValue(null, 1400m, "家", null), Indicator(review, "定点零售药店履约考核数").TargetValue);
        Assert.Contains(Seeds.Read(Seeds.File001).Diagnostics, d => d.Code == "misprint" && d.Line == 584);

        var tender = Seeds.Form(Seeds.File001, "医药集中招标采购工作经费");
        var missing = Indicator(tender, "提升本市药品、医用耗材交易市场化水平");
        Assert.Equal(898, missing.Line);
        Assert.Equal("", missing.Target);
        Assert.True(missing.TargetValue.IsEmpty);

        var stats = Seeds.Form(Seeds.File001, "医保统计和信息专项经费");
        Assert.Equal(("效益指标", "社会效益指标"), (Indicator(stats, "培训人员技能提升情况").Level1, Indicator(stats, "培训人员技能提升情况").Level2));

        var misplaced = Seeds.Form(Seeds.File001, "机关服务管理费");
        Assert.Equal(("满意度指标", 229), (Indicator(misplaced, "公务用车管理体系建立健全").Level1, Indicator(misplaced, "公务用车管理体系建立健全").Line));
        Assert.Equal(new IndicatorValue(Comparison.AtMost, 5.00m, "次", null), Indicator(misplaced, "司勤服务投诉率").TargetValue);
    }

    [Fact]
    public void Seed001_cost_as_level2_under_output_in_2023()
    {
        var f = Seeds.Form(Seeds.File001, "参保人员就医凭证制作费");

        var cost = Indicator(f, "医保卡及就医记录册成本控制率");
        Assert.Equal(("产出指标", "成本指标"), (cost.Level1, cost.Level2));
        Assert.Equal(new IndicatorValue(Comparison.Above, 99m, "%", null), cost.TargetValue);
        Assert.Equal(5_410_000m, f.Funds!.AnnualTotal);
    }

    // ---- 002: 2023 self-evaluations of 上海市药品监督管理局, cells wrapped over lines ----

    [Fact]
    public void Seed002_budget_rows_and_totals()
    {
        var f = Seeds.Form(Seeds.File002, "局系统培训经费");

        Assert.Equal(FormKind.SelfEvaluation, f.Kind);
        Assert.Equal(new BudgetRow(92.70m, 74.70m, 68.56m, 91.78m, 10.00m, 9.17m), f.Budget!.Total);
        Assert.Equal(new BudgetRow(92.70m, 74.70m, 68.56m, 91.78m), f.Budget.CurrentYear);
        Assert.Equal(new BudgetRow(0m, 0m, 0m, 0m), f.Budget.CarryOver);
        Assert.Equal((100m, 99.17m, "优"), (f.TotalWeight!.Value, f.TotalScore!.Value, f.Grade));
        Assert.StartsWith("（一）提高药品、医疗器械、化妆品监管的质量和效益。", f.Goal);
        Assert.EndsWith("相适应的综合监管和专业人才队伍。", f.Goal);
        Assert.StartsWith("根据年度计划", f.Outcome);
    }

    [Fact]
    public void Seed002_wrapped_targets_and_actuals_are_joined()
    {
        var law = Seeds.Form(Seeds.File002, "法律法规专项业务经费");
        var hours = Indicator(law, "法律服务委派的律师工作时长");
        Assert.Equal(("≥2(个工作日每周)", "2.00(个工作日每周)"), (hours.Target, hours.Actual));
        Assert.Equal(new IndicatorValue(Comparison.AtLeast, 2m, "个工作日每周", null), hours.TargetValue);
        Assert.Equal("法律研究、教学和实践工作中有较高影响力", Indicator(law, "法律顾问、专家的影响力").Target);
        Assert.Equal("更加健全", Indicator(law, "上海市药械化法规、规章、规范性文件体系").Target);
        Assert.Equal(("产出指标", "成本指标"), (Indicator(law, "法律顾问费成本").Level1, Indicator(law, "法律顾问费成本").Level2));

        var publicity = Seeds.Form(Seeds.File002, "宣传业务经费");
        Assert.Equal("2023年11月完成", Indicator(publicity, "全国安全用药月").Target);
        Assert.Equal(new IndicatorValue(null, null, null, "2023年11月完成"), Indicator(publicity, "全国安全用药月").TargetValue);
        Assert.Equal(new IndicatorValue(null, 30.00m, "万份", null), Indicator(publicity, "宣传海报数量（大小海报合计）").ActualValue);
    }

    [Fact]
    public void Seed002_inspection_form_scores_and_deviation_texts()
    {
        var f = Seeds.Form(Seeds.File002, "药械化稽查综合检查");

        Assert.Equal(23, f.Indicators.Count);
        var leaflets = Indicator(f, "进博会药械化服务宣传资料");
        Assert.Equal((2.00m, 0.63m), (leaflets.Weight!.Value, leaflets.Score!.Value));
        Assert.Equal(new IndicatorValue(null, 3135.00m, "份", null), leaflets.ActualValue);
        Assert.Equal("因去年疫情进博会人员严格控制，进博会宣传材料有部分结余。为避免浪费，减少当年度宣传资料制作数量。", leaflets.Deviation);
        Assert.Equal("调整专项整治工作安排，提高检查频次，扩大检查覆盖面。", Indicator(f, "药械化专项整治企业家数").Deviation);
        Assert.Equal(2.99m, Indicator(f, "化妆品生产企业信用评估报告数量").Score);
        Assert.Null(Indicator(f, "应急演练次数").Deviation);
        Assert.Equal("≥13.80(平方米)", Indicator(f, "试验区LED显示屏建设面积").Target);
        Assert.Equal("药品、医疗器械、化妆品专项整治期间发现的违法行为查处率", f.Indicators.Single(i => i.Line == 717).Name);
        Assert.Equal((100m, 93.42m), (f.TotalWeight!.Value, f.TotalScore!.Value));
        Assert.Equal(new BudgetRow(999.39m, 666.92m, 320.18m, 48.00m, 10.00m, 4.80m), f.Budget!.Total);
    }

    [Fact]
    public void Seed002_general_management_form_has_48_indicators_with_partial_achievement()
    {
        var f = Seeds.Form(Seeds.File002, "综合管理类专项经费");

        Assert.Equal(48, f.Indicators.Count);
        var hardware = Indicator(f, "采购的硬软件产品");
        Assert.Equal(("满足硬软件相关质量保证条件", "部分达成指标并具有一定效果", 1.20m), (hardware.Target, hardware.Actual, hardware.Score!.Value));
        Assert.Equal(new IndicatorValue(null, null, null, "部分达成指标并具有一定效果"), hardware.ActualValue);
        Assert.StartsWith("原因：优化网络策略的调整和配置", hardware.Deviation);
        Assert.Equal("部分达成指标并具有一定效果", Indicator(f, "采购到货及时性").Actual);
        Assert.Equal(new IndicatorValue(null, 35801.00m, "件", null), Indicator(f, "档案扫描数字化件数").ActualValue);
        Assert.Equal(0.60m, Indicator(f, "档案扫描数字化件数").Score);
        Assert.Equal("≥25(万人次/年)", Indicator(f, "政务网站访问人次").Target);
        Assert.Equal("确保电力保障到位", Indicator(f, "确保信息化中心硬件运行的能源供给").Target);
        Assert.Equal(("产出指标", "质量指标"), (Indicator(f, "档案管理软件的数据导入、维护及相关培训").Level1, Indicator(f, "档案管理软件的数据导入、维护及相关培训").Level2));
        Assert.Equal((100m, 94.94m), (f.TotalWeight!.Value, f.TotalScore!.Value));
    }

    [Fact]
    public void Seed002_total_printed_without_decimals()
    {
        var f = Seeds.Form(Seeds.File002, "医疗器械监督管理业务经费");

        Assert.Equal((100m, 97m), (f.TotalWeight!.Value, f.TotalScore!.Value));
        Assert.Equal("完成对本市医疗器械注册人、高风险生产企业人员培训", f.Indicators[1].Name);
        Assert.Equal(("≥3400.00(人次)", "3551.00(人次)"), (f.Indicators[1].Target, f.Indicators[1].Actual));
    }

    // ---- 003: 2024 self-evaluations of 上海市医疗保险事业管理中心, labels split into 2-character pieces ----

    [Fact]
    public void Seed003_split_labels_are_reassembled()
    {
        var f = Seeds.Form(Seeds.File003, "医疗保险信息化管理运行经费");

        Assert.Equal(new BudgetRow(149.06m, 302.78m, 295.66m, 97.64m, 10.00m, 9.76m), f.Budget!.Total);
        Assert.Contains(f.Indicators, i => i.Level1 == "成本指标" && i.Level2 == "经济成本指标");
        Assert.Contains(f.Indicators, i => i.Level1 == "成本指标" && i.Level2 == "社会成本指标");
        Assert.Equal(("效益指标", "可持续影响指标"), (Indicator(f, "长效管理确保性").Level1, Indicator(f, "长效管理确保性").Level2));
        Assert.Equal("医保系统内（含中心内）统计分析查询完成数量", Indicator(f, "医保系统内（含中心内）统计分析查询完成数量").Name);
        Assert.Equal(new IndicatorValue(Comparison.Equal, 1.00m, "次/季", null), Indicator(f, "系统安全扫描、保养").TargetValue);
        Assert.Equal((100m, 99.76m, "优"), (f.TotalWeight!.Value, f.TotalScore!.Value, f.Grade));
    }

    [Fact]
    public void Seed003_label_interrupted_by_a_row_is_completed()
    {
        var f = Seeds.Form(Seeds.File003, "信息化运维项目");

        var last = f.Indicators[^1];
        Assert.Equal(("满意度指标", "服务对象满意度指标", "系统服务有效投诉控制", "≤10.00(件)"), (last.Level1, last.Level2, last.Name, last.Target));
        Assert.Equal(("效益指标", "生态效益指标", "符合国际节能减排政策规定"), (Indicator(f, "节能减排降低能耗").Level1, Indicator(f, "节能减排降低能耗").Level2, Indicator(f, "节能减排降低能耗").Target));
        Assert.Equal(31, f.Indicators.Count);
    }

    [Fact]
    public void Seed003_goal_and_outcome_and_wrapped_budget_label()
    {
        var f = Seeds.Form(Seeds.File003, "参保人员就医凭证制作费");

        Assert.Equal(new BudgetRow(500.00m, 500.00m, 498.60m, 99.72m), f.Budget!.CurrentYear);
        Assert.EndsWith("方便广大参保人员正常用册。", f.Goal);
        Assert.StartsWith("1.2024年加强参保人员就医凭证制作费预算申报数量", f.Outcome);
        Assert.Equal("就医记录册多渠道申领，便捷满意度", f.Indicators[^1].Name);
        Assert.Equal(("满意", "达成指标", 11.00m), (f.Indicators[^1].Target, f.Indicators[^1].Actual, f.Indicators[^1].Score!.Value));

        var hotline = Seeds.Form(Seeds.File003, "热线服务保障经费");
        Assert.Equal("接听及时、应答准确、服务周到、热情真诚", hotline.Goal);
        Assert.StartsWith("2024年上海市医疗保险事业管理中心的热线服务", hotline.Outcome);
    }

    [Fact]
    public void Seed003_name_with_trailing_mark_and_rounding_half_up_publisher()
    {
        var doc = Seeds.Read(Seeds.File003);
        var f = Seeds.Form(Seeds.File003, "医疗保险执行情况监督检查费");

        Assert.Equal(new BudgetRow(0.00m, 96.57m, 94.13m, 97.47m, 10.00m, 9.75m), f.Budget!.Total);
        Assert.Contains(doc.Diagnostics, d => d.Code == "name-suffix" && d.Line == 1813);
        Assert.Equal("移动 B网专线数量", f.Indicators.Single(i => i.Line == 1911).Name);

        var accounts = Seeds.Form(Seeds.File003, "医疗保险个人账户管理经费");
        Assert.Equal((83.57m, 8.36m), (accounts.Budget!.Total!.Rate!.Value, accounts.Budget.Total.Score!.Value));
    }

    [Fact]
    public void Seed003_a_name_as_wide_as_its_column_does_not_swallow_the_target()
    {
        var f = Seeds.Form(Seeds.File003, "医疗保险稽核检查经费");

        var cost = f.Indicators.Single(i => i.Line == 1150);
        Assert.Equal(("单家医疗保险机构稽核检查成本", "不高于往年水平"), (cost.Name, cost.Target));
    }

    [Fact]
    public void Seed003_wrapped_quantities()
    {
        var f = Seeds.Form(Seeds.File003, "热线服务保障经费");

        var repair = Indicator(f, "二级故障故障处理时间");
        Assert.Equal(("≤180.00(分钟)", "180.00(分钟)"), (repair.Target, repair.Actual));
        Assert.Equal(new IndicatorValue(Comparison.AtMost, 180.00m, "分钟", null), repair.TargetValue);
        Assert.Equal("不低于往年水平", Indicator(f, "人均日均接听量").Target);
        Assert.Equal(("效益指标", "生态效益指标"), (Indicator(f, "环境保护程度").Level1, Indicator(f, "环境保护程度").Level2));
    }

    // ---- 004: 2024 target declarations of 松江区医疗保障局 ----

    [Fact]
    public void Seed004_parent_project_with_goal_repeated_mid_list()
    {
        var f = Seeds.Form(Seeds.File004, "医保监管");

        Assert.Equal(43, f.Indicators.Count);
        Assert.Equal(364_900m, f.Funds!.AnnualTotal);
        Assert.StartsWith("1、2024年度聘请208人次的专家", f.Goal);
        Assert.DoesNotContain(f.Indicators, i => i.Name.Contains("聘请208人次", StringComparison.Ordinal));
        Assert.Equal(6, f.Indicators.Count(i => i.Level1 == "成本指标"));
        Assert.Equal(6, f.Indicators.Count(i => i.Level1 == "满意度指标"));
        Assert.Equal(("产出指标", "质量指标"), (Indicator(f, "专家监督检查结果应用率").Level1, Indicator(f, "专家监督检查结果应用率").Level2));
        Assert.Contains(Seeds.Read(Seeds.File004).Diagnostics, d => d.Code == "repeated-goal" && d.Line == 364);
    }

    [Fact]
    public void Seed004_unit_costs_and_placeholder_text()
    {
        var experts = Seeds.Form(Seeds.File004, "聘请医保专家劳务费");
        Assert.Equal(new IndicatorValue(Comparison.Equal, 956.00m, "元/家", null), Indicator(experts, "现场检查成本").TargetValue);
        Assert.Equal(92_764m, experts.Funds!.AnnualTotal);
        Assert.Equal("上海市松江区医疗保障局（本级）", experts.Unit);
        Assert.Equal("上海市松江区医疗保障局", experts.Department);

        var audit = Seeds.Form(Seeds.File004, "医保基金专项审计");
        Assert.EndsWith("（描述一下主要产出目标情况）", audit.Goal);
        Assert.Equal(10, audit.Indicators.Count);

        var reward = Seeds.Form(Seeds.File004, "举报奖励费");
        Assert.Equal(new IndicatorValue(Comparison.Equal, 100.00m, "百分比", null), Indicator(reward, "应奖尽奖率").TargetValue);
    }

    [Fact]
    public void Seed004_forms_printed_twice_are_both_read()
    {
        var doc = Seeds.Read(Seeds.File004);

        Assert.Equal(2, doc.Forms.Count(f => f.Name == "业务培训"));
        Assert.Equal(2, doc.Forms.Count(f => f.Name == "网络信息系统运行与维护"));
        var second = Seeds.Form(Seeds.File004, "业务培训", 1);
        Assert.Contains(second.Indicators, i => i.Name == "对街镇社区事务受理中心管理人员开展");
    }

    [Fact]
    public void Seed004_wrapped_indicator_name_before_its_value()
    {
        var f = Seeds.Form(Seeds.File004, "网络信息系统运行与维护");

        var wrapped = f.Indicators.Single(i => i.Target == "=4166.00(元/每家)");
        Assert.Equal("区级医保部门数据展示、对12家长护险居家服务机构监督检查管理", wrapped.Name);
        Assert.Equal(new IndicatorValue(Comparison.Equal, 8133.00m, "元/每家", null), f.Indicators[0].TargetValue);
        Assert.Equal(147_600m, f.Funds!.AnnualTotal);
    }
}
