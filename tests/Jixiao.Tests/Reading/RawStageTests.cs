using Jixiao.Formats.Disclosure;
using Jixiao.Formats.Layout;
using Jixiao.Formats.Raw;

namespace Jixiao.Tests.Reading;

/// <summary>Each stage of the raw-text reader on its own: tokens, labels joined, fields paired, rows, whole forms.</summary>
public class RawStageTests
{
    private static List<RawItem> Items(string text) => RawItems.Read(RawTokens.Read(text), new DiagnosticBag());

    [Fact]
    public void Tokens_split_lines_at_spaces_and_count_paragraphs_without_page_numbers()
    {
        var tokens = RawTokens.Read("项目名称 信息化运维项目\n- 2 -\n\n主管部门\n");

        Assert.Equal(["项目名称", "信息化运维项目", "主管部门"], tokens.Select(t => t.Text));
        Assert.Equal([1, 1, 4], tokens.Select(t => t.Line));
        Assert.Equal(0, tokens[0].Paragraph);
        Assert.Equal(1, tokens[2].Paragraph);
    }

    [Fact]
    public void A_label_split_around_its_value_is_joined_but_never_with_a_label()
    {
        var items = Items("项目名 热线服务保障经费\n称：\n项目性质 其他经常性\n项目\n实施单位 上海市医疗保障局\n");

        Assert.Equal(
            [(RawKind.Label, "项目名称："), (RawKind.Value, "热线服务保障经费"), (RawKind.Label, "项目性质"), (RawKind.Value, "其他经常性"), (RawKind.Value, "项目"), (RawKind.Label, "实施单位"), (RawKind.Value, "上海市医疗保障局")],
            items.Select(i => (i.Kind, i.Text)));
    }

    [Fact]
    public void A_label_split_around_a_long_name_and_its_neighbours_is_joined()
    {
        // gen91c-013-chromium: the label cell wraps around a long name while 项目性质 and 项目类别 print between.
        var items = Items("项目名 公共文化服务体系建设运\n项目 其他经常性\n项目类别\n其他运转类\n称 行维护费\n性质 项目\n");

        Assert.Contains(items, i => i.Kind == RawKind.Label && i.Text == "项目名称");
        Assert.Contains(items, i => i.Kind == RawKind.Label && i.Text == "项目性质");
    }

    [Fact]
    public void A_deviation_sentence_wrapped_over_lines_is_kept_out_of_names_and_targets()
    {
        // gen91c-000-calc: 采购流程较 / 7.08 长，设备于 / 12月到货。 and 资金结余主 / 4 要为政府采 / 购节约。 beside rows.
        var items = Items("修缮面积 ≥6.55(台)\n采购流程较\n7.08 长，设备于\n12月到货。\n\n资金结余主\n4 要为政府采\n购节约。\n\n投诉处理率\n达标\n");
        var values = items.Select(i => (i, RawRows.KindOf(i.Text))).ToList();

        var marks = RawRows.Deviations(values);

        Assert.Equal(
            ["采购流程较", "长，设备于", "12月到货。", "资金结余主", "要为政府采", "购节约。"],
            values.Where((_, k) => marks[k]).Select(v => v.i.Text));
    }

    [Fact]
    public void A_deviation_saying_none_is_not_a_text_target()
    {
        // gen91c-011-chromium: 1.02 无, 4.31 无 and 6 无偏差 beside rows whose targets are 及时 or 良好.
        var items = Items("6 无偏差\n项目完成及时率 及时\n1.02 无\n良好\n");
        var values = items.Select(i => (i, RawRows.KindOf(i.Text))).ToList();

        var marks = RawRows.Deviations(values);

        Assert.Equal(["无偏差", "无"], values.Where((_, k) => marks[k]).Select(v => v.i.Text));
    }

    [Fact]
    public void A_level_label_split_by_a_name_is_joined()
    {
        var items = Items("社会效益指 上海耗材编码与国家编码映射完整度\n标\n");

        Assert.Equal([(RawKind.Level2, "社会效益指标"), (RawKind.Value, "上海耗材编码与国家编码映射完整度")], items.Select(i => (i.Kind, i.Text)));
    }

