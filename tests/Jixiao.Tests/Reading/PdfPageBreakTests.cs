using Jixiao.Formats.Layout;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Jixiao.Tests.Reading;

/// <summary>Labels and cells that a page break cuts, in the PDF geometry path.</summary>
public class PdfPageBreakTests
{
    /// <summary>A free PDF piece on a page (top-down points of that page), with its band of horizontal rules if any.</summary>
    private static Cell Q(int page, double left, double top, double right, string text, (double Top, double Bottom)? band = null, double unit = 9) =>
        new(page, new Box(left, top + (page - 1) * Geometry.PageStride, right, top + (page - 1) * Geometry.PageStride + unit), text, page, Whole: false, Unit: unit)
        {
            Band = band is { } b ? (b.Top + (page - 1) * Geometry.PageStride, b.Bottom + (page - 1) * Geometry.PageStride) : null,
        };

    [Fact]
    public void A_level_label_in_a_band_of_rules_holds_no_row_outside_it()
    {
        // chromium-horizontal-money, pages 2 and 3 as 1 and 2: 质量指标 at the foot of page 1 (its band cut by the
        // page), two of its rows atop page 2; 时效指标 stands in a band of one row under them.
        List<Cell> cells =
        [
            Q(1, 210.4, 556.9, 385.9, "财政项目支出绩效目标申报表", unit: 13.5),
            Q(1, 44.2, 596.5, 80.2, "项目名称", (591.4, 608.6)), Q(1, 98.9, 596.5, 197.9, "医疗保险监管档案整理费", (591.4, 608.6)),
            Q(1, 111.6, 744.3, 147.6, "一级指标", (738.4, 756.4)), Q(1, 179.0, 744.3, 215.0, "二级指标", (738.4, 756.4)),
            Q(1, 313.8, 744.3, 349.8, "三级指标", (738.4, 756.4)), Q(1, 477.8, 744.3, 522.8, "年度指标值", (738.4, 756.4)),
            Q(1, 111.6, 761.5, 147.6, "产出指标"),
            Q(1, 233.7, 761.5, 305.7, "档案整理完成数量", (756.4, 772.9)), Q(1, 435.9, 761.5, 495.6, "≥4000(卷(件))", (756.4, 772.9)),
            Q(1, 179.0, 769.8, 215.0, "数量指标", (756.4, 790.1)),
            Q(1, 233.7, 778.0, 305.7, "档案编目完成数量", (772.9, 790.1)), Q(1, 435.9, 778.0, 480.6, "≥8000(条)", (772.9, 790.1)),
            Q(1, 179.0, 795.3, 215.0, "质量指标"),
            Q(1, 233.7, 795.3, 287.7, "档案保存期限", (790.1, 806.6)), Q(1, 435.9, 795.3, 469.7, "≥10(年)", (790.1, 806.6)),
            Q(2, 233.7, 38.5, 341.7, "档案整理后接收存放完成率"), Q(2, 435.9, 38.5, 474.1, "≥100(%)"),
            Q(2, 233.7, 55.8, 314.7, "档案整理验收合格率", (50.6, 67.9)), Q(2, 435.9, 55.8, 474.1, "≥100(%)", (50.6, 67.9)),
            Q(2, 179.0, 72.3, 215.0, "时效指标", (67.9, 84.4)),
            Q(2, 233.7, 72.3, 323.7, "第三方档案整理及时性", (67.9, 84.4)), Q(2, 435.9, 72.3, 453.9, "及时", (67.9, 84.4)),
            Q(2, 233.7, 89.5, 287.7, "档案保管情况", (84.4, 101.6)), Q(2, 435.9, 89.5, 480.9, "无遗失损毁", (84.4, 101.6)),
            Q(2, 170.0, 97.8, 224.0, "社会效益指标", (84.4, 118.1)),
            Q(2, 233.7, 106.0, 296.7, "档案利用率提升", (101.6, 118.1)), Q(2, 435.9, 106.0, 489.9, "同比有所提升", (101.6, 118.1)),
            Q(2, 111.6, 112.0, 147.6, "效益指标", (84.4, 147.4)),
        ];
        var form = Assert.Single(FormAssembler.Assemble(cells, "h").Forms);
        Assert.Equal(["数量指标", "数量指标", "质量指标", "质量指标", "质量指标", "时效指标", "社会效益指标", "社会效益指标"], form.Indicators.Select(i => i.Level2));
        Assert.Equal(["产出指标", "产出指标", "产出指标", "产出指标", "产出指标", "产出指标", "效益指标", "效益指标"], form.Indicators.Select(i => i.Level1));
    }

