using Jixiao.Domain.Model;
using Jixiao.Formats.Layout;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Jixiao.Tests.Reading;

/// <summary>The PDF geometry stage on small built PDFs: how letters become pieces and cells.</summary>
public class PdfGeometryTests
{
    [Fact]
    public void A_column_whose_every_row_is_glued_tight_still_splits_where_it_starts()
    {
        // gen59-030-calc: a narrow label column wraps (项目名 / 称：) and its first line runs to 3 pt (a quarter
        // of the font size) before the value column; every row of that column is as tight, so no wider gap
        // ever marked the column's edge. Four rows glued at 1.5 pt (10 pt font) mark it all the same.
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var width = page.MeasureText("AAAA", 10, PdfPoint.Origin, font).Max(l => l.EndBaseLine.X);
        for (var row = 0; row < 4; row++)
        {
            page.AddText("AAAA", 10, new PdfPoint(200 - 1.5 - width, 700 - 20 * row), font);
            page.AddText("BBB" + row, 10, new PdfPoint(200, 700 - 20 * row), font);
        }

        var texts = PdfCells.Read(builder.Build()).Cells.Select(c => c.Text).ToList();
        Assert.Equal(["AAAA", "BBB0", "AAAA", "BBB1", "AAAA", "BBB2", "AAAA", "BBB3"], texts);
    }

    [Fact]
    public void A_column_edge_counted_on_other_pages_splits_a_glued_value_on_a_short_page()
    {
        // gen107-010-calc: page 5 holds a name glued to its target (度的医保业务档案和文=100.00(%), 2.6 pt apart at
        // 11 pt) and only two other targets at that x; the other pages start a dozen targets there.
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var first = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        for (var row = 0; row < 4; row++)
        {
            first.AddText("CC" + row, 11, new PdfPoint(100, 700 - 20 * row), font);
            first.AddText("=" + row, 11, new PdfPoint(286, 700 - 20 * row), font);
        }

        var second = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var width = second.MeasureText("AAAA", 11, PdfPoint.Origin, font).Max(l => l.EndBaseLine.X);
        second.AddText("AAAA", 11, new PdfPoint(286 - 2.4 - width, 700), font);
        second.AddText("=9", 11, new PdfPoint(286, 700), font);

        var texts = PdfCells.Read(builder.Build()).Cells.Where(c => c.Page == 2).Select(c => c.Text).ToList();
        Assert.Equal(["AAAA", "=9"], texts);
    }

    [Theory]
    [InlineData("≥2.00", "（份）", true)] // a bare quantity, its unit wrapped to the next line
    [InlineData("≥2（个工作", "日每周）", true)] // an unclosed bracket goes on
    [InlineData("=100（%）", "及时", false)] // a whole quantity: the next piece is another row's
    [InlineData("≥95%", "≥90%", false)]
    [InlineData("有较高影", "响力", null)] // text: the words do not say
    [InlineData("=100（%）", "（次）", null)]
    [InlineData("=100.0", "0（%）", true)] // wrapped inside its number (word-gen181-011-calc)
    [InlineData("≥95", "100（%）", null)] // a quantity of no decimals: the next may be another row's
    [InlineData("=100.0", "≥0（%）", null)]
    public void A_target_says_whether_the_line_after_it_goes_on(string previous, string next, bool? expected) =>
        Assert.Equal(expected, FormBuilder.TargetGoesOn(previous, next));

    [Theory]
    [InlineData("505.00(批次)", true)] // a value with its own unit: not the rest of 20525.00(批 above it
    [InlineData("(件)", false)] // a bare unit may end the quantity above
    [InlineData("次)", false)]
    [InlineData("日每周）", false)]
    [InlineData("及时", false)]
    public void A_piece_that_opens_its_own_bracket_is_a_value_of_its_own(string piece, bool expected) =>
        Assert.Equal(expected, FormBuilder.OpensOwnBracket(piece));