    [Fact]
    public void Values_in_paragraphs_not_beside_their_label_go_to_the_first_label_without_one()
    {
        var text = "项目性质\n\n实施单位\n\n计划开始日期 2024-01-01\n\n其他经常性项\n目\n\n项目类别\n\n其他运转类\n\n上海市医药集中招标采购事务管理所\n";
        var fields = RawFields.Read(Items(text), paragraphs: true, new DiagnosticBag());

        Assert.Contains((Field.Nature, "其他经常性项目", 1), fields);
        Assert.Contains((Field.Unit, "上海市医药集中招标采购事务管理所", 3), fields);
        Assert.Contains((Field.StartDate, "2024-01-01", 5), fields);
        Assert.Contains((Field.Category, "其他运转类", 10), fields);
    }

    [Theory]
    [InlineData("≥90.00(%)", RawValueKind.Target)]
    [InlineData("85.00(%)", RawValueKind.Measure)]
    [InlineData("10.00", RawValueKind.Number)]
    [InlineData("达成指标", RawValueKind.Achieved)]
    [InlineData("-", RawValueKind.Empty)]
    [InlineData("及时", RawValueKind.Text)]
    public void Value_tokens_are_told_by_their_grammar(string text, RawValueKind kind) => Assert.Equal(kind, RawRows.KindOf(text));

    [Fact]
    public void Rows_printed_target_first_are_zipped_by_column()
    {
        var rows = RawRows.Read(Items("≥1(个)\n数量指标 完成课题研究数量\n课题研讨会议次数\n≥3(次)\n一次性通过\n质量指标 课题评审通过\n"), selfEvaluation: false, new DiagnosticBag(), out _);

        Assert.Equal([("完成课题研究数量", "≥1(个)"), ("课题研讨会议次数", "≥3(次)"), ("课题评审通过", "一次性通过")], rows.Select(r => (r.Name, r.Target)));
        Assert.Equal("数量指标", rows[0].Level2);
        Assert.Equal("质量指标", rows[2].Level2);
    }

    [Theory]
    [InlineData(0, 1, 0.0, 0.0)] // a group of two, its label on its first row's line
    [InlineData(0, 1, 0.5, 0.0)] // a group of two, its label on a line of its own between them
    [InlineData(0, 2, 1.0, 0.0)] // a group of three, its label on its middle row's line
    [InlineData(0, 2, 0.5, 0.0)] // a group of three, its label on a line of its own above the middle row
    [InlineData(0, 0, 1.0, 1.0)] // a row below its label's line is not the label's middle
    [InlineData(1, 3, 0.0, 1.5)] // a group whose middle is a row and a half below its label's place
    public void A_label_stands_at_its_groups_middle_or_half_a_row_above(int first, int last, double place, double cost) =>
        Assert.Equal(cost, RawLevels.PlaceCost(first, last, place));

    [Fact]
    public void A_group_cut_by_a_page_break_is_centred_on_its_rows_on_the_labels_page()
    {
        // gen0-021-chromium: 社会效益指标 on the first of its two rows on page 1, its two rows on page 2 unlabelled.
        var rows = Enumerable.Range(0, 5).Select(k => new RawRow(null, null, $"指标{k}", "有效")).ToList();
        var pages = new RawLevels.Pages([0, 0, 1, 1, 1], [0, 1]);

        var assigned = RawLevels.Assign(rows, ["社会效益指标", "可持续影响指标"], new DiagnosticBag(), null, [0.0, 4.0], out var misplaced, pages);

        Assert.NotNull(assigned);
        Assert.Equal(["社会效益指标", "社会效益指标", "社会效益指标", "社会效益指标", "可持续影响指标"], assigned);
        Assert.Equal(0, misplaced);
    }