    [Fact]
    public void A_borderless_label_goes_on_atop_the_next_page_beside_its_value_under_another_columns_lines()
    {
        // word-gen181-010-calc: 年度总体目 at the foot of page 1, its 标 four lines down page 2 beside the goal, the
        // outcome's lines from the page's top far right. Not joined, 标 was read as the goal's first letter.
        List<Cell> cells =
        [
            Q(1, 346.9, 60.0, 495.4, "财政项目支出绩效自评表", unit: 14),
            Q(1, 38.0, 92.6, 94.0, "项目名称", unit: 14), Q(1, 109.5, 92.6, 221.5, "热线服务保障经费", unit: 14),
            Q(1, 38.0, 117.5, 94.0, "主管部门", unit: 14), Q(1, 109.5, 117.5, 221.5, "上海市医疗保障局", unit: 14),
            Q(1, 31.0, 407.7, 101.0, "年度总体目", unit: 14), Q(1, 267.2, 407.7, 323.2, "预期目标", unit: 14),
            Q(1, 605.3, 407.7, 689.3, "实际完成情况", unit: 14),
            Q(2, 486.9, 34.8, 800.9, "2024年热线服务在控制成本的情况下做到了", unit: 14),
            Q(2, 486.9, 57.9, 791.6, "100%咨询率和响应应答率，各类故障响", unit: 14),
            Q(2, 486.9, 81.0, 794.9, "应能够得到及时响应并及时处理；通过项目实施，", unit: 14),
            Q(2, 486.9, 104.1, 794.9, "有效保障了热线电话服务的正常运行。", unit: 14),
            Q(2, 59.0, 127.2, 73.0, "标", unit: 14), Q(2, 109.5, 127.2, 375.5, "接听及时、应答准确、服务周到、热情真诚", unit: 14),
            Q(2, 38.0, 270.8, 94.0, "一级指标", unit: 14), Q(2, 114.7, 270.8, 170.7, "二级指标", unit: 14),
            Q(2, 229.7, 270.8, 285.7, "三级指标", unit: 14), Q(2, 389.2, 270.8, 431.2, "指标值", unit: 14),
            Q(2, 508.6, 270.8, 578.6, "实际完成值", unit: 14), Q(2, 620.7, 270.8, 648.7, "分数", unit: 14), Q(2, 677.4, 270.8, 705.4, "得分", unit: 14),
            Q(2, 38.0, 318.8, 94.0, "成本指标", unit: 14), Q(2, 114.7, 318.8, 170.7, "经济成本指标", unit: 14),
            Q(2, 181.9, 318.8, 251.9, "成本控制率", unit: 14), Q(2, 339.6, 318.8, 404.7, "≥0.00(%)", unit: 14),
            Q(2, 486.9, 318.8, 538.0, "0.00(%)", unit: 14), Q(2, 635.1, 318.8, 663.1, "5.00", unit: 14), Q(2, 685.7, 318.8, 713.7, "5.00", unit: 14),
        ];
        var form = Assert.Single(FormAssembler.Assemble(cells, "w").Forms);
        Assert.Equal("接听及时、应答准确、服务周到、热情真诚", form.Goal);
        Assert.StartsWith("2024年热线服务", form.Outcome);
    }

    [Fact]
    public void A_money_row_of_labels_cut_by_the_page_has_its_amounts_under_its_rest()
    {
        // gen149-002-chromium, pages 2 and 3 as 1 and 2: the labels of the horizontal money block at the foot of
        // page 1, cut (上年 / 结转资金 going on atop page 2), the amounts under the rest. 结转资金 is a label by
        // itself, so the two were not joined and 当年财政拨款 took 上年 for its value; once joined, 上年结转资金
        // was no longer cut and found nothing under it on its page.
        List<Cell> cells =
        [
            Q(1, 161.6, 496.9, 434.6, "财政项目支出绩效目标申报表", unit: 14), Q(1, 256.1, 527.3, 340.1, "（2023年度）", unit: 14),
            W(1, 28.9, 547.9, 81.4, 628.1, "项目名称"), W(1, 81.4, 547.9, 214.1, 628.1, "组织人事专项"), W(1, 214.1, 547.9, 339.4, 628.1, "项目性质"),
            W(1, 339.4, 547.9, 414.4, 628.1, "经常性专项业务费"), W(1, 414.4, 547.9, 446.6, 628.1, "项目类别"), W(1, 446.6, 547.9, 567.4, 628.1, "特定目标类"),
            W(1, 28.9, 628.1, 81.4, 670.9, "主管部门"), W(1, 81.4, 628.1, 567.4, 670.9, "上海市医疗保障局"), W(1, 28.9, 670.9, 81.4, 713.6, "实施单位"),
            W(1, 81.4, 670.9, 567.4, 713.6, "上海市医疗保障局"), W(1, 28.9, 713.6, 81.4, 755.6, "计划开始日期"), W(1, 81.4, 713.6, 339.4, 755.6, "2023年1月1日"),
            W(1, 339.4, 713.6, 414.4, 755.6, "计划完成日期"), W(1, 414.4, 713.6, 567.4, 755.6, "2023年12月31日"),
            W(1, 28.9, 755.6, 81.4, 807.7, "项目资金", PageCut.Below), W(1, 81.4, 755.6, 214.1, 807.7, "年度资金总额", PageCut.Below),
            W(1, 214.1, 755.6, 414.4, 807.7, "当年财政拨款", PageCut.Below), W(1, 414.4, 755.6, 446.6, 807.7, "上年", PageCut.Below),
            W(1, 446.6, 755.6, 567.4, 807.7, "其他资金", PageCut.Below), W(2, 28.9, 33.7, 81.4, 135.4, "（元）", PageCut.Above),
            W(2, 414.4, 33.7, 446.6, 111.4, "结转资金", PageCut.Above), W(2, 81.4, 111.4, 214.1, 135.4, "300600.00"),
            W(2, 214.1, 111.4, 414.4, 135.4, "300600.00"), W(2, 414.4, 111.4, 446.6, 135.4, "0.00"), W(2, 446.6, 111.4, 567.4, 135.4, "0.00"),
            W(2, 28.9, 135.4, 81.4, 258.4, "项目绩效目标"), W(2, 81.4, 135.4, 125.6, 196.9, "项目总目标"),
        ];
        var form = Assert.Single(FormAssembler.Assemble(cells, "c").Forms);
        Assert.Equal(new Jixiao.Domain.Model.Funds(300600.00m, 300600.00m, 0.00m, 0.00m), form.Funds);
    }

