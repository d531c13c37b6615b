using Jixiao.Formats.Raw;
using Xunit;

namespace Jixiao.Tests.Reading;

/// <summary>
/// A word processor sets digits apart from CJK text (LibreOffice Writer, Word): in raw text a year mark, a date or
/// a 汇总表 heading comes back as one token; other text keeps its spaces.
/// </summary>
public sealed class RawDigitSpaceTests
{
    [Fact]
    public void A_year_mark_a_date_and_a_heading_are_one_token_again()
    {
        var text = "某中心2024 年度项目绩效目标汇总表\n（2024 年度）\n计划开始日期\n2024 年 1 月 1 日\n";
        var tokens = RawTokens.Read(text).Select(t => t.Text).ToList();
        Assert.Equal(["某中心2024年度项目绩效目标汇总表", "（2024年度）", "计划开始日期", "2024年1月1日"], tokens);
    }

    [Fact]
    public void A_goal_that_opens_with_a_year_keeps_its_space()
    {
        // word-gen137-016-calc: joining 2024 年度聘请… made the goal's first token look like a heading.
        var tokens = RawTokens.Read("2024 年度聘请208人次的专家\n年度资金总额 4,855,541.00\n").Select(t => t.Text).ToList();
        Assert.Equal(["2024", "年度聘请208人次的专家", "年度资金总额", "4,855,541.00"], tokens);
    }
}