    [Fact]
    public void Right_aligned_numbers_go_to_the_column_whose_header_stands_left_of_them()
    {
        // gen59-038-chromium: 分值's numbers end 22 points before 得分 and 24 after 分值 (the wider empty run),
        // and the budget row's lone 10 and 9.86 stand far right of 分数 and 得分: the stacks' right edges say
        // they are right-aligned, so they are the columns' whose headers stand left of them.
        static Cell P(double left, double top, double right, string text) => new(1, new Box(left, top, right, top + 9.5), text, 1, Whole: false, Unit: 9.5);
        List<Cell> cells =
        [
            P(300, 50, 400, "财政项目支出绩效自评表"), P(300, 65, 350, "（2024年度）"),
            P(42, 82, 80, "项目名称"), P(96, 82, 180, "药械化质量抽检经费"),
            P(232, 115, 251, "分数"), P(371, 115, 390, "得分"), P(478, 115, 525, "年初预算数"), P(587, 115, 635, "全年预算数"), P(662, 115, 710, "全年执行数"), P(750, 115, 779, "执行率"),
            P(97, 133, 154, "年度资金总额"), P(312.6, 133, 321.7, "10"), P(417, 133, 434.9, "9.86"), P(540.5, 133, 562.7, "6,765"), P(631.8, 133, 654, "6,765"), P(690.2, 133, 712.5, "6,674"), P(788.8, 133, 811.1, "98.65"),
            P(97, 150, 154, "其中：当年财政拨款"), P(549.4, 150, 562.7, "765"), P(640.7, 150, 654, "765"), P(699.1, 150, 712.5, "674"), P(788.8, 150, 811.1, "88.10"),
            P(42, 404, 80, "一级指标"), P(107, 404, 145, "二级指标"), P(223, 404, 261, "三级指标"), P(357, 404, 405, "年度指标值"), P(478, 404, 525, "实际完成值"),
            P(601.5, 404, 620.5, "分值"), P(676.4, 404, 695.4, "得分"), P(736, 404, 793, "偏差原因分析"),
            P(42, 421, 80, "产出指标"), P(107, 421, 145, "数量指标"), P(162, 421, 276, "完成化妆品常规抽检批次数"), P(327, 421, 382, "≥2400(批次)"), P(441, 421, 499, "2488.00(批次)"),
            P(644.9, 421, 654, "10"), P(703.3, 421, 712.5, "10"),
            P(42, 437, 80, "产出指标"), P(107, 437, 145, "质量指标"), P(162, 437, 247, "抽检合格率"), P(327, 437, 370, "≥95(%)"), P(441, 437, 490, "98.00(%)"),
            P(649.3, 437, 654, "5"), P(707.7, 437, 712.5, "4"),
            P(287, 460, 306, "总分"), P(640.5, 460, 654, "100"), P(690.2, 460, 712.5, "99.86"),
        ];
        var form = Assert.Single(FormAssembler.Assemble(cells, "a").Forms);
        Assert.Equal([(10m, 10m), (5m, 4m)], form.Indicators.Select(i => (i.Weight!.Value, i.Score!.Value)));
        Assert.Equal((10m, 9.86m), (form.Budget!.Total!.Weight!.Value, form.Budget.Total.Score!.Value));
        Assert.Equal(6765m, form.Budget.Total.Initial);
    }

    [Fact]
    public void A_level_header_glued_to_the_next_header_word_is_cut_after_it()
    {
        // gen0-032-calc: the narrow 一级/二级 columns print their headers a tenth of a character apart.
        var glued = new Cell(1, new Box(118.9, 496.1, 235.1, 510.1), "一级指标二级指标", 1, Whole: false, Unit: 14);
        var alone = new Cell(1, new Box(305.4, 496.1, 361.4, 510.1), "三级指标", 1, Whole: false, Unit: 14);
        var name = new Cell(1, new Box(239, 530, 351, 544), "一级指标体系建设", 1, Whole: false, Unit: 14); // no header after the level word
        var cells = new CellPlane([glued, alone, name]).Cells;
        Assert.Equal(["一级指标", "二级指标", "三级指标", "一级指标体系建设"], cells.Select(c => c.Compact));
        Assert.Equal(177.0, cells[0].Box.Right, 1);
        Assert.Equal(177.0, cells[1].Box.Left, 1);
    }

    [Fact]
    public void A_name_line_split_at_a_space_stays_in_its_row()
    {
        // gen59-034-chromium: 度应在 24小 is one line of a wrapped name, cut in two pieces at the space; the
        // first piece does not reach the column's edge, yet the row goes on.
        static Cell P(double left, double top, double right, string text) => new(1, new Box(left, top, right, top + 12), text, 1, Whole: false, Unit: 12);
        List<Cell> cells =
        [
            P(200, 20, 400, "财政项目支出绩效目标申报表（2024年度）"),
            P(38, 50, 86, "项目名称"), P(101, 50, 250, "档案管理经费"),
            P(38, 80, 86, "一级指标"), P(101, 80, 149, "二级指标"), P(158, 80, 206, "三级指标"), P(238, 80, 298, "年度指标值"),
            P(158, 143.4, 230.3, "委托保管的档"), P(158, 159.1, 230.3, "案调阅响应速"), P(238, 167.4, 298, "=100.00(%)"),
            P(158, 175.6, 194.3, "度应在"), P(200.3, 175.6, 224.3, "24小"), P(38, 175.6, 86, "产出指标"), P(101, 175.6, 149, "时效指标"),
            P(158, 192.1, 182.3, "时内"),
            P(158, 212.4, 230.3, "归档工作完成"), P(238, 212.4, 298, "=100.00(%)"),
        ];
        var form = Assert.Single(FormAssembler.Assemble(cells, "n").Forms);
        Assert.Equal(["委托保管的档案调阅响应速度应在24小时内", "归档工作完成"], form.Indicators.Select(i => i.Name));
    }