    /// <summary>A drawn cell on a page (top-down points of that page), cut by the page where <paramref name="cut"/> says.</summary>
    private static Cell W(int page, double left, double top, double right, double bottom, string text, PageCut cut = PageCut.None) =>
        new(page, new Box(left, top + (page - 1) * Geometry.PageStride, right, bottom + (page - 1) * Geometry.PageStride), text, page, Whole: true, Unit: 9, cut);

    [Fact]
    public void A_level_label_a_page_break_cut_in_two_closed_cells_is_whole_on_both_pages()
    {
        // word-gen181-024-calc: Word closes each page's part of the merged 社会效益指标 cell with rules and prints
        // 社会效益指 in the part on page 1, 标 in the part under the repeated header on page 2.
        List<Cell> cells =
        [
            W(1, 300, 40, 500, 60, "财政项目支出绩效目标申报表"),
            W(1, 25.4, 80, 84.1, 100, "项目名称"), W(1, 84.1, 80, 611.4, 100, "档案整理费"),
            W(1, 25.4, 498, 84.1, 520.9, "一级指标"), W(1, 84.1, 498, 150.8, 520.9, "二级指标"), W(1, 150.8, 498, 611.4, 520.9, "三级指标"), W(1, 611.4, 498, 810.6, 520.9, "年度指标值"),
            W(1, 25.4, 520.9, 84.1, 543.6, "产出指标"), W(1, 84.1, 520.9, 150.8, 543.6, "时效指标"), W(1, 150.8, 520.9, 611.4, 543.6, "第三方档案整理及时性"), W(1, 611.4, 520.9, 810.6, 543.6, "及时"),
            W(1, 25.4, 543.6, 84.1, 566.4, "效益指标"), W(1, 84.1, 543.6, 150.8, 566.4, "社会效益指"), W(1, 150.8, 543.6, 611.4, 566.4, "档案保管情况"), W(1, 611.4, 543.6, 810.6, 566.4, "无遗失损毁"),
            W(2, 25.4, 28.7, 84.1, 51.4, "一级指标"), W(2, 84.1, 28.7, 150.8, 51.4, "二级指标"), W(2, 150.8, 28.7, 611.4, 51.4, "三级指标"), W(2, 611.4, 28.7, 810.6, 51.4, "年度指标值"),
            W(2, 25.4, 51.4, 84.1, 74.2, "效益指标"), W(2, 84.1, 51.4, 150.8, 74.2, "标"), W(2, 150.8, 51.4, 611.4, 74.2, "档案利用率提升"), W(2, 611.4, 51.4, 810.6, 74.2, "同比有所提升"),
        ];
        var document = FormAssembler.Assemble(cells, "w");
        var form = Assert.Single(document.Forms);
        Assert.Equal(["时效指标", "社会效益指标", "社会效益指标"], form.Indicators.Select(i => i.Level2));
        Assert.Equal(["产出指标", "效益指标", "效益指标"], form.Indicators.Select(i => i.Level1));
    }

