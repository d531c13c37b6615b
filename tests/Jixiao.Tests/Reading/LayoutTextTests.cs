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

    [Fact]
    public void A_target_wrapped_inside_its_bracket_is_one_row_with_its_wrapped_name()
    {
        // gen149-002-chromium: =8133.00(元/每 and 家) two lines apart, the 二级 label's 成本 between; each wrapped
        // piece was counted as a row of its own, and every row after took the name of the one before.
        var text = """
                        财政项目支出绩效目标申报表
                                  （2024年度）
                                                       项
            项目名 网络信息系统运行                     其他经常      目
                                  项目性质                   其他运转类
             称  与维护                          性项目       类
                                                       别
            主管部
                上海市松江区医疗保障局
             门
            实施单
                上海市松江区医疗保障局（本级）
             位
            计划开                              计划完成
                2024年1月1日                         2024年12月31日
            始日期                               日期
                                                       上
                                                       年
            项目资                                        结
                   年度资金总额          当年财政拨款                        其他资金
             金                                         转
            （元）                                        资
                                                       金
                      147600.00              147600.00 0.00              0.00
                项目
                总目              年度总体目标
            项目绩 标
            效目标 建设松江区长护险智能管理平台，提升区医保部门、服务机构主体管理工作效
                  能，从而提高长护险基金的使用效率，很好的落实打造“智慧医保”的工作要
                  求。
            一级指 二级
                                  三级指标                            指标值
             标  指标
                经济
            成本指    12家长护险居家机构数据采集、分析处理、服务升 =8133.00(元/每
                成本
             标     级                       家)
                指标
                经济
            成本指    区级医保部门数据展示、对12家长护险居家服务机 =4166.00(元/每
                成本
             标     构监督检查管理                 家)
                指标
            产出指 数量
                   搭建功能模块数量                                   =5.00(个)
             标  指标
            """;
        var form = Assert.Single(LayoutReader.ReadLayoutText(text, "t.txt").Forms);
        Assert.Equal(["=8133.00(元/每家)", "=4166.00(元/每家)", "=5.00(个)"], form.Indicators.Select(i => i.Target));
        Assert.Equal("12家长护险居家机构数据采集、分析处理、服务升级", form.Indicators[0].Name);
        Assert.Equal("区级医保部门数据展示、对12家长护险居家服务机构监督检查管理", form.Indicators[1].Name);
    }

    [Fact]
    public void Amounts_below_a_money_label_stacked_a_letter_a_line_go_with_their_labels()
    {
        // gen149-002-chromium: 上 on the labels' line, 年 / 结 / 转 / 资 / 金 below it, the amounts under the last.
        var text = """
                        财政项目支出绩效目标申报表
                               （2023年度）
                                                 项
            项目名                           经常性专   目
                组织人事专项        项目性质                 特定目标类
             称                            项业务费   类
                                                 别
            主管部
                上海市医疗保障局
             门
            实施单
                上海市医疗保障局
             位
            计划开                           计划完成
                2023年1月1日                      2023年12月31日
            始日期                            日期
            项目资   年度资金总额        当年财政拨款           上        其他资金
             金                                   年
            （元）                                        结
                                                       转
                                                       资
                                                       金
                      300600.00              300600.00 0.00                0.00
                项目
                总目              年度总体目标
            项目绩 标
            效目标 组织开展科级培训、处级培训和新进人员培训等3次，购买人事相关书籍和材
                  料1次，做好人事档案归集整理和工作软件运维，按需赴外地考察干部、参会
                  参训等。
            一级指 二级
                                  三级指标                             指标值
             标  指标
            产出指 数量
                   在职干部培训及综合培训计划完成数                           =3.00(次)
             标  指标
            """;
        var form = Assert.Single(LayoutReader.ReadLayoutText(text, "t.txt").Forms);
        Assert.Equal(new Jixiao.Domain.Model.Funds(300600.00m, 300600.00m, 0.00m, 0.00m), form.Funds);
    }

    [Fact]
    public void A_budget_rows_amounts_printed_over_two_lines_beside_its_label_are_read_in_their_order_across()
    {
        // gen149-002-chromium: 10.00 9.97 260.00 260.00 on one line, 259.15 99.67% on the next, beside 年度 / 资金 / 总额.
        var text = """
                          财政项目支出绩效自评表
                                  （2024年度）
            项目名
                医药机构及医疗费用审核管理经费
             称
            主管部
                上海市医疗保障局
             门
            实施单
                上海市医疗保险事业管理中心
             位
                                                   全
                                                   年      全年
                                           年初预算
                     分值        得分                  预      执行     执行率
                                            数
                                                   算      数
                                                   数
                年度
                资金     10.00        9.97    260.00 260.00
                                                        259.15   99.67%
                总额
            项目资
                 其
            金（万
                中：
             元）
                当年                          260.00 260.00
                                                        259.15   99.67%
                财政
                拨款
                上年
                结转                            0.00 0.00   0.00    0.00%
                资金
                其他
                                              0.00 0.00   0.00    0.00%
                资金
            """;
        var form = Assert.Single(LayoutReader.ReadLayoutText(text, "t.txt").Forms);
        var total = form.Budget!.Total!;
        Assert.Equal((260.00m, 260.00m, 259.15m, 99.67m, 10.00m, 9.97m), (total.Initial, total.Full, total.Executed, total.Rate, total.Weight, total.Score));
    }

    [Fact]
    public void Stacked_goal_and_outcome_are_not_split_after_a_full_line_that_ends_no_sentence()
    {
        // gen149-004-chromium: 预期目标 on the first of its goal's two lines; the goal's second line went to the outcome.
        var text = """
                                                       财政项目支出绩效自评表
                                                             （2024年度）
             项目名称：     医疗保险个人账户管理经费
             主管部门：     上海市医疗保障局
             实施单位：     上海市医疗保险事业管理中心
                                          分值                  得分            年初预算数        全年预算数 全年执行数       执行率(%)
                       年度资金总额                       10               8.36            107      107   89.43         83.57
            项目资金（万元） 其中：当年财政
                         拨款                                                          107      107   89.43         83.57
                       上年结转资金                                                          0        0       0             0
                        其他资金                                                           0        0       0             0
                   预期目标       1.加强项目预算申报数量控制，建立邮寄数量申报的相关规定，降低预算申报的随意性，提高财政资金使用效率。按 2023年城乡居保、互助帮困续保通知
                              665779件拟定 2024年度预算。2.邮寄一封信函告知相关医保政策，进一步提升医保政策知晓率。
                 实际完成情况       1.2024年加强项目预算申报数量控制，建立邮寄数量申报的相关规定，100%完成邮寄数量，保障续保通知单在规定时间内汇出，降低邮寄信件退回概率，提
                              高财政资金使用效率。2.完成 2024年邮寄一封信函告知相关医保政策，进一步提升医保政策知晓率。
              一级指标      二级指标            三级指标                   年度指标值           实际完成值       分值     得分      偏差原因分析
              成本指标     经济成本指标 成本控制率                    ≥0.00(%)           16.42(%)              8       8
                       社会成本指标 单位管理成本                   不高于往年水平            达成指标                  8       8
                        数量指标 邮寄数量完成率                   =100.00(%)         100.00(%)            13      13
              产出指标      质量指标 邮寄信件退回率                   ≤5.00(%)           4.00(%)              13      13
                        时效指标 续保通知单在规定时间内汇出率            =100.00(%)         100.00(%)            13      13
              效益指标     社会效益指标 参保人对下年度政策知晓率             >99.00(%)          100.00(%)            15      15
             满意度指标 服务对象满意度    管理人员满意度                  >99.00(%)          100.00(%)            10      10
                         指标   参保人对邮寄工作满意度              >99.00(%)          100.00(%)            10      10
                                               总分                                             100   98.36
                                              评分等级                                       优
            """;
        var form = Assert.Single(LayoutReader.ReadLayoutText(text, "t.txt").Forms);
        Assert.EndsWith("665779件拟定2024年度预算。2.邮寄一封信函告知相关医保政策，进一步提升医保政策知晓率。", form.Goal);
        Assert.StartsWith("1.2024年加强项目预算申报数量控制", form.Outcome);
    }

    [Fact]
    public void A_value_wrapped_around_its_rows_score_line_goes_with_that_row_not_the_row_above()
    {
        // gen149-014-calc: 各项医保经办工 a line above the row's 达成指标 5.00 5.00, 作顺利开展 a line below; the first
        // line stood as near the row above (=100.00(%)) and went to it.
        var text = """
                                      财政项目支出绩效自评表
                                              （2024年度）
            项目名称 政府聘用辅助人员经费
            主管部门 上海市医疗保障局                              实施单位         上海市医疗保险事业管理中心
                            年初预算数          全年预算数       全年执行数         执行率         分数            得分
                   年度资金
                               1,723.97     1,636.69     1,572.51     96.07           10.00         9.61
                    总额

                 其中：当
            项目资金 年财政拨          1,723.97     1,636.69     1,572.51     96.07
            （万元）   款

                   上年结转
                                    0.00        0.00         0.00      0.00
                    资金

                   其他资金             0.00        0.00         0.00      0.00

                              预期目标                                    实际完成情况


             年度
             总体
             目标
                                         2024年通过使用政府聘用辅助人员，弥补了上海市医疗保险
             年度                          事业管理中心在编人员的不足，促进医疗保险经办管理工作
             总体    通过使用政府聘用辅助人员，弥补中心在编人员
                                         顺利运行，所聘用人员与岗位精准匹配，辅助人员及时完成
             目标    的不足，促进医疗保险经办管理工作顺利运行，
                                         相关工作通过绩效考核，确保各项医保经办工作及各项医保
                   窗口经办服务顺畅，保障更好地服务民生。
                                         监督检查工作顺利开展，窗口经办服务顺畅，更好地保障服
                                         务民生。

                                                                                         偏差原因分析
            一级指标 二级指标         三级指标            指标值         实际完成值        分值       得分
                                                                                          及改进措施
                   经济效益 预算执行率             ≥95.00(%)    96.07(%)          5.00     5.00
                    指标 资金使用合规性            =100.00(%)   100.00(%)         5.00     5.00
                          医保经办工作提升情 各项医保经办工
                                            达成指标                         5.00     5.00
                          况         作顺利开展
                   社会效益
            效益指标    指标 监督检查工作提升情 各项医保监督检
                                                       达成指标              5.00     5.00
                          况               查工作顺利开展
            """;
        var form = Assert.Single(LayoutReader.ReadLayoutText(text, "t.txt").Forms);
        Assert.Equal(["≥95.00(%)", "=100.00(%)", "各项医保经办工作顺利开展", "各项医保监督检查工作顺利开展"], form.Indicators.Select(i => i.Target));
    }

    [Fact]
    public void A_self_evaluation_with_blank_goal_and_outcome_cells_is_read()
    {
        // gen149-014-calc with the texts under 预期目标 / 实际完成情况 left out: the goal columns' reader took the
        // leftmost of no pieces and the form was lost to an internal error.
        var text = """
                                      财政项目支出绩效自评表
                                              （2024年度）
            项目名称 政府聘用辅助人员经费
            主管部门 上海市医疗保障局                              实施单位         上海市医疗保险事业管理中心
                            年初预算数          全年预算数       全年执行数         执行率         分数            得分
                   年度资金
                               1,723.97     1,636.69     1,572.51     96.07           10.00         9.61
                    总额

                 其中：当
            项目资金 年财政拨          1,723.97     1,636.69     1,572.51     96.07
            （万元）   款

                   上年结转
                                    0.00        0.00         0.00      0.00
                    资金

                   其他资金             0.00        0.00         0.00      0.00

                              预期目标                                    实际完成情况



                                                                                         偏差原因分析
            一级指标 二级指标         三级指标            指标值         实际完成值        分值       得分
                                                                                          及改进措施
                   经济效益 预算执行率             ≥95.00(%)    96.07(%)          5.00     5.00
                    指标 资金使用合规性            =100.00(%)   100.00(%)         5.00     5.00
                          医保经办工作提升情 各项医保经办工
                                            达成指标                         5.00     5.00
                          况         作顺利开展
                   社会效益
            效益指标    指标 监督检查工作提升情 各项医保监督检
                                                       达成指标              5.00     5.00
                          况               查工作顺利开展
            """;
        var document = LayoutReader.ReadLayoutText(text, "t.txt");
        var form = Assert.Single(document.Forms);
        Assert.Equal(4, form.Indicators.Count);
        Assert.DoesNotContain(document.Diagnostics, d => d.Code == Jixiao.Formats.Disclosure.DiagnosticCodes.UnreadRow);
    }

    [Fact]
    public void Stacked_money_labels_take_the_amounts_stacked_under_them_in_order_and_a_date_the_line_below()
    {
        // gen151c-026-chromium: 其中：当年财政拨款 over 上年结转资金, their amounts one a line under both; 计划完成日期
        // with its 2024/12/31 a line lower and right of it.
        var text = """
                                          财政项目支出绩效目标申报表
                                                  （2024年度）
            项目名称 医疗补助（二期）                 项目类别    其他运转类                   项目性质 其他经常性项目
            主管部门 上海市绿化和市容管理局
            实施单位 上海市松江区医疗保障局（本级）
            计划开始 2024/1/1                             计划完成日期
              日期                                               2024/12/31

                 项目资金总                 年度资金申请总额
                     额                                                              133336751.88

            项目资金 其中：财政                其中：当年财政拨款
             （元） 资金                     上年结转资金
                                                                                    132177155.75
                                                                                       370710.68
                  其他资金                   其他资金                                          788885.45
                 项目总目标                              年度总体目标
            项目绩效 群众获得感明显增强，系统全年稳定运行，故障响应时间不超过2小时，确保项目资金使用规范、安全、有效，服务对象满意度达到90%以上，培训人
              目标 员不少于300人次，做好疫情防控常态化保障工作，做好疫情防控常态化保障工作，年内完成验收并投入使用，服务对象满意度达到90%以上，按计划
             一级指标 二级指标                     三级指标                 年度(/项目)指标值
             产出指标 数量指标                 新增系统平台功能点                ≥20.00(个)
            """;
        var form = Assert.Single(LayoutReader.ReadLayoutText(text, "t.txt").Forms);
        Assert.Equal(new Jixiao.Domain.Model.Funds(133336751.88m, 132177155.75m, 370710.68m, 788885.45m), form.Funds);
        Assert.Equal(new DateOnly(2024, 12, 31), form.EndDate);
    }

    [Fact]
    public void A_goal_centred_on_its_label_keeps_a_line_split_at_its_spaces()
    {
        // word-gen157-020-chromium: the goal's first line (…方式，对 2022 年-2023 年工作中…) is four pieces; the lines
        // above 年度总体目标 were taken piece by piece, and its rightmost piece, far right of the line below it,
        // ended them.
        var text = """
                   上海市医疗保障局监督检查所 2023 年度项目绩效目标汇总表
                               财政项目支出绩效目标申报表
                                        （2023 年度）
            项目名                         项目性   经常性专项    项目类
                   医疗保险监管档案整理费                                   特定目标类
             称：                          质：   业务费       别：
            主管部
                   上海市医疗保障局
             门：
            实施单
                   上海市医疗保障局监督检查所
             位：
            计划开始                              计划完成日
                 2023-01-01                         2023-12-31
             日期：                                期：
                   项目资金总额           年度资金总额                                 150000.00
            项目资金 其中：财政资           其中：当年财政拨款                                150000.00
             （元）    金               上年结转资金                                      0.00
                    其他资金               其他资金                                     0.00
                              通过委托购买第三方服务的方式，对 2022 年-2023 年工作中形成的各类档
                              案进行规范化、标准化整理；购买档案整理服务验收合格；档案整理及时
               年度总体目标
                              且无遗漏；档案保存完好无损毁；档案保存时限符合有关规定；档案利用
                              率有所提升。

            一级指标    二级指标                  三级指标                    年度(/项目)指标值
                              档案整理完成数量                           ≥4000（卷（件））
                    数量指标
                              档案编目完成数量                           ≥8000（条）
                              档案保存期限                             ≥10（年）
            """;
        var form = Assert.Single(LayoutReader.ReadLayoutText(text, "t.txt").Forms);
        Assert.Equal("通过委托购买第三方服务的方式，对2022年-2023年工作中形成的各类档案进行规范化、标准化整理；购买档案整理服务验收合格；"
            + "档案整理及时且无遗漏；档案保存完好无损毁；档案保存时限符合有关规定；档案利用率有所提升。", form.Goal);
    }
}
