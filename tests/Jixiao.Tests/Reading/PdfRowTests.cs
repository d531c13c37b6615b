using Jixiao.Formats.Layout;

namespace Jixiao.Tests.Reading;

/// <summary>Rows of a borderless indicator table in the PDF geometry path: which lines are one name, one target.</summary>
public class PdfRowTests
{
    /// <summary>A free PDF piece on a page (top-down points of that page).</summary>
    private static Cell Q(int page, double left, double top, double right, string text, double unit) =>
        new(page, new Box(left, top + (page - 1) * Geometry.PageStride, right, top + (page - 1) * Geometry.PageStride + unit), text, page, Whole: false, Unit: unit);

    /// <summary>A target table's title, project name and header on page 1, at the given columns' starts.</summary>
    private static List<Cell> Head(double unit, double top, double level1, double level2, double name, double target) =>
    [
        Q(1, 180, top - 60, 415, "财政项目支出绩效目标申报表", 18),
        Q(1, 34.7, top - 35, 82.7, "项目名称", unit), Q(1, 100, top - 35, 200, "化妆品监管", unit),
        Q(1, level1, top, level1 + 4 * unit, "一级指标", unit), Q(1, level2, top, level2 + 4 * unit, "二级指标", unit),
        Q(1, name, top, name + 4 * unit, "三级指标", unit), Q(1, target, top, target + 5 * unit, "年度指标值", unit),
    ];

    [Fact]
    public void A_target_centred_on_its_row_keeps_the_lines_it_prints_above_the_row()
    {
        // gen83-014-chromium: a six-line target centred on a two-line name; its first two lines stand between
        // that name and the row above, nearer the row above.
        List<Cell> cells =
        [
            .. Head(13, 340, 34.7, 70.7, 116.4, 216.6),
            Q(1, 116.4, 373.6, 207.4, "化妆品产业高质", 13), Q(1, 216.6, 373.6, 281.5, "评估调研深", 13),
            Q(1, 116.4, 391.6, 207.4, "量发展行动计划", 13), Q(1, 216.6, 391.6, 281.5, "入，评估报", 13),
            Q(1, 116.4, 408.8, 194.4, "实施效果评估", 13), Q(1, 216.6, 408.8, 281.5, "告客观全面", 13),
            Q(1, 216.6, 430.6, 281.5, "检查工作按", 13), Q(1, 216.6, 447.8, 281.5, "照《化妆品", 13),
            Q(1, 34.7, 465.8, 86.7, "产出指标", 13), Q(1, 70.7, 465.8, 122.7, "质量指标", 13),
            Q(1, 116.4, 465.8, 207.4, "化妆品注册备案", 13), Q(1, 216.6, 465.8, 281.5, "注册和备案", 13),
            Q(1, 116.4, 483.1, 194.4, "检验机构检查", 13), Q(1, 216.6, 483.1, 281.5, "检验工作规", 13),
            Q(1, 216.6, 500.3, 281.5, "范》开展，", 13), Q(1, 216.6, 518.3, 268.5, "取得实效", 13),
            Q(1, 216.6, 539.3, 281.5, "符合化妆品", 13),
            Q(1, 116.4, 548.3, 207.4, "评选本市化妆品", 13), Q(1, 216.6, 557.3, 281.5, "生产领域数", 13),
            Q(1, 116.4, 565.6, 207.4, "生产领域数字化", 13), Q(1, 216.6, 574.6, 281.5, "字化转型评", 13),
            Q(1, 116.4, 583.6, 194.4, "转型标杆企业", 13), Q(1, 216.6, 592.6, 281.5, "价相关标准", 13),
        ];
        var form = Assert.Single(FormAssembler.Assemble(cells, "t").Forms);
        Assert.Equal(["化妆品产业高质量发展行动计划实施效果评估", "化妆品注册备案检验机构检查", "评选本市化妆品生产领域数字化转型标杆企业"], form.Indicators.Select(i => i.Name));
        Assert.Equal(["评估调研深入，评估报告客观全面", "检查工作按照《化妆品注册和备案检验工作规范》开展，取得实效", "符合化妆品生产领域数字化转型评价相关标准"],
            form.Indicators.Select(i => i.Target));
    }