    [Fact]
    public void A_side_label_piece_on_a_budget_row_is_no_amount()
    {
        // gen59-001-chromium: 项目资金（万元） wraps down the left edge; its piece 金（万 stands on the
        // 当年财政拨款 row, inside the first budget column (open to the left): the amount is read, not the piece.
        static Cell P(double left, double top, double right, string text, double height = 13) => new(1, new Box(left, top, right, top + height), text, 1, Whole: false, Unit: 13);
        List<Cell> cells =
        [
            P(190, 150, 405, "财政项目支出绩效自评表"), P(256, 184, 340, "（2023年度）"),
            P(35, 210, 74, "项目名称"), P(84, 210, 214, "法律法规专项业务经费"),
            P(149, 294, 214, "年初预算数"), P(239, 294, 304, "全年预算数"), P(322, 294, 387, "全年执行数"),
            P(87, 333, 126, "年度资金总额"), P(192.3, 333, 227.4, "83.00"), P(273.7, 333, 308.8, "83.00"), P(358.2, 333, 393.3, "74.33"),
            P(87, 363, 126, "其中：当年财政拨款", 48), P(35.2, 381.1, 74.2, "金（万"),
            P(192.3, 381.1, 227.4, "83.00"), P(273.7, 381.1, 308.8, "83.00"), P(358.2, 381.1, 393.3, "74.33"),
        ];
        var form = Assert.Single(FormAssembler.Assemble(cells, "b").Forms);
        Assert.Equal(new BudgetRow(83.00m, 83.00m, 74.33m, null), form.Budget!.CurrentYear);
    }

    [Fact]
    public void A_letter_overflowing_its_cell_by_its_descent_stays_in_its_cell()
    {
        // gen0-008-calc: the last line of a wrapped merged cell is drawn with its baseline a third of an em below the cell's
        // bottom rule; its ink is mostly above the rule, and so is the letter.
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var x in new[] { 100.0, 200.0 })
        {
            page.DrawLine(new PdfPoint(x, 600), new PdfPoint(x, 760));
        }

        foreach (var y in new[] { 760.0, 700.0, 600.0 })
        {
            page.DrawLine(new PdfPoint(100, y), new PdfPoint(200, y));
        }

        page.AddText("AAA", 14, new PdfPoint(110, 720), font);
        page.AddText("BBB", 14, new PdfPoint(110, 695.3), font); // baseline 4.7 pt under the rule at 700: 0.34 em
        page.AddText("CCC", 14, new PdfPoint(110, 660), font);
        var cells = PdfCells.Read(builder.Build()).Cells.OrderBy(c => c.Box.Top).Select(c => c.Text).ToList();
        Assert.Equal(["AAABBB", "CCC"], cells);
    }

    [Fact]
    public void Amounts_under_a_row_of_labels_pair_by_order_before_the_text_below_the_block()
    {
        // gen59-011-chromium: right-aligned amounts stand mostly beyond their labels; the goal's first line, under
        // the whole block, overlaps 年度资金总额 more than its amount does, and was taken for it.
        static Cell P(double left, double top, double right, string text) => new(1, new Box(left, top, right, top + 9.5), text, 1, Whole: false, Unit: 9.5);
        List<Cell> cells =
        [
            P(250, 60, 400, "财政项目支出绩效目标申报表（2024年度）"),
            P(36, 100, 74, "项目名称"), P(123, 100, 250, "基金监管经费"),
            P(123.2, 173.2, 180.2, "年度资金总额"), P(283.9, 173.2, 340.9, "当年财政拨款"), P(407.6, 173.2, 464.6, "上年结转资金"), P(485.1, 173.2, 523, "其他资金"),
            P(172.9, 197.2, 218.3, "408000.00"), P(355.1, 197.2, 400.4, "408000.00"), P(418.4, 197.2, 437.3, "0.00"), P(545.8, 197.2, 564.7, "0.00"),
            P(52.4, 221.2, 109.3, "年度总体目标"), P(136.2, 214.4, 563.4, "制订、印发健全监督检查制度的相关文件；"), P(136.2, 227.2, 472.9, "组织开展1次培训。"),
        ];
        var form = Assert.Single(FormAssembler.Assemble(cells, "m").Forms);
        Assert.Equal(new Funds(408000m, 408000m, 0m, 0m), form.Funds);
        Assert.Equal("制订、印发健全监督检查制度的相关文件；组织开展1次培训。", form.Goal);
    }
}
