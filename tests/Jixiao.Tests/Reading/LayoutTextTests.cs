using Jixiao.Formats.Disclosure;
using Jixiao.Formats.Layout;

namespace Jixiao.Tests.Reading;

/// <summary>The -layout text path on printings whose lines pdftotext placed by their own width.</summary>
public class LayoutTextTests
{
    [Fact]
    public void The_total_line_gives_weight_and_score_in_the_headers_order()
    {
        // gen0-001-calc: the 总分 line is printed narrower than the rows, its 100.00 under 实际完成值, its 97.00 under 分数.
        var text = """
                              项目支出绩效自评表
                                 （2024年度）
            项目名称 医疗保险社会服务管理经费
            主管部门 上海市医疗保障局          实施单位 上海市医疗保险事业管理中心
            一级指标 二级指标   三级指标       年度指标值       实际完成值       分数     得分
            产出指标 数量指标   参保人投诉率   <5.00(%)         0.00(%)          100.00   97.00
                         总分                    100.00      97.00
            """;
        var form = Assert.Single(LayoutReader.ReadLayoutText(text, "t.txt").Forms);
        Assert.Equal(100.00m, form.TotalWeight);
        Assert.Equal(97.00m, form.TotalScore);
    }

    [Fact]
    public void A_value_straddling_its_label_is_read_beside_a_taller_wrapped_label()
    {
        // gen0-006-calc: 主管部/门： wrapped over three lines shares a row with the unit's two lines.
        var text = """
                               财政项目支出绩效目标申报表
                                  （2023年度）
            项目名称 医药集中招标采购工作经费       项目类别 特定目标类
            主管部                                 上海市医药集中招标采购事务管理所（上海医药
                上海市医疗保障局          实施单位：
             门：                                  采购中心）
            年度总体目标 保障平台运行稳定。
             一级指标 二级指标                       三级指标           年度(/项目)指标值
             产出指标 数量指标         新增系统平台功能点                   ≥20.00(个)
            """;
        var form = Assert.Single(LayoutReader.ReadLayoutText(text, "t.txt").Forms);
        Assert.Equal("上海市医疗保障局", form.Department);
        Assert.Equal("上海市医药集中招标采购事务管理所（上海医药采购中心）", form.Unit);
    }

    [Fact]
    public void A_value_wrapped_above_and_below_its_label_is_read_whole_across_the_next_labels_lines()
    {
        // gen0-005-chromium: 实施单位's value over four lines, one above the label's line, and the wrapped label
        // 主管/部门 of the field left of it on the lines between.
        var text = """
                               财政项目支出绩效目标申报表
                                  （2023年度）
            项目名称 工作服置装费                 项目类别 特定目标类
                                                             上海市医药集中招标
            主管
               上海市医疗保障局                             实施单位     采购事务管理所（上
            部门
                                                             海医药采购中心）
            年度总体目标 保障平台运行稳定。
             一级指标 二级指标                       三级指标           年度(/项目)指标值
             产出指标 数量指标         新增系统平台功能点                   ≥20.00(个)
            """;
        var form = Assert.Single(LayoutReader.ReadLayoutText(text, "t.txt").Forms);
        Assert.Equal("上海市医疗保障局", form.Department);
        Assert.Equal("上海市医药集中招标采购事务管理所（上海医药采购中心）", form.Unit);
    }

    [Fact]
    public void A_nature_wrapped_around_its_label_with_the_next_labels_pieces_between_is_one_list_word()
    {
        // gen59-006-chromium: 其他经常性项目 wrapped in a narrow column, 其他经 above and 目 below the label's line,
        // the wrapped label 项目类/别 of the next field between its lines.
        var text = """
                                   财政项目支出绩效目标申报表
                                          （2024年度）
                                         其他经
                                                    项目类
            项目名称 外聘法律顾问             项目性质 常性项            其他运转类
                                                     别
                                         目
            主管部门 上海市松江区医疗保障局
            年度总体目标 保障平台运行稳定。
             一级指标 二级指标                       三级指标           年度(/项目)指标值
             产出指标 数量指标         新增系统平台功能点                   ≥20.00(个)
            """;
        var document = LayoutReader.ReadLayoutText(text, "t.txt");
        var form = Assert.Single(document.Forms);
        Assert.Equal("其他经常性项目", form.Nature);
        Assert.Equal("其他运转类", form.Category);
        Assert.Contains(document.Diagnostics, d => d.Code == DiagnosticCodes.LabelSplit && d.Message.Contains("其他经常性项目"));
    }

    [Fact]
    public void A_page_number_level_with_a_cells_overflow_on_the_pages_last_line_is_left_out()
    {
        // calc-long: the footer shares the page's last line with the 质量指标 of a level label centred past the table.
        var notes = new List<Jixiao.Domain.Model.Diagnostic>();
        var cells = LayoutTextCells.Read("       产出指标 数量指标 培训人次 ≥30(人次)\n       质量指标                    第 10 页，共 13 页\n\f       效益指标 满意度 满意率 ≥90(%)\n", notes);
        Assert.Equal(["产出指标", "数量指标", "培训人次", "≥30(人次)", "质量指标", "效益指标", "满意度", "满意率", "≥90(%)"], cells.Select(c => c.Text));
        Assert.Equal(7, cells[4].Box.Left);
        var note = Assert.Single(notes);
        Assert.Equal(DiagnosticCodes.PageFurniture, note.Code);
        Assert.Equal(2, note.Line);
    }

    [Fact]
    public void A_worded_page_number_of_the_page_is_left_out_above_the_pages_last_lines()
    {
        // gen83-012-calc: a level label centred down its rows prints its last lines below the footer 第 1 页，共 9 页.
        var cells = LayoutTextCells.Read("     产出\n              质量指标            第 1 页，共 9 页\n     指标\n绩效\n\f一级指标\n");
        Assert.Equal(["产出", "质量指标", "指标", "绩效", "一级指标"], cells.Select(c => c.Text));
    }

    [Fact]
    public void A_worded_page_number_of_another_page_inside_the_page_is_kept()
    {
        // Only the page's own ordinal marks a worded run inside the page as its footer.
        var cells = LayoutTextCells.Read("首行\n 备注      第 5 页\n末行\n");
        Assert.Equal(["首行", "备注", "第", "5", "页", "末行"], cells.Select(c => c.Text));
    }

    [Fact]
    public void A_bare_number_beside_a_cell_is_kept_even_as_the_pages_ordinal_on_its_edge()
    {
        // A weight 2 or - 2 - beside a cell on page 2's first or last line may be the row's value: only worded runs go.
        Assert.Equal(["权重", "2", "末行", "-", "2", "-"], LayoutTextCells.Read("\f权重    2\n末行    - 2 -\n").Select(c => c.Text));
        Assert.True(LayoutTextCells.IsPageNumber("Page 4 of 9", 3, edge: true));
        Assert.False(LayoutTextCells.IsPageNumber("第 4 页", 3, edge: false));
        Assert.False(LayoutTextCells.IsPageNumber("3", 3, edge: true));
    }
}