    [Fact]
    public void A_label_row_at_a_pages_foot_without_its_bottom_rule_is_not_joined_to_the_label_atop_the_next_page()
    {
        // gen149-004-chromium: 实施单位 is the last row of page 1 and Chromium drew no rule under it; the rule-less
        // cell of the same column atop page 2 is 项目资金（万元）, a label of its own.
        List<Cell> cells =
        [
            Q(1, 346.9, 476.7, 495.4, "财政项目支出绩效自评表", unit: 13.5),
            W(1, 28.9, 511.1, 111.4, 528.4, "项目名称："), W(1, 111.4, 511.1, 813.4, 528.4, "药械化稽查综合检查"),
            W(1, 28.9, 528.4, 111.4, 544.9, "主管部门："), W(1, 111.4, 528.4, 813.4, 544.9, "上海市药品监督管理局"),
            W(1, 28.9, 544.9, 111.4, 561.7, "实施单位：", PageCut.Below), W(1, 111.4, 544.9, 813.4, 561.7, "上海市药品监督管理局", PageCut.Below),
            W(2, 28.9, 34.1, 111.4, 130.1, "项目资金（万元）"), W(2, 472.1, 34.1, 571.1, 50.6, "年初预算数"),
            W(2, 111.4, 50.6, 184.9, 67.9, "年度资金总额"), W(2, 472.1, 50.6, 571.1, 67.9, "999.39"),
        ];
        var form = Assert.Single(FormAssembler.Assemble(cells, "h").Forms);
        Assert.Equal(("药械化稽查综合检查", "上海市药品监督管理局"), (form.Name, form.Unit));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_header_words_wrapped_last_line_is_no_rows_cell(bool ruled)
    {
        // gen149-017-calc: rules only between rows; 偏差原因分析 wrapped to 偏差原因分 / 析 in the header's band.
        // gen151c-003-chromium: the same without rules.
        (double, double)? header = ruled ? (696.5, 730.9) : null, row = ruled ? (730.9, 765.3) : null;
        List<Cell> cells =
        [
            Q(1, 210.4, 600, 385.9, "财政项目支出绩效自评表", unit: 13.5),
            Q(1, 44.2, 640, 80.2, "项目名称", (635, 650)), Q(1, 98.9, 640, 197.9, "信息化运维", (635, 650)),
            Q(1, 502.4, 702.3, 554.9, "偏差原因分", header),
            Q(1, 56.2, 709.9, 98.2, "一级指标", header), Q(1, 134.6, 709.9, 176.5, "二级指标", header),
            Q(1, 203.5, 709.9, 245.5, "三级指标", header), Q(1, 265.0, 709.9, 296.5, "指标值", header),
            Q(1, 318.0, 709.9, 370.4, "实际完成值", header), Q(1, 400.1, 709.9, 421.1, "分值", header),
            Q(1, 459.9, 709.9, 480.9, "得分", header), Q(1, 523.4, 717.5, 533.9, "析", header),
            Q(1, 56.2, 744.3, 98.2, "成本指标", row), Q(1, 124.0, 744.3, 186.9, "经济成本指标", row),
            Q(1, 196.3, 744.3, 248.7, "成本控制率", row), Q(1, 254.8, 744.3, 305.8, "≥0.00(%)", row),
            Q(1, 308.6, 744.3, 359.6, "4.17(%)", row), Q(1, 418.8, 744.3, 439.1, "4.00", row), Q(1, 479.4, 744.3, 499.7, "4.00", row),
        ];
        var indicator = Assert.Single(Assert.Single(FormAssembler.Assemble(cells, "h").Forms).Indicators);
        Assert.Equal(("成本控制率", 4.00m, (string?)null), (indicator.Name, indicator.Score, indicator.Deviation));
    }

    [Fact]
    public void A_word_processors_wide_line_spacing_keeps_a_wrapped_names_lines_in_one_row()
    {
        // word-gen157-007-chromium (a Word table printed by LibreOffice Writer, no borders): a name's lines 0.64 of
        // a letter apart, rows 0.95 apart, each row's values centred on its name. The fixed wrap gap (0.6) cut
        // every name line into a row of its own.
        var P = (double left, double top, double right, string text) => Q(1, left, top, right, text, unit: 9.5);
        List<Cell> cells =
        [
            Q(1, 250, 250, 400, "财政项目支出绩效自评表", unit: 13.5),
            P(45.8, 280, 83.8, "项目名称"), P(117.1, 280, 300, "法律法规专项业务经费"),
            P(45.8, 370.5, 83.8, "一级指标"), P(117.1, 370.5, 155.1, "二级指标"), P(187.9, 370.5, 225.9, "三级指标"),
            P(255.1, 370.5, 302.6, "年度指标值"), P(321.4, 370.5, 368.9, "实际完成值"), P(400.0, 370.5, 419.0, "分数"), P(460.6, 370.5, 479.6, "得分"),
            P(171.2, 396.9, 237.7, "我市药品行政审"),
            P(45.8, 412.5, 83.8, "产出指标"), P(117.1, 412.5, 155.1, "数量指标"), P(171.2, 412.5, 237.7, "批制度改革评估"),
            P(248.6, 412.5, 275.0, "=1(份)"), P(315.2, 412.5, 349.8, "1.00(份)"), P(414.5, 412.5, 437.9, "10.00"), P(472.9, 412.5, 496.3, "10.00"),
            P(171.2, 428.2, 190.2, "报告"),
            P(171.2, 446.7, 237.7, "我局年报或规范"),
            P(45.8, 454.5, 83.8, "产出指标"), P(117.1, 454.5, 155.1, "数量指标"),
            P(248.6, 454.5, 293.5, "≥2.00(份)"), P(315.2, 454.5, 350.6, "2.00(份)"), P(414.5, 454.5, 437.9, "10.00"), P(472.9, 454.5, 496.3, "10.00"),
            P(171.2, 462.3, 237.7, "制度文件翻译件"),
            P(171.2, 480.8, 237.7, "法律服务委派的"), P(248.6, 480.8, 304.8, "≥2(个工作日"), P(315.2, 480.8, 366.1, "2.00(个工作"),
            P(45.8, 488.6, 83.8, "产出指标"), P(117.1, 488.6, 155.1, "数量指标"), P(414.5, 488.6, 437.9, "10.00"), P(472.9, 488.6, 496.3, "10.00"),
            P(171.2, 496.5, 228.2, "律师工作时长"), P(248.6, 496.5, 271.1, "每周)"), P(315.2, 496.5, 347.2, "日每周)"),
            P(171.2, 515.0, 237.7, "我市药械化相关"),
            P(45.8, 522.8, 83.8, "产出指标"), P(117.1, 522.8, 155.1, "数量指标"),
            P(248.6, 522.8, 279.0, "≥1(份)"), P(315.2, 522.8, 349.8, "1.00(份)"), P(414.5, 522.8, 437.9, "10.00"), P(472.9, 522.8, 496.3, "10.00"),
            P(171.2, 530.6, 228.2, "地方立法初稿"),
            P(171.2, 549.1, 237.7, "法律专家、顾问"),
            P(45.8, 556.9, 83.8, "产出指标"), P(117.1, 556.9, 155.1, "质量指标"),
            P(248.6, 556.9, 296.1, "有指导意义"), P(315.2, 556.9, 353.2, "达成指标"), P(414.5, 556.9, 437.9, "10.00"), P(472.9, 556.9, 496.3, "10.00"),
            P(171.2, 564.7, 209.2, "反馈意见"),
            P(45.8, 583.2, 83.8, "产出指标"), P(117.1, 583.2, 155.1, "成本指标"), P(171.2, 583.2, 209.2, "律师费用"),
            P(248.6, 583.2, 286.6, "按合同"), P(315.2, 583.2, 353.2, "达成指标"), P(414.5, 583.2, 437.9, "5.00"), P(472.9, 583.2, 496.3, "5.00"),
        ];
        var form = Assert.Single(FormAssembler.Assemble(cells, "w").Forms);
        Assert.Equal(["我市药品行政审批制度改革评估报告", "我局年报或规范制度文件翻译件", "法律服务委派的律师工作时长", "我市药械化相关地方立法初稿", "法律专家、顾问反馈意见", "律师费用"], form.Indicators.Select(i => i.Name));
        Assert.Equal(["=1(份)", "≥2.00(份)", "≥2(个工作日每周)", "≥1(份)", "有指导意义", "按合同"], form.Indicators.Select(i => i.Target));
    }

    [Fact]
    public void A_label_copy_printed_above_its_page_stands_where_the_page_meets_the_one_before()
    {
        // gen0-032-calc: LibreOffice centres a merged 数量指标 on its whole cell, five rows on page 1 and one on page 2,
        // and prints it on both pages, on page 2 22 pt above the page's top; the copies say where the pages meet.
        List<Cell> cells =
        [
            Q(1, 161.1, 52.5, 434.2, "财政项目支出绩效目标申报表", unit: 21),
            Q(1, 51.1, 123.0, 107.1, "项目名称", unit: 14), Q(1, 118.6, 123.0, 216.6, "法律咨询与服务", unit: 14),
            Q(1, 118.9, 496.1, 174.9, "一级指标", unit: 14), Q(1, 179.1, 496.1, 235.1, "二级指标", unit: 14),
            Q(1, 305.4, 496.1, 361.4, "三级指标", unit: 14), Q(1, 470.6, 496.1, 512.6, "指标值", unit: 14),
            Q(1, 239.0, 530.4, 351.0, "行政执法文书指导", unit: 14), Q(1, 429.8, 530.4, 521.4, "=800.00(元/件)", unit: 14),
            Q(1, 239.0, 555.0, 379.0, "医保重大决策审核意见", unit: 14), Q(1, 429.8, 555.0, 521.4, "=800.00(元/件)", unit: 14),
            Q(1, 179.1, 556.6, 235.1, "经济成本", unit: 14), Q(1, 118.9, 564.8, 174.9, "成本指标", unit: 14), Q(1, 193.1, 573.0, 221.1, "指标", unit: 14),
            Q(1, 239.0, 589.4, 295.0, "法律培训", unit: 14), Q(1, 429.8, 589.4, 543.1, "=3000.00(元/半天)", unit: 14),
            Q(1, 239.0, 625.4, 421.0, "行政执法文书制作指导审查数", unit: 14), Q(1, 429.8, 633.6, 494.5, "=50.00(件)", unit: 14),
            Q(1, 239.0, 641.8, 253.0, "量", unit: 14),
            Q(1, 239.0, 668.0, 323.0, "法律培训次数", unit: 14), Q(1, 429.8, 668.0, 486.8, "=2.00(次)", unit: 14),
            Q(1, 239.0, 692.6, 407.0, "规范性文件起草、审核次数", unit: 14), Q(1, 429.8, 692.6, 486.8, "=2.00(次)", unit: 14),
            Q(1, 179.1, 714.7, 235.1, "数量指标", unit: 14),
            Q(1, 239.0, 717.1, 393.0, "局医保重大决策审核意见", unit: 14), Q(1, 429.8, 717.1, 486.8, "=1.00(次)", unit: 14),
            Q(1, 239.0, 743.3, 421.0, "合同、协议文本起草或法律修", unit: 14), Q(1, 429.8, 751.5, 494.5, "=10.00(次)", unit: 14),
            Q(1, 239.0, 759.7, 281.0, "改意见", unit: 14),
            Q(1, 118.9, 788.4, 174.9, "产出指标", unit: 14),
            Q(2, 179.1, -22.1, 235.1, "数量指标", unit: 14),
            Q(2, 239.0, 50.8, 421.0, "咨询、矛盾化解、提出法律意", unit: 14), Q(2, 118.9, 51.7, 174.9, "产出指标", unit: 14),
            Q(2, 429.8, 59.0, 494.5, "=10.00(次)", unit: 14), Q(2, 239.0, 67.2, 253.0, "见", unit: 14),
            Q(2, 239.0, 93.4, 365.0, "法律咨询意见采纳率", unit: 14), Q(2, 429.8, 93.4, 472.1, "=100%", unit: 14),
            Q(2, 179.1, 117.9, 235.1, "质量指标", unit: 14),
            Q(2, 239.0, 117.9, 393.0, "法律咨询服务有责投诉率", unit: 14), Q(2, 429.8, 117.9, 472.1, "=100%", unit: 14),
            Q(2, 239.0, 142.5, 337.0, "项目验收合格率", unit: 14), Q(2, 429.8, 142.5, 472.1, "=100%", unit: 14),
            Q(2, 239.0, 167.1, 393.0, "行政执法文书审查及时率", unit: 14), Q(2, 429.8, 167.1, 472.1, "=100%", unit: 14),
            Q(2, 179.1, 191.7, 235.1, "时效指标", unit: 14),
            Q(2, 239.0, 191.7, 337.0, "培训开展及时性", unit: 14), Q(2, 429.8, 191.7, 471.8, "及时性", unit: 14),
            Q(2, 239.0, 216.3, 365.0, "法律意见出具及时性", unit: 14), Q(2, 429.8, 216.3, 471.8, "及时性", unit: 14),
        ];
        var form = Assert.Single(FormAssembler.Assemble(cells, "q").Forms);
        Assert.Equal(
            ["经济成本指标", "经济成本指标", "经济成本指标", "数量指标", "数量指标", "数量指标", "数量指标", "数量指标", "数量指标", "质量指标", "质量指标", "质量指标", "时效指标", "时效指标", "时效指标"],
            form.Indicators.Select(i => i.Level2));
    }

    [Fact]
    public void A_label_split_by_a_page_break_is_joined_where_its_first_lines_stand()
    {
        // gen0-005-chromium: 其中：当年财政拨款 wrapped in a narrow column, 其 and 中： at the foot of page 3, the rest
        // atop page 4; the row's amounts stand level with 其.
        var plane = new CellPlane(
        [
            Q(1, 84.9, 761.3, 98.9, "其", unit: 14), Q(1, 390.7, 761.3, 425.6, "47.82", unit: 14), Q(1, 77.9, 780.1, 105.9, "中：", unit: 14),
            Q(2, 77.9, 36.8, 105.9, "当年", unit: 14), Q(2, 77.9, 55.6, 105.9, "财政", unit: 14), Q(2, 77.9, 74.3, 105.9, "拨款", unit: 14),
            Q(2, 77.9, 98.3, 105.9, "上年", unit: 14),
        ]);
        var label = Assert.Single(plane.Cells, c => c.Compact.StartsWith('其'));
        Assert.Equal("其中：当年财政拨款", label.Compact);
        Assert.Equal(1, label.Page);
        Assert.Equal(761.3, label.Box.Top, 1);
        Assert.Contains("跨页", label.Repair, StringComparison.Ordinal);
        Assert.Contains(plane.Cells, c => c.Compact == "上年");
    }

    [Fact]
    public void A_label_piece_at_a_pages_foot_does_not_join_text_deep_in_the_next_page()
    {
        // The piece atop the next page must be its first line: 中： stays apart from a 当年 further down.
        var plane = new CellPlane(
        [
            Q(1, 77.9, 780.1, 105.9, "其中：", unit: 14),
            Q(2, 77.9, 36.8, 105.9, "上年", unit: 14), Q(2, 77.9, 98.3, 105.9, "当年", unit: 14), Q(2, 77.9, 117.1, 105.9, "财政拨款", unit: 14),
        ]);
        Assert.DoesNotContain(plane.Cells, c => c.Compact.StartsWith("其中：当年", StringComparison.Ordinal));
    }

    [Fact]
    public void A_goal_centred_on_its_label_keeps_its_lines_above_the_label()
    {
        // gen83-034-calc: a borderless goal of six lines, 年度总体目标 level with the fourth; the amounts above it
        // (another row, another start) are not its lines.
        List<Cell> cells =
        [
            Q(1, 206.6, 422.6, 388.6, "财政项目支出绩效目标申报表", unit: 14),
            Q(1, 45.3, 470.0, 83.3, "项目名称", unit: 9.5), Q(1, 93.5, 470.0, 250.0, "医药集中招标采购", unit: 9.5),
            Q(1, 123.2, 560.7, 199.2, "年度资金申请总额", unit: 9.5), Q(1, 265.9, 560.7, 322.9, "当年财政拨款", unit: 9.5),
            Q(1, 368.3, 560.7, 425.3, "上年结转资金", unit: 9.5), Q(1, 477.8, 560.7, 515.8, "其他资金", unit: 9.5),
            Q(1, 40.5, 563.0, 88.0, "项目资金（", unit: 9.5), Q(1, 54.8, 576.6, 73.8, "元）", unit: 9.5),
            Q(1, 186.4, 579.0, 228.9, "3,219,600", unit: 9.5), Q(1, 315.6, 579.0, 358.1, "3,219,600", unit: 9.5),
            Q(1, 428.3, 579.0, 433.6, "0", unit: 9.5), Q(1, 552.7, 579.0, 558.0, "0", unit: 9.5),
            Q(1, 164.2, 596.5, 551.7, "一行，", unit: 9.5), Q(1, 164.2, 610.1, 555.9, "二行，", unit: 9.5), Q(1, 164.2, 623.7, 548.7, "三行，", unit: 9.5),
            Q(1, 71.2, 630.5, 128.2, "年度总体目标", unit: 9.5),
            Q(1, 164.2, 637.3, 553.7, "四行，", unit: 9.5), Q(1, 164.2, 650.9, 553.7, "五行，", unit: 9.5), Q(1, 164.2, 664.5, 268.7, "六行。", unit: 9.5),
            Q(1, 108.8, 682.0, 146.8, "一级指标", unit: 9.5), Q(1, 177.5, 682.0, 215.5, "二级指标", unit: 9.5),
            Q(1, 313.3, 682.0, 351.3, "三级指标", unit: 9.5), Q(1, 457.9, 682.0, 535.8, "年度(/项目)指标值", unit: 9.5),
            Q(1, 108.8, 700.3, 146.8, "成本指标", unit: 9.5), Q(1, 168.0, 700.3, 225.0, "经济成本指标", unit: 9.5),
            Q(1, 230.9, 700.3, 278.4, "成本节约率", unit: 9.5), Q(1, 435.7, 700.3, 491.9, "≥0.00（%）", unit: 9.5),
        ];
        var form = Assert.Single(FormAssembler.Assemble(cells, "g").Forms);
        Assert.Equal("一行，二行，三行，四行，五行，六行。", form.Goal);
        Assert.Equal(3219600m, form.Funds?.AnnualTotal);
    }

    [Fact]
    public void Amounts_atop_the_next_page_are_the_values_of_money_labels_at_the_foot_of_the_page_before()
    {
        // gen97c-024-chromium: drawn cells 年度资金总额 … at the foot of page 2; the amounts' row atop page 3 lost its top
        // rule to the page break.
        static Cell W(int page, double left, double top, double right, double bottom, string text, PageCut cut = PageCut.None) =>
            new(page, new Box(left, top + (page - 1) * Geometry.PageStride, right, bottom + (page - 1) * Geometry.PageStride), text, page, Whole: true, Unit: 10, cut);
        var plane = new CellPlane(
        [
            W(2, 78.4, 764.6, 211.9, 796.9, "年度资金总额"), W(2, 211.9, 764.6, 376.9, 796.9, "当年财政拨款"),
            W(3, 78.4, 33.7, 211.9, 52.1, "240,883,888.46", PageCut.Above), W(3, 211.9, 33.7, 376.9, 52.1, "240,883,888.46", PageCut.Above),
            W(3, 28.9, 52.1, 121.9, 137.6, "年度总体目标"),
        ]);
        var label = Assert.Single(plane.Cells, c => c.Text == "年度资金总额");
        Assert.Equal("240,883,888.46", plane.Below(label)?.Text);
        Assert.Equal(3, plane.Below(label)?.Page);

        // A drawn cell further down the next page, with its top rule, is no value of the label.
        var apart = new CellPlane([W(2, 78.4, 764.6, 211.9, 796.9, "年度资金总额"), W(3, 78.4, 33.7, 211.9, 52.1, "240,883,888.46")]);
        Assert.Null(apart.Below(apart.Cells[0]));
    }

    /// <summary>A one-page PDF in Helvetica with vertical rules at <paramref name="columns"/> from y0 to y1 (PDF points, y up).</summary>
    private static (PdfDocumentBuilder Builder, PdfPageBuilder Page, PdfDocumentBuilder.AddedFont Font) Ruled(double[] columns, double y0, double y1)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        foreach (var x in columns)
        {
            page.DrawLine(new PdfPoint(x, y0), new PdfPoint(x, y1));
        }

        return (builder, page, font);
    }