    [Fact]
    public void A_line_atop_the_next_page_with_its_own_target_starts_a_row()
    {
        // gen107-039-chromium: the last name of page 1 nearly fills its column and the next page starts with a
        // name of its own; each has its own target on its line (及时, 高), so no page break cut a row here.
        List<Cell> cells =
        [
            .. Head(10, 395, 36.9, 98.2, 154.1, 649.5),
            Q(1, 154.1, 465.2, 274.1, "辅助人员有责投诉事件发生", 10), Q(1, 649.5, 465.2, 676.5, "=0(起)", 10),
            Q(1, 36.9, 517.7, 76.9, "产出指标", 10), Q(1, 98.2, 517.7, 138.2, "时效指标", 10),
            Q(1, 154.1, 517.7, 244.1, "辅助人员到位及时性", 10), Q(1, 649.5, 517.7, 669.4, "及时", 10),
            Q(1, 154.1, 535.0, 264.1, "辅助人员培训完成及时性", 10), Q(1, 649.5, 535.0, 669.4, "及时", 10),
            Q(2, 36.9, 44.5, 76.9, "效益指标", 10), Q(2, 93.3, 44.5, 153.3, "社会效益指标", 10),
            Q(2, 154.1, 44.5, 244.1, "辅助人员岗位保障度", 10), Q(2, 649.5, 44.5, 659.5, "高", 10),
            Q(2, 154.1, 75.2, 224.1, "日常工作支撑度", 10), Q(2, 649.5, 75.2, 659.5, "高", 10),
            Q(2, 154.1, 136.7, 214.1, "管理层满意度", 10), Q(2, 649.5, 136.7, 693.9, "≥85.00(%)", 10),
        ];
        var form = Assert.Single(FormAssembler.Assemble(cells, "p").Forms);
        Assert.Equal(["辅助人员有责投诉事件发生", "辅助人员到位及时性", "辅助人员培训完成及时性", "辅助人员岗位保障度", "日常工作支撑度", "管理层满意度"],
            form.Indicators.Select(i => i.Name));
        Assert.Equal(["=0(起)", "及时", "及时", "高", "高", "≥85.00(%)"], form.Indicators.Select(i => i.Target));
    }

    [Fact]
    public void Lines_further_apart_than_the_columns_line_spacing_are_two_names()
    {
        // gen107-020-calc: a three-character name column; 预算执 / 行率 are 0.6 pt apart, 资金使 starts 8.3 pt under
        // 行率 (0.59 em, within the general wrap gap), a new row.
        List<Cell> cells =
        [
            .. Head(14, 340, 70.1, 123.6, 186.1, 242.9),
            Q(1, 186.1, 385.5, 228.1, "预算执", 14), Q(1, 242.9, 385.5, 284.9, "≥95.0", 14),
            Q(1, 186.1, 400.1, 214.1, "行率", 14), Q(1, 242.9, 400.1, 270.9, "0(%)", 14),
            Q(1, 186.1, 422.4, 228.1, "资金使", 14), Q(1, 242.9, 429.7, 284.9, "=100.0", 14),
            Q(1, 186.1, 437.0, 228.1, "用合规", 14), Q(1, 242.9, 444.3, 270.9, "0(%)", 14),
            Q(1, 186.1, 451.6, 200.1, "性", 14),
        ];
        var form = Assert.Single(FormAssembler.Assemble(cells, "w").Forms);
        Assert.Equal(["预算执行率", "资金使用合规性"], form.Indicators.Select(i => i.Name));
        Assert.Equal(["≥95.00(%)", "=100.00(%)"], form.Indicators.Select(i => i.Target));
    }

    [Fact]
    public void A_name_wrapped_short_of_its_column_is_one_when_its_target_stands_between_its_lines()
    {
        // gen113c-025-chromium: 宣传海报数量 / （大小海报合计）, wrapped before the bracket 1.6 em short of the column's
        // edge; the row's target is level with the gap between the two lines.
        List<Cell> cells =
        [
            .. Head(10.5, 444.6, 35.0, 90.2, 131.4, 221.3),
            Q(1, 131.4, 470.1, 183.9, "成本节约率", 10.5), Q(1, 221.3, 470.1, 317.2, "≥51427.20（小时）", 10.5),
            Q(1, 131.4, 509.1, 194.4, "宣传海报数量", 10.5), Q(1, 221.3, 516.6, 299.7, "≥14.64（小时）", 10.5),
            Q(1, 131.4, 523.3, 215.4, "（大小海报合计）", 10.5),
            Q(1, 131.4, 577.3, 204.9, "开展重大主题宣", 10.5), Q(1, 221.3, 584.1, 284.3, "≤3.58（台）", 10.5),
            Q(1, 131.4, 591.6, 162.9, "传活动", 10.5),
        ];
        var form = Assert.Single(FormAssembler.Assemble(cells, "b").Forms);
        Assert.Equal(["成本节约率", "宣传海报数量（大小海报合计）", "开展重大主题宣传活动"], form.Indicators.Select(i => i.Name));
        Assert.Equal(["≥51427.20(小时)", "≥14.64(小时)", "≤3.58(台)"], form.Indicators.Select(i => i.Target));
    }

