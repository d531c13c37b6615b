using Jixiao.Domain.Model;
using Jixiao.Formats.Disclosure;
using Jixiao.Formats.Layout;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Jixiao.Tests.Reading;

/// <summary>Geometry repairs of the PDF path (page cuts, page numbers, goal texts) and the diagnostics they leave.</summary>
public class PdfGeometryRepairTests
{
    [Fact]
    public void A_horizontal_bar_from_pdfpig_is_read_as_the_em_dash_and_radicals_still_map()
    {
        // gen91c-010-chromium: PdfPig gave （2024―2026年） where the PDF's ToUnicode and pdftotext say （2024—2026年）.
        Assert.Equal("（2024—2026年）", string.Concat("（2024\u20152026年）".Select(PdfCells.LetterChar)));
        Assert.Equal('\u2014', PdfCells.LetterChar('\u2014'));
        Assert.Equal('门', PdfCells.LetterChar('⻔'));
        Assert.Equal('≥', PdfCells.LetterChar('≥'));
    }

    private static Cell P(double left, double top, double right, string text, double unit = 9) =>
        new(1, new Box(left, top, right, top + unit), text, 1, Whole: false, Unit: unit);

    [Fact]
    public void Letters_below_a_page_cut_cell_are_its_rest_and_kept_once_when_the_next_page_repeats_them()
    {
        // gen0-009-chromium: a merged 产出指标 is cut by the page after 产出指, its 标 printed 0.07 em under the cut;
        // gen59-024-calc prints such a letter again at the top of the cell's rest on the next page.
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var first = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        foreach (var x in new[] { 100.0, 200.0 })
        {
            first.DrawLine(new PdfPoint(x, 700), new PdfPoint(x, 760));
        }

        first.DrawLine(new PdfPoint(100, 760), new PdfPoint(200, 760)); // no rule under the cell: the page cuts it
        first.AddText("AAA", 14, new PdfPoint(110, 720), font);
        first.AddText("B", 14, new PdfPoint(110, 700 - 0.8 * 14 - 1), font); // its top 1 pt under the cut
        var second = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        foreach (var x in new[] { 100.0, 200.0 })
        {
            second.DrawLine(new PdfPoint(x, 700), new PdfPoint(x, 800));
        }

        second.DrawLine(new PdfPoint(100, 700), new PdfPoint(200, 700)); // no rule above: the rest of the cut cell
        second.AddText("BCC", 14, new PdfPoint(110, 760), font);

        var layout = PdfCells.Read(builder.Build());
        var cut = Assert.Single(layout.Cells, c => c.Page == 1);
        Assert.Equal("AAAB", cut.Text);
        Assert.Equal("B", cut.Overflow);
        Assert.Contains("B", cut.Repair);

        var plane = new CellPlane(layout.Cells);
        var joined = Assert.Single(plane.Cells);
        Assert.Equal("AAABCC", joined.Text);
        var repairs = plane.Repairs.ToList();
        Assert.Single(repairs);
        Assert.StartsWith("第1页 (100,82)–(200,142)：", repairs[0], StringComparison.Ordinal);
        Assert.Contains("第2页", repairs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_number_on_the_baseline_of_a_cell_overflow_is_left_out()
    {
        // calc-narrow: 第 5 页，共 6 页 shares a baseline with the 标 of a level label printed past the table, 13 em
        // to its left, so the line as a whole is no page number; the run set apart is.
        static PdfCells.Glyph G(char c, double left, double size = 10) => new(c, new Box(left, 810.8, left + size, 820.8), 818.8, size);
        List<PdfCells.Glyph> line = [G('标', 118.6, 12), G('第', 257.7), G('5', 272.7, 5), G('页', 282.7), G('，', 292.7), G('共', 302.7), G('6', 317.7, 5), G('页', 327.7)];
        Assert.Equal(["标"], PdfCells.WithoutFurnitureRun(line, 842).Select(g => g.Value.ToString()));

        // A bare number set apart is kept: it is as likely a weight in the table's last row.
        List<PdfCells.Glyph> row = [G('标', 118.6, 12), G('8', 400, 5)];
        Assert.Equal(2, PdfCells.WithoutFurnitureRun(row, 842).Count);
    }

    [Fact]
    public void Stacked_goal_and_outcome_split_at_the_gap_between_their_texts()
    {
        // chromium-borderless-landscape: 预期目标 above 实际完成情况, each beside its text; the outcome's first two lines
        // stand above its label, under the goal's, set apart by a wider gap than the line pitch.
        List<Cell> cells =
        [
            P(300, 20, 450, "财政项目支出绩效自评表"),
            P(55, 40, 91, "项目名称"), P(144.8, 40, 300, "化妆品监管"),
            P(144.8, 366.3, 180.8, "其他资金"), P(474.9, 366.3, 493.8, "0.00"), P(571.4, 366.3, 590.2, "0.00"),
            P(210.5, 382.0, 793.7, "1、年内完成化妆品注册和备案检验机构监管。"),
            P(100.0, 388.0, 136.0, "预期目标"),
            P(210.5, 394.8, 653.3, "2、年内完成化妆品数字化工厂的标准制定。"),
            P(210.5, 410.5, 802.7, "1、已完成化妆品注册和备案检验机构监管。"),
            P(210.5, 422.5, 807.8, "2、树立行业标杆，"),
            P(91.0, 434.5, 145.0, "实际完成情况"),
            P(210.5, 434.5, 802.7, "连续两年共培育10家数字化转型标杆企业。"),
            P(210.5, 447.3, 800.9, "3、联合上海研究院完成评估报告一份。"),
            P(210.5, 459.3, 354.5, "4、完成培训。"),
            P(55.3, 479.5, 91.3, "一级指标"), P(144.8, 479.5, 180.8, "二级指标"), P(279.1, 479.5, 315.1, "三级指标"),
            P(405.2, 479.5, 478.3, "年度(/项目)指标值"), P(522.5, 479.5, 567.5, "实际完成值"), P(611.8, 479.5, 629.8, "分值"), P(666.9, 479.5, 684.9, "得分"),
            P(55.3, 495.3, 91.3, "产出指标"), P(144.8, 495.3, 180.8, "数量指标"), P(210.5, 495.3, 336.5, "检验机构检查家数"),
            P(389.6, 495.3, 435.8, "≥10.00(家)"), P(499.8, 495.3, 547.5, "15.00(家)"), P(621.1, 495.3, 645.4, "10.00"), P(676.2, 495.3, 700.5, "10.00"),
        ];
        var form = Assert.Single(FormAssembler.Assemble(cells, "s").Forms);
        Assert.Equal("1、年内完成化妆品注册和备案检验机构监管。2、年内完成化妆品数字化工厂的标准制定。", form.Goal);
        Assert.Equal("1、已完成化妆品注册和备案检验机构监管。2、树立行业标杆，连续两年共培育10家数字化转型标杆企业。3、联合上海研究院完成评估报告一份。4、完成培训。", form.Outcome);
    }

    [Fact]
    public void Side_by_side_outcome_keeps_a_short_last_line_that_starts_at_its_column()
    {
        // chromium-borderless: the outcome's last line 益。 is centred left of the middle between the two headers,
        // but starts where every outcome line starts.
        List<Cell> cells =
        [
            P(200, 20, 400, "财政项目支出绩效自评表", 10),
            P(37, 40, 87, "项目名称", 10), P(99, 40, 300, "档案管理", 10),
            P(177.0, 621.2, 217.0, "预期目标", 10), P(402.9, 621.2, 462.9, "实际完成情况", 10),
            P(98.9, 639.2, 278.8, "保证医保业务档案的完整、安全和有效利", 10), P(301.1, 639.2, 563.1, "2024年保障了医保业务档案的", 10),
            P(98.9, 652.7, 208.9, "用，保障权益。", 10), P(301.1, 652.7, 561.0, "完整，保障了本市参保人的权益和利", 10),
            P(301.1, 666.2, 321.1, "益。", 10),
            P(42.2, 721.0, 82.2, "一级指标", 10), P(109.6, 721.0, 149.6, "二级指标", 10), P(177.0, 721.0, 217.0, "三级指标", 10),
            P(234.6, 721.0, 294.3, "年度指标值", 10), P(306.8, 721.0, 356.8, "实际完成值", 10), P(389.2, 721.0, 409.2, "分值", 10), P(456.6, 721.0, 476.6, "得分", 10),
            P(42.2, 740, 82.2, "产出指标", 10), P(109.6, 740, 149.6, "数量指标", 10), P(177.0, 740, 217.0, "归档率", 10),
            P(234.6, 740, 280, "=100%", 10), P(306.8, 740, 350, "100%", 10), P(389.2, 740, 409.2, "10", 10), P(456.6, 740, 476.6, "10", 10),
        ];
        var document = FormAssembler.Assemble(cells, "b");
        var form = Assert.Single(document.Forms);
        Assert.Equal("保证医保业务档案的完整、安全和有效利用，保障权益。", form.Goal);
        Assert.Equal("2024年保障了医保业务档案的完整，保障了本市参保人的权益和利益。", form.Outcome);
        Assert.Contains(document.Diagnostics, d => d.Code == DiagnosticCodes.CellMoved && d.Message.Contains("益。", StringComparison.Ordinal));
    }

    [Fact]
    public void A_goal_beside_its_label_runs_past_a_piece_its_next_line_runs_under()
    {
        // gen0-036-calc: 1、…；, 2、… and 3、扩 are printed a space apart on the goal's first line; its second line
        // runs under 2、…, so the pieces right of the first are the goal, not another column.
        List<Cell> cells =
        [
            P(300, 20, 500, "财政项目支出绩效目标申报表", 13),
            P(72, 60, 130, "项目名称", 13), P(186, 60, 400, "热线服务", 13),
            P(186.1, 413.7, 389.1, "1、优化资源配置，提升服务潜力；", 13), P(393.1, 413.7, 765.3, "2、扩展服务中心服务方式，提升电话接通率；", 13), P(769.4, 413.7, 803.2, "3、扩", 13),
            P(72.2, 421.9, 150.2, "年度总体目标", 13),
            P(186.1, 430.2, 511.5, "展智能化技术应用，多种手段提升服务质量与运营效能。", 13),
            P(113.8, 453.9, 165.8, "一级指标", 13), P(224.0, 453.9, 276.0, "二级指标", 13), P(450.0, 453.9, 502.0, "三级指标", 13), P(701.2, 453.9, 740.2, "指标值", 13),
            P(113.8, 476.8, 165.8, "产出指标", 13), P(224.0, 476.8, 276.0, "数量指标", 13), P(315.9, 476.8, 380.9, "转接接听率", 13), P(701.2, 476.8, 740.2, "≥90%", 13),
        ];
        var form = Assert.Single(FormAssembler.Assemble(cells, "g").Forms);
        Assert.Equal("1、优化资源配置，提升服务潜力；2、扩展服务中心服务方式，提升电话接通率；3、扩展智能化技术应用，多种手段提升服务质量与运营效能。", form.Goal);
    }
    [Fact]
    public void A_heading_wrapped_before_总表_is_the_next_forms_group()
    {
        // gen0-028-chromium: …2023年度项目绩效目标汇 / 总表 was read as the last row of the form before it.
        List<Cell> cells =
        [
            P(31.3, 218.8, 565.0, "上海市医药集中招标采购事务管理所（上海医药采购中心）2023年度项目绩效目标汇", 14.3),
            P(283.8, 238.3, 312.4, "总表", 14.3),
            P(190.9, 262.0, 405.4, "财政项目支出绩效目标申报表", 16.5),
            P(28.9, 302.6, 85.1, "项目名称", 11), P(90, 302.6, 268.1, "医药集中招标采购工作经费", 11),
        ];
        var form = Assert.Single(FormAssembler.Assemble(cells, "h").Forms);
        Assert.Equal("上海市医药集中招标采购事务管理所（上海医药采购中心）2023年度项目绩效目标汇总表", form.Group);
    }
    [Theory]
    [InlineData("2,666.182,666.18", "2,666.18", "2,666.18")] // gen0-034-calc: two money columns 0.1 em apart
    [InlineData("100.00100.00", "100.00", "100.00")]
    [InlineData("99.23-", "99.23", "-")] // gen0-025-calc: the rate and the next column's empty mark
    [InlineData("0-", "0", "-")]
    [InlineData("70.04/", "70.04", "/")] // gen59-020-calc
    public void Glued_values_of_neighbouring_columns_are_cut_apart_with_a_note(string glued, string first, string second)
    {
        var plane = new CellPlane([new Cell(4, new Box(391, 300234.1, 429, 300246.1), glued, 4, Whole: false, Unit: 12)]);
        Assert.Equal([first, second], plane.Cells.Select(c => c.Compact));
        Assert.True(plane.Cells[0].Box.Right <= plane.Cells[1].Box.Left);
        Assert.StartsWith("第4页 (391,300234.1)", Assert.Single(plane.Repairs), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.123")] // one number with three decimals
    [InlineData("2,666.18")]
    [InlineData("-5")]
    public void A_single_value_is_not_cut(string value) =>
        Assert.Equal([value], new CellPlane([new Cell(1, new Box(391, 234, 429, 246), value, 1, Whole: false, Unit: 12)]).Cells.Select(c => c.Compact));
    [Fact]
    public void A_page_number_in_the_bottom_margin_is_taken_out_before_letters_go_to_cells()
    {
        // chromium-long-thead: a goal cell cut by the page runs to the page's edge, and 第4页，共13页 stood inside it.
        static PdfCells.Glyph G(char c, double left, double top, double size = 10) => new(c, new Box(left, top, left + size, top + size), top + 8, size);
        var footer = "第4页，共13页".Select((c, i) => G(c, 260 + 10 * i, 815)).ToList();
        List<PdfCells.Glyph> text = [G('能', 80, 700), G('力', 90, 700), G('。', 100, 700)];
        Assert.Equal("能力。", string.Concat(PdfCells.WithoutPageNumbers([.. text, .. footer], 842).Select(g => g.Value)));

        // The same words in the page's body are a cell's text.
        var body = "第4页，共13页".Select((c, i) => G(c, 260 + 10 * i, 400)).ToList();
        Assert.Equal(body.Count, PdfCells.WithoutPageNumbers(body, 842).Count);
    }
    [Fact]
    public void Money_labels_at_a_pages_foot_pair_with_the_amounts_atop_the_next()
    {
        // calc-borderless: 年度资金申请总额 … 其他资金 end page 1; their amounts are page 2's first row.
        static Cell Q(int page, double left, double top, double right, string text) =>
            new(page, new Box(left, top + (page - 1) * Geometry.PageStride, right, top + (page - 1) * Geometry.PageStride + 9.3), text, page, Whole: false, Unit: 9.3);
        List<Cell> cells =
        [
            Q(1, 250, 40, 400, "财政项目支出绩效目标申报表"),
            Q(1, 46.5, 693.5, 93.0, "项目名称："), Q(1, 103.2, 693.5, 224.2, "少儿学生基本医疗保障工作专项"),
            Q(1, 130.2, 772.7, 204.7, "年度资金申请总额"), Q(1, 269.6, 772.7, 325.4, "当年财政拨款"), Q(1, 367.3, 772.7, 423.1, "上年结转资金"), Q(1, 474.2, 772.7, 511.4, "其他资金"),
            Q(1, 41.8, 775.6, 97.6, "项目资金（元"), Q(1, 65.1, 787.2, 74.4, "）"),
            Q(2, 41.8, 26.5, 97.6, "项目资金（元"), Q(2, 65.1, 38.2, 74.4, "）"),
            Q(2, 172.7, 47.6, 231.4, "10528180.00"), Q(2, 302.9, 47.6, 361.6, "10528180.00"), Q(2, 407.2, 47.6, 426.7, "0.00"), Q(2, 537.4, 47.6, 556.9, "0.00"),
            Q(2, 334.7, 65.4, 390.5, "年度总体目标"), Q(2, 103.2, 82.9, 428.9, "按时完成工作经费的拨付。"),
        ];
        var form = Assert.Single(FormAssembler.Assemble(cells, "c").Forms);
        Assert.Equal(new Funds(10528180m, 10528180m, 0m, 0m), form.Funds);
    }
    [Fact]
    public void A_wrapped_deviation_centred_on_its_row_goes_whole_to_that_row()
    {
        // chromium-borderless-landscape: the deviation's four lines are centred on the second row, the first one
        // level with the row above; the next row's text is a row's padding further down.
        List<Cell> cells =
        [
            P(300, 10, 450, "财政项目支出绩效自评表"),
            P(55, 20, 91, "项目名称"), P(144.8, 20, 300, "化妆品监管"),
            P(55.3, 37.8, 91.3, "一级指标"), P(144.8, 37.8, 180.8, "二级指标"), P(279.1, 37.8, 315.1, "三级指标"),
            P(405.2, 37.8, 478.3, "年度(/项目)指标值"), P(522.5, 37.8, 567.5, "实际完成值"), P(611.8, 37.8, 629.8, "分值"), P(666.9, 37.8, 684.9, "得分"),
            P(709.1, 37.8, 808.1, "偏差原因分析及改进措施"),
            P(55.3, 60, 91.3, "产出指标"), P(144.8, 60, 180.8, "数量指标"),
            P(210.5, 60, 381.5, "评选数字化转型标杆企业"), P(389.6, 60, 428.3, "=5.00(家)"), P(499.8, 60, 533.1, "5.00(家)"), P(621.1, 60, 645.4, "10.00"), P(676.2, 60, 700.5, "10.00"),
            P(706.5, 81.7, 805.5, "新增贯彻落实新版《化妆"), P(706.5, 94.5, 805.5, "品生产质量管理规范》符"),
            P(210.5, 100.5, 345.5, "开展化妆品企业实地检查督查家数"), P(389.6, 100.5, 435.8, "≥20.00(家)"), P(499.8, 100.5, 538.5, "76.00(家)"), P(621.1, 100.5, 645.4, "10.00"), P(676.2, 100.5, 700.5, "10.00"),
            P(706.5, 106.5, 805.5, "合性检查，故实地检查家"), P(706.5, 118.5, 742.5, "数增加。"),
            P(210.5, 134.2, 318.5, "化妆品企业参加培训人次数"), P(389.6, 134.2, 444.5, ">2000.00(人)"), P(499.8, 134.2, 549.3, "2200.00(人)"), P(626.5, 134.2, 645.4, "5.00"), P(681.6, 134.2, 700.5, "5.00"),
        ];
        var form = Assert.Single(FormAssembler.Assemble(cells, "d").Forms);
        Assert.Equal([null, "新增贯彻落实新版《化妆品生产质量管理规范》符合性检查，故实地检查家数增加。", null], form.Indicators.Select(i => i.Deviation is { Length: > 0 } d ? d : null));
    }
    /// <summary>
    /// gen91c-024-chromium (partly ruled, cells centred), end of page 2 and top of page 3 as pages 1 and 2: a
    /// deviation wrapped past the page's foot ends atop the next page (一年度。), above that page's first row; the
    /// 质量指标 label stands at the middle of its band of rules, whose first row the break parts from 数量指标's rows.
    /// </summary>
    private static List<Cell> CarriedOverPage()
    {
        static Cell Q(int page, double left, double top, double right, string text, (double Top, double Bottom)? band = null) =>
            new(page, new Box(left, top + (page - 1) * Geometry.PageStride, right, top + (page - 1) * Geometry.PageStride + 9.5), text, page, Whole: false, Unit: 9.5)
            {
                Band = band is { } b ? (b.Top + (page - 1) * Geometry.PageStride, b.Bottom + (page - 1) * Geometry.PageStride) : null,
            };
        return
        [
            Q(1, 220, 480, 380, "财政项目支出绩效自评表"),
            Q(1, 34.3, 500, 72.3, "项目名称"), Q(1, 135.7, 500, 300, "化妆品监督管理业务经费"),
            Q(1, 34.3, 578.9, 72.3, "一级指标"), Q(1, 86.4, 578.9, 124.4, "二级指标"), Q(1, 160.4, 578.9, 198.4, "三级指标"),
            Q(1, 250.3, 578.9, 298.7, "年度指标值"), Q(1, 333.5, 578.9, 380.9, "实际完成值"), Q(1, 408.9, 578.9, 427.9, "分值"),
            Q(1, 460.2, 578.9, 479.2, "得分"), Q(1, 497.7, 578.9, 564.1, "偏差原因分析及改进措施"),
            Q(1, 34.3, 602.9, 72.3, "产出指标"), Q(1, 86.4, 602.9, 124.4, "数量指标"),
            Q(1, 135.7, 659.2, 173.6, "巡查频次"), Q(1, 229.1, 659.2, 267.1, "有效提升"), Q(1, 325.9, 659.2, 344.9, "健全"),
            Q(1, 431.8, 659.2, 442.3, "15"), Q(1, 467.6, 659.2, 491.1, "13.87"),
            Q(1, 135.7, 732.7, 192.6, "设备采购数量"), Q(1, 229.1, 732.7, 248.1, "达标"), Q(1, 325.9, 732.7, 344.9, "达标"),
            Q(1, 437.0, 732.7, 442.3, "6"), Q(1, 485.8, 732.7, 491.1, "5"),
            Q(1, 135.7, 780.7, 209.3, "APP月活跃用户数"), Q(1, 229.1, 780.7, 302.0, "≥15348.68（项）"), Q(1, 325.9, 780.7, 365.0, "14921.20"),
            Q(1, 437.0, 780.7, 442.3, "2"), Q(1, 485.8, 780.7, 491.1, "2"), Q(1, 497.1, 780.7, 563.5, "受疫情影响，部"),
            Q(1, 325.9, 793.4, 354.4, "（项）"), Q(1, 497.1, 793.4, 563.5, "分培训延期至下"),
            Q(2, 497.1, 35.9, 535.0, "一年度。"),
            Q(2, 135.7, 53.2, 209.3, "APP月活跃用户数", (49.1, 66.4)), Q(2, 229.1, 53.2, 248.1, "良好", (49.1, 66.4)), Q(2, 325.9, 53.2, 344.9, "良好", (49.1, 66.4)),
            Q(2, 437.0, 53.2, 442.3, "3", (49.1, 66.4)), Q(2, 485.8, 53.2, 491.1, "2", (49.1, 66.4)),
            Q(2, 135.7, 77.2, 192.6, "设备采购数量", (66.4, 97.1)), Q(2, 229.1, 77.2, 248.1, "达标", (66.4, 97.1)), Q(2, 325.9, 77.2, 344.9, "达标", (66.4, 97.1)),
            Q(2, 431.8, 77.2, 442.3, "15", (66.4, 97.1)), Q(2, 472.8, 77.2, 491.1, "9.84", (66.4, 97.1)),
            Q(2, 86.4, 96.7, 124.4, "质量指标", (49.1, 152.6)),
            Q(2, 135.7, 120.7, 173.6, "巡查频次", (97.1, 152.6)), Q(2, 229.1, 120.7, 248.1, "良好", (97.1, 152.6)), Q(2, 325.9, 120.7, 344.9, "良好", (97.1, 152.6)),
            Q(2, 437.0, 120.7, 442.3, "3", (97.1, 152.6)), Q(2, 485.8, 120.7, 491.1, "3", (97.1, 152.6)),
            Q(2, 86.4, 170.2, 124.4, "时效指标", (152.6, 196.1)), Q(2, 135.7, 170.2, 173.6, "覆盖区数", (152.6, 196.1)), Q(2, 229.1, 170.2, 248.1, "达标", (152.6, 196.1)),
            Q(2, 325.9, 170.2, 344.9, "达标", (152.6, 196.1)), Q(2, 437.0, 170.2, 442.3, "5", (152.6, 196.1)), Q(2, 485.8, 170.2, 491.1, "5", (152.6, 196.1)),
        ];
    }

    [Fact]
    public void A_wrapped_texts_end_atop_the_next_page_goes_on_the_previous_pages_last_row()
    {
        var document = FormAssembler.Assemble(CarriedOverPage(), "e");
        var form = Assert.Single(document.Forms);
        Assert.Equal([null, null, "受疫情影响，部分培训延期至下一年度。", null, null, null, null], form.Indicators.Select(i => i.Deviation));
        Assert.Contains(document.Diagnostics, d => d.Code == DiagnosticCodes.CellMoved && d.Message.Contains("一年度。", StringComparison.Ordinal));
    }

    [Fact]
    public void A_level_label_between_rules_holds_every_row_in_its_band()
    {
        var form = Assert.Single(FormAssembler.Assemble(CarriedOverPage(), "f").Forms);
        Assert.Equal(["数量指标", "数量指标", "数量指标", "质量指标", "质量指标", "质量指标", "时效指标"], form.Indicators.Select(i => i.Level2));
    }
    [Fact]
    public void A_number_running_over_a_vertical_rule_goes_back_to_its_cell()
    {
        // gen91c-013-chromium: 830,711.28 is too wide for the 32 pt 上年结转资金 cell and runs on into 其他资金,
        // printed as 830,7 | 11.28 430,882.96; the letters follow on without a space's gap.
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        foreach (var x in new[] { 435.4, 467.6, 567.4 })
        {
            page.DrawLine(new PdfPoint(x, 528.9), new PdfPoint(x, 548.4));
        }

        foreach (var y in new[] { 528.9, 548.4 })
        {
            page.DrawLine(new PdfPoint(435.4, y), new PdfPoint(567.4, y));
        }

        page.AddText("830,711.28", 11, new PdfPoint(437.4, 534.6), font);
        page.AddText("430,882.96", 11, new PdfPoint(500.1, 534.6), font);

        var layout = PdfCells.Read(builder.Build());
        Assert.Equal(["830,711.28", "430,882.96"], layout.Cells.OrderBy(c => c.Box.Left).Select(c => c.Text));
        Assert.Contains("11.28", layout.Cells.MinBy(c => c.Box.Left)!.Repair, StringComparison.Ordinal);
    }
    [Fact]
    public void A_number_running_over_a_rule_into_the_next_cells_number_keeps_its_letters()
    {
        // gen91c-008-chromium: 432.00 too wide for a narrow 分值 cell runs on over 336.29 in the 得分 cell,
        // the letters of both among each other: each number's run of letters stays whole in the cell it begins in.
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        foreach (var x in new[] { 435.4, 455.4, 567.4 })
        {
            page.DrawLine(new PdfPoint(x, 528.9), new PdfPoint(x, 548.4));
        }

        foreach (var y in new[] { 528.9, 548.4 })
        {
            page.DrawLine(new PdfPoint(435.4, y), new PdfPoint(567.4, y));
        }

        page.AddText("432.00", 11, new PdfPoint(437.4, 534.6), font);
        page.AddText("336.29", 11, new PdfPoint(457.4, 534.6), font);

        var layout = PdfCells.Read(builder.Build());
        Assert.Equal(["432.00", "336.29"], layout.Cells.OrderBy(c => c.Box.Left).Select(c => c.Text));
        Assert.Contains("00", layout.Cells.MinBy(c => c.Box.Left)!.Repair, StringComparison.Ordinal);
    }
}