    [Fact]
    public void Letters_past_a_tables_cut_go_to_the_empty_cell_of_their_column()
    {
        // gen59-024-calc: LibreOffice centres a merged label on its whole cell, so on a page holding only the
        // cell's top its text stands under the table (or off the page), and the cell's part on the page is empty.
        var (builder, page, font) = Ruled([100, 200, 300], 700, 800);
        page.DrawLine(new PdfPoint(100, 800), new PdfPoint(300, 800));
        page.DrawLine(new PdfPoint(200, 750), new PdfPoint(300, 750)); // the right column has rows; the left one is cut below, empty
        page.AddText("ONE", 11, new PdfPoint(210, 770), font);
        page.AddText("TWO", 11, new PdfPoint(210, 720), font);
        page.AddText("LABEL", 11, new PdfPoint(120, 640), font); // 60 pt under the table's cut

        var layout = PdfCells.Read(builder.Build());
        var label = Assert.Single(layout.Cells, c => c.Text == "LABEL");
        Assert.True(label.Whole);
        Assert.Equal(PageCut.Below, label.Cut);
        Assert.Equal(100, label.Box.Left, 1);
        Assert.Contains("LABEL".Select(c => c.ToString()), l => label.Repair!.Contains(l, StringComparison.Ordinal));
        Assert.Equal(["ONE", "TWO"], layout.Cells.Where(c => c.Box.Left > 150).OrderBy(c => c.Box.Top).Select(c => c.Text));
    }