    [Fact]
    public void Stacked_goal_and_outcome_are_split_as_one_flow_across_a_page_break()
    {
        // gen107-011-chromium: 预期目标 at the foot of page 2 beside the first two of its four lines, the other two atop
        // page 3, then the outcome's four lines and 实际完成情况 level with their middle.
        List<Cell> cells =
        [
            Q(2, 215.6, 588.0, 380.6, "财政项目支出绩效自评表", 15),
            Q(2, 35.1, 629.5, 75.1, "项目名称", 10), Q(2, 84.8, 629.5, 184.7, "法律法规专项业务经费", 10),
            Q(2, 166.3, 664.7, 216.3, "年初预算数", 10), Q(2, 230.2, 664.7, 280.2, "全年预算数", 10), Q(2, 291.0, 664.7, 341.0, "全年执行数", 10),
            Q(2, 367.6, 664.7, 397.6, "执行率", 10), Q(2, 444.0, 664.7, 464.0, "分数", 10), Q(2, 518.8, 664.7, 538.7, "得分", 10),
            Q(2, 89.5, 682.0, 149.5, "年度资金总额", 10), Q(2, 196.8, 682.0, 222.4, "83.00", 10), Q(2, 256.6, 682.0, 282.1, "83.00", 10),
            Q(2, 318.4, 682.0, 343.9, "74.33", 10), Q(2, 389.7, 682.0, 415.3, "89.55", 10), Q(2, 462.1, 682.0, 486.7, "10.00", 10), Q(2, 544.7, 682.0, 564.7, "8.95", 10),
            Q(2, 89.5, 748.0, 139.5, "其他资金", 10), Q(2, 202.4, 748.0, 222.4, "0.00", 10), Q(2, 262.1, 748.0, 282.1, "0.00", 10),
            Q(2, 72.8, 765.2, 112.8, "预期目标", 10), Q(2, 160.2, 765.2, 562.6, "目标一行，", 10), Q(2, 160.2, 778.7, 560.0, "目标二行，", 10),
            Q(3, 160.2, 36.2, 562.6, "目标三行，", 10), Q(3, 160.2, 49.7, 480.0, "目标四行。", 10),
            Q(3, 160.2, 67.0, 560.0, "完成一行，", 10), Q(3, 160.2, 80.5, 560.0, "完成二行，", 10), Q(3, 62.8, 87.2, 122.8, "实际完成情况", 10),
            Q(3, 160.2, 94.0, 560.0, "完成三行，", 10), Q(3, 160.2, 107.5, 410.1, "完成四行。", 10),
            Q(3, 35.1, 136.0, 75.1, "一级指标", 10), Q(3, 99.5, 136.0, 139.5, "二级指标", 10), Q(3, 171.3, 136.0, 211.3, "三级指标", 10),
            Q(3, 229.3, 136.0, 281.2, "年度指标值", 10), Q(3, 291.0, 136.0, 341.0, "实际完成值", 10), Q(3, 372.6, 136.0, 392.6, "分值", 10),
            Q(3, 444.0, 136.0, 464.0, "得分", 10),
            Q(3, 171.3, 160.0, 231.3, "法规起草数", 10), Q(3, 236.3, 160.0, 276.3, "≥2(件)", 10), Q(3, 291.0, 160.0, 331.0, "2(件)", 10),
            Q(3, 380.6, 160.0, 392.6, "10", 10), Q(3, 452.0, 160.0, 464.0, "10", 10),
        ];
        var form = Assert.Single(FormAssembler.Assemble(cells, "f").Forms);
        Assert.Equal("目标一行，目标二行，目标三行，目标四行。", form.Goal);
        Assert.Equal("完成一行，完成二行，完成三行，完成四行。", form.Outcome);
    }

    [Fact]
    public void A_project_name_wrapped_before_its_bracket_is_read_whole()
    {
        // gen113c-019-chromium: 残疾人康复服务 / （2024—2026年）, the second line wider than the first.
        List<Cell> cells =
        [
            Q(1, 181.1, 89.1, 415.1, "财政项目支出绩效目标申报表", 18),
            Q(1, 32.2, 138.1, 80.2, "项目名称", 12), Q(1, 90.9, 138.1, 174.9, "残疾人康复服务", 12),
            Q(1, 90.9, 154.6, 192.4, "（2024—2026年）", 12),
            Q(1, 32.2, 183.1, 80.2, "主管部门", 12), Q(1, 90.9, 183.1, 222.9, "上海市绿化和市容管理局", 12),
            Q(1, 34.7, 300, 82.7, "一级指标", 12), Q(1, 70.7, 300, 118.7, "二级指标", 12),
            Q(1, 116.4, 300, 164.4, "三级指标", 12), Q(1, 216.6, 300, 276.6, "年度指标值", 12),
            Q(1, 116.4, 330, 188.4, "康复服务人次", 12), Q(1, 216.6, 330, 270, "≥100(人次)", 12),
        ];
        var form = Assert.Single(FormAssembler.Assemble(cells, "n").Forms);
        Assert.Equal("残疾人康复服务（2024—2026年）", form.Name);
        Assert.Equal("上海市绿化和市容管理局", form.Department);
    }
}
