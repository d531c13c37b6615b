using Jixiao.Formats.Raw;
using Xunit;

namespace Jixiao.Tests.Reading;

/// <summary>A group heading (…汇总表) wrapped over lines before a form's title is read whole, and left out of the form before.</summary>
public sealed class RawHeadingTests
{
    private const string Form = "财政项目支出绩效目标申报表\n（2024年度）\n项目名称 信息化运维项目\n主管部门 上海市医疗保障局\n实施单位 上海市医疗保障局\n年度资金申请总额\n4,855,541.00\n一级指标 二级指标\n三级指标\n年度(/项目)指标值\n产出指标 数量指标 新增系统平台功能点\n≥20.00(个)\n";

    [Fact]
    public void A_wrapped_heading_is_read_whole_for_every_form()
    {
        var heading = "上海市医药集中招标采购事务管理所（上海医药采购中心）2024年\n度项目绩效目标汇总表\n";
        var doc = RawReader.Read(heading + Form + "\n" + heading + Form, "t.txt");

        Assert.Equal(2, doc.Forms.Count);
        Assert.All(doc.Forms, f => Assert.Equal("上海市医药集中招标采购事务管理所（上海医药采购中心）2024年度项目绩效目标汇总表", f.Group));
        Assert.All(doc.Forms, f => Assert.Single(f.Indicators));
    }

    [Fact]
    public void A_short_line_above_the_heading_is_not_joined()
    {
        var doc = RawReader.Read(Form + "优\n某局2024年度项目绩效目标汇总表\n" + Form, "t.txt");

        Assert.Equal("某局2024年度项目绩效目标汇总表", doc.Forms[1].Group);
    }
}