    [Fact]
    public void Letters_under_a_cut_cell_that_has_text_stay_free()
    {
        var (builder, page, font) = Ruled([100, 200], 700, 800);
        page.DrawLine(new PdfPoint(100, 800), new PdfPoint(200, 800));
        page.AddText("OWN", 11, new PdfPoint(120, 770), font);
        page.AddText("NOTE", 11, new PdfPoint(120, 640), font);

        var layout = PdfCells.Read(builder.Build());
        Assert.Equal("OWN", Assert.Single(layout.Cells, c => c.Whole).Text);
        Assert.False(Assert.Single(layout.Cells, c => c.Text == "NOTE").Whole);
    }

    [Fact]
    public void A_line_a_pitch_above_a_cut_cells_first_line_is_its_line_before()
    {
        // gen59-024-calc: 产出指 in the top margin of page 7, 5.7 pt above the rest of the merged cell, whose 标 stands
        // a line pitch below it just inside the cell.
        var (builder, page, font) = Ruled([100, 200], 700, 800);
        page.DrawLine(new PdfPoint(100, 700), new PdfPoint(200, 700)); // no rule above: the page cut it
        page.AddText("AAA", 11, new PdfPoint(120, 807.9), font); // its box 5.7 pt above the cell's top
        page.AddText("B", 11, new PdfPoint(120, 791.8), font);

        var layout = PdfCells.Read(builder.Build());
        var cell = Assert.Single(layout.Cells);
        Assert.Equal("AAAB", cell.Text);
        Assert.Equal(PageCut.Above, cell.Cut);
    }
}