    [Fact]
    public void Level_labels_printed_among_their_rows_cover_the_rows_they_are_the_middle_of()
    {
        // chromium-horizontal-money: each 二级 label stands on its group's first row (groups of two), the
        // second row's name on the next line; left to the assembler that row went to the label below.
        var text = "财政项目支出绩效目标申报表\n（2023年度）\n\n项目名称 基金监管工作经费\n年度总体目标\n项目绩效目标 制订、印发健全监督检查制度和综合监管制度的相关文件。\n一级指标\n二级指标\n三级指标\n年度指标值\n"
            + "≥2.00(次)\n数量指标 监管工作培训计划完成次数\n基金监管宣传月系列活动计划完成数\n=1.00(次)\n=100.00(%)\n产出指标\n质量指标 监管培训参与率\n基金监管宣传活动参与率\n=100.00(%)\n=100.00(%)\n绩效指标\n"
            + "时效指标 监管队伍培训完成及时性\n基金监管宣传月活动完成及时率\n=100.00(%)\n社会效益指标 监管队伍培训覆盖情况\n全面覆盖\n效益指标 可持续影响指 基金监管工作机制建设情况\n建立健全\n标\n"
            + "满意度指标 服务对象满意\n≥85.00(%)\n度指标 监管培训人员满意率\n";
        var form = Assert.Single(RawReader.Read(text, "t.txt").Forms);

        Assert.Equal(
            [
                ("产出指标", "数量指标", "监管工作培训计划完成次数"), ("产出指标", "数量指标", "基金监管宣传月系列活动计划完成数"),
                ("产出指标", "质量指标", "监管培训参与率"), ("产出指标", "质量指标", "基金监管宣传活动参与率"),
                ("产出指标", "时效指标", "监管队伍培训完成及时性"), ("产出指标", "时效指标", "基金监管宣传月活动完成及时率"),
                ("效益指标", "社会效益指标", "监管队伍培训覆盖情况"), ("效益指标", "可持续影响指标", "基金监管工作机制建设情况"),
                ("满意度指标", "服务对象满意度指标", "监管培训人员满意率"),
            ],
            form.Indicators.Select(i => (i.Level1, i.Level2, i.Name)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_label_column_printed_as_a_block_pairs_with_a_block_of_one_value_a_line(bool tableFirst)
    {
        // gen149-005-chromium: Chromium prints the label column of a self-evaluation (on the first page running
        // on into 一级指标 and its labels) before the values, one a line in one paragraph; 年度总体目标 heads the
        // row of 预期目标 and 实际完成情况 and takes none of them.
        var labels = "财政项目支出绩效自评表\n项目名称\n主管部门\n实施单位\n项目资金\n（万元）\n\n年度总体目标\n" + (tableFirst ? "一级指标\n产出指标\n" : "")
            + "\n（2023年度）\n\n法律法规专项业务经费\n上海市药品监督管理局\n上海市医疗保障局\n\n年度资金总额\n\n预期目标\n\n实际完成情况\n\n";
        var table = (tableFirst ? "" : "一级指标\n\n") + "二级指标\n\n三级指标\n\n指标值\n\n实际完成值\n\n分值\n\n得分\n\n"
            + (tableFirst ? "" : "产出指标\n\n") + "数量指标\n\n评估报告\n\n=1(份)\n\n1.00(份)\n\n10.00\n\n10.00\n\n总分\n100\n98.95\n";
        var form = Assert.Single(RawReader.Read(labels + table, "t.txt").Forms);

        Assert.Equal(("法律法规专项业务经费", "上海市药品监督管理局", "上海市医疗保障局"), (form.Name, form.Department, form.Unit));
    }

    [Fact]
    public void Targets_printed_as_a_block_after_the_names_are_zipped_by_order()
    {
        var text = "产出指标 数量指标 机关档案变档完成率\n产出指标 质量指标 年度例行检查合格率\n效益指标 可持续影响指\n档案管理体系建立健全\n标\n满意度指标 服务对象满意度指标 管理人员满意度\n年度(/项目)指标值\n≥90.00(%)\n逐步提高\n建立健全\n≥95.00(%)\n";
        var rows = RawRows.Read(Items(text), selfEvaluation: false, new DiagnosticBag(), out _);

        Assert.Equal(
            [("机关档案变档完成率", "≥90.00(%)"), ("年度例行检查合格率", "逐步提高"), ("档案管理体系建立健全", "建立健全"), ("管理人员满意度", "≥95.00(%)")],
            rows.Select(r => (r.Name, r.Target)));
    }

    [Fact]
    public void A_wrapped_name_is_joined_with_its_rest_after_the_target()
    {
        var text = "数量指标 我市药品行政审批制度改革评估报\n=1(份)\n告\n我局年报或规范制度文件翻译件\n≥2.00(份)\n";
        var rows = RawRows.Read(Items(text), selfEvaluation: false, new DiagnosticBag(), out _);

        Assert.Equal([("我市药品行政审批制度改革评估报告", "=1(份)"), ("我局年报或规范制度文件翻译件", "≥2.00(份)")], rows.Select(r => (r.Name, r.Target)));
    }

    [Fact]
    public void A_raw_printing_reads_to_a_whole_form_and_bad_input_never_throws()
    {
        var text = "财政项目支出绩效目标申报表\n（2024年度）\n项目名称 信息化运维项目\n主管部门 上海市医疗保障局\n实施单位 上海市医疗保障局\n年度资金申请总额\n4,855,541.00\n一级指标 二级指标\n三级指标\n年度(/项目)指标值\n产出指标 数量指标 新增系统平台功能点\n≥20.00(个)\n";
        var doc = RawReader.Read(text, "t.txt");

        var form = Assert.Single(doc.Forms);
        Assert.Equal("信息化运维项目", form.Name);
        Assert.Equal(2024, form.Year);
        Assert.Equal(4855541.00m, form.Funds!.AnnualTotal);
        var indicator = Assert.Single(form.Indicators);
        Assert.Equal(("产出指标", "数量指标", "新增系统平台功能点", "≥20.00(个)"), (indicator.Level1, indicator.Level2, indicator.Name, indicator.Target));

        var junk = RawReader.Read("财政项目支出绩效自评表\n" + new string('(', 5000) + "\n≥\n-\n", "junk.txt");
        Assert.Empty(junk.Forms);
    }

    [Fact]
    public void A_lone_level1_header_in_a_label_column_block_does_not_start_the_table()
    {
        // LibreOffice prints the label column first: 一级指标 stands before the end date and the goal.
        var text = "财政项目支出绩效目标申报表\n（2024年度）\n项目名称 武警就医补助\n计划开始日期\n一级指标\n计划完成日期\n2024-12-31\n年度总体目标\n保证驻松武警官兵及时就医。\n二级指标\n三级指标\n年度(/项目)指标值\n产出指标 数量指标 药品补充次数\n≥4(次)\n";
        var items = Items(text);
        var lone = items.FindIndex(i => i.Text == "一级指标");

        Assert.Equal(items.FindIndex(i => i.Text == "二级指标"), RawReader.LoneLevel1Header(items, lone));
        var form = Assert.Single(RawReader.Read(text, "t.txt").Forms);
        Assert.Equal(new DateOnly(2024, 12, 31), form.EndDate);
        Assert.Equal("保证驻松武警官兵及时就医。", form.Goal);
        var indicator = Assert.Single(form.Indicators);
        Assert.Equal(("产出指标", "数量指标", "药品补充次数", "≥4(次)"), (indicator.Level1, indicator.Level2, indicator.Name, indicator.Target));
    }

    [Fact]
    public void A_level1_header_with_its_labels_as_a_block_before_the_head_values_does_not_start_the_table()
    {
        // gen0-027-chromium (its first form, two rows): the page's label column, 一级 labels and the next
        // form's field labels included, printed before the head's values.
        var text = "财政项目支出绩效目标申报表\n项目名称\n主管部门\n计划开始日期\n项目资金\n（元）\n项目\n绩效\n目标\n一级指标\n产出指标\n产出指标\n产出指标\n产出指标\n产出指标\n产出指标\n产出指标\n产出指标\n"
            + "效益指标\n满意度指标\n满意度指标\n项目名称\n主管部门\n计划开始日期\n项目资金\n（元）\n\n（2023年度）\n项目性质\n\n政府聘用辅助人员经费\n上海市医疗保障局\n2023年1月1日\n\n其他经常性项目\n"
            + "项目类别 其他人员类\n上海市医药集中招标采购事务管理所（上海医\n实施单位\n药采购中心）\n计划完成日期\n2023年12月31日\n上年结转\n年度资金总额\n当年财政拨款\n其他资金\n资金\n6520800\n6520800\n"
            + "0\n0\n项目总目标\n年度总体目标\n计划2023年按程序进行招聘辅助人员，协助国家及本市药品耗材集中采购工作、信息系统建设工作、协助大型业务会议工作及后勤保障，协助窗口对外服务接待等工作。做好\n辅助人员培训，确保服务工作规范，以支持药事所完成工作任务，提升工作效率。\n"
            + "二级指标\n三级指标\n年度(/项目)指标值\n数量指标\n辅助人员培训计划完成\n≥4（次）\n数量指标\n辅助人员工作完成率\n=100（%）\n\n";
        var items = Items(text);

        Assert.Equal(items.FindIndex(i => i.Text == "二级指标"), RawReader.LoneLevel1Header(items, items.FindIndex(i => i.Text == "一级指标")));
        var form = Assert.Single(RawReader.Read(text, "t.txt").Forms);
        Assert.Equal("政府聘用辅助人员经费", form.Name);
        Assert.Equal(
            [("产出指标", "数量指标", "辅助人员培训计划完成", "≥4(次)"), ("产出指标", "数量指标", "辅助人员工作完成率", "=100(%)")],
            form.Indicators.Select(i => (i.Level1, i.Level2, i.Name, i.Target)));
    }

    [Theory]
    [InlineData("2023/12/31", true)]
    [InlineData("2024年12月31日", true)]
    [InlineData("特定目标类", true)]
    [InlineData("其他经常性项目", true)]
    [InlineData("年度(/项目)指标", true)]
    [InlineData("偏差原因分析及", true)]
    [InlineData("进措施", true)]
    [InlineData("经济成本指", true)]
    [InlineData("经济成", true)]
    [InlineData("分析及改", true)]
    [InlineData("社会效益指标", false)]
    [InlineData("2024年12月31日前", false)]
    [InlineData("成本控制率", false)]
    [InlineData("及时", false)]
    [InlineData("得分", false)]
    public void Head_values_and_header_pieces_are_no_indicator(string text, bool stray) => Assert.Equal(stray, RawReader.NotIndicator(text));

    [Fact]
    public void A_date_printed_among_the_rows_does_not_shift_them()
    {
        var text = "财政项目支出绩效目标申报表\n（2024年度）\n项目名称 武警就医补助\n一级指标 二级指标\n三级指标\n年度(/项目)指标值\n2024-12-31\n产出指标 数量指标 药品补充次数\n≥4(次)\n时效指标 结算及时性\n及时\n";
        var form = Assert.Single(RawReader.Read(text, "t.txt").Forms);

        Assert.Equal(["药品补充次数", "结算及时性"], form.Indicators.Select(i => i.Name));
        Assert.Equal(["≥4(次)", "及时"], form.Indicators.Select(i => i.Target));
    }

    [Fact]
    public void A_goal_printed_inside_the_table_header_is_the_goal_not_a_row()
    {
        var text = "财政项目支出绩效目标申报表\n（2024年度）\n项目名称 武警就医补助\n年度总体目标\n一级指标 二级指标\n保证驻松武警官兵在松江区中心医院及时就医，\n每季度补充日常训练战备药品。\n三级指标\n年度(/项目)指标值\n产出指标 数量指标 药品补充次数\n≥4(次)\n";
        var form = Assert.Single(RawReader.Read(text, "t.txt").Forms);

        Assert.Equal("保证驻松武警官兵在松江区中心医院及时就医，每季度补充日常训练战备药品。", form.Goal);
        var indicator = Assert.Single(form.Indicators);
        Assert.Equal(("药品补充次数", "≥4(次)"), (indicator.Name, indicator.Target));
    }

    [Fact]
    public void The_total_printed_before_its_label_is_no_row()
    {
        Assert.True(RawRows.IsTotal([("8.00", "8.00"), ("13.00", "13.00"), ("79.00", "78.97"), ("100.00", "99.97")]));
        Assert.True(RawRows.IsTotal([("30", "30"), ("30", "28"), ("30", "30"), ("100", "98")]));
        Assert.False(RawRows.IsTotal([("30", "30"), ("30", "28"), ("30", "30"), ("10", "10")]));
        Assert.False(RawRows.IsTotal([("50", "50"), ("100", "99")]));

        var text = "一级指标 二级指标 三级指标 指标值 实际完成值 分值 得分\n产出指标 数量指标 培训次数\n≥3(次)\n3(次)\n50.00\n50.00\n服务人次\n≥100(人次)\n120(人次)\n40.00\n38.00\n100.00\n98.00\n";
        var rows = RawRows.Read(Items(text), selfEvaluation: true, new DiagnosticBag(), out var trailing);

        Assert.Equal([("50.00", "50.00"), ("40.00", "38.00")], rows.Select(r => (r.Weight!, r.Score!)));
        Assert.Equal(["100.00", "98.00"], trailing);
    }

    [Fact]
    public void A_level1_header_followed_by_its_labels_starts_the_table()
    {
        var items = Items("一级指标 二级指标\n三级指标\n产出指标 数量指标 培训次数\n≥3(次)\n");

        Assert.Null(RawReader.LoneLevel1Header(items, 0));
    }

    [Fact]
    public void Level_labels_printed_as_a_block_are_spread_over_the_rows_in_order()
    {
        var text = "数量指标\n质量指标\n时效指标\n培训次数\n≥3(次)\n服务人次\n≥100(人次)\n验收合格率\n=100(%)\n报告提交及时性\n及时\n";
        var rows = RawRows.Read(Items(text), selfEvaluation: false, new DiagnosticBag(), out _);

        Assert.Equal(["数量指标", "数量指标", "质量指标", "时效指标"], rows.Select(r => r.Level2));
        Assert.All(rows, r => Assert.Equal("产出指标", r.Level1));
    }

    [Fact]
    public void A_huge_table_is_split_into_rows_in_bounded_time()
    {
        var text = new System.Text.StringBuilder();
        for (var k = 0; k < 3000; k++)
        {
            text.Append(k % 2 == 0 ? "数量指标 质量指标\n" : "").Append("产出指标 指标名称").Append(k).Append("号\n及时\n");
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var rows = RawRows.Read(Items(text.ToString()), selfEvaluation: false, new DiagnosticBag(), out _);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(3000, rows.Count);
        Assert.Equal(("指标名称2999号", "及时"), (rows[^1].Name, rows[^1].Target));
    }

    [Fact]
    public void A_form_with_thousands_of_rows_is_reported_not_read_for_minutes()
    {
        var text = new System.Text.StringBuilder("财政项目支出绩效目标申报表\n（2024年度）\n项目名称 大表\n一级指标 二级指标\n三级指标\n年度(/项目)指标值\n");
        for (var k = 0; k < 3000; k++)
        {
            text.Append("产出指标 数量指标 指标名称").Append(k).Append("号\n及时\n");
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var doc = RawReader.Read(text.ToString(), "huge.txt");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
        Assert.Empty(Assert.Single(doc.Forms).Indicators);
        Assert.Contains(doc.Diagnostics, d => d.Code == DiagnosticCodes.FormTruncated);
    }

    [Fact]
    public void A_short_text_after_a_full_name_and_its_target_is_the_names_rest()
    {
        // gen0-012-chromium: a wrapped name's first line, its row's target (on the name's line or its own), then
        // the name's rest.
        var text = "社会效益指标 业务监测分析数据有效利用\n有效利用\n提升本市药品、医用耗材交易市场 同比有所提升\n化水平\n可持续影响指标\n"
            + "对于建立健全本市医药保障体系的\n影响力扩大\n影响\n服务对象满意度指标\n药品生产企业满意度\n≥85.00（%）\n";
        var rows = RawRows.Read(Items(text), selfEvaluation: false, new DiagnosticBag(), out _);

        Assert.Equal(
            [("业务监测分析数据有效利用", "有效利用"), ("提升本市药品、医用耗材交易市场化水平", "同比有所提升"), ("对于建立健全本市医药保障体系的影响", "影响力扩大"),
             ("药品生产企业满意度", "≥85.00（%）")],
            rows.Select(r => (r.Name, r.Target)));
    }
}
