using Jixiao.Formats.Raw;
using Xunit;

namespace Jixiao.Tests.Reading;

/// <summary>Bare numbers in raw text: a page's own number at its edge is furniture, any other is a cell's value.</summary>
public sealed class RawPageNumberTests
{
    [Fact]
    public void A_bare_number_is_a_page_number_only_at_its_pages_edge()
    {
        // Page 1 ends with its number 1; page 2 holds a whole total 100 and a weight 10 and ends with 2.
        var text = "总分\n1\n\f评分等级\n100\n10\n2\n\f";
        var tokens = RawTokens.Read(text).Select(t => t.Text).ToList();
        Assert.Equal(["总分", "评分等级", "100", "10"], tokens);
    }

    [Fact]
    public void A_bare_number_that_is_not_its_pages_number_is_kept_at_the_edge()
    {
        // The last cell of page 1 is a score 8; page 1's number would be 1.
        var tokens = RawTokens.Read("分值\n8\n\f得分\n").Select(t => t.Text).ToList();
        Assert.Equal(["分值", "8", "得分"], tokens);
    }

    [Fact]
    public void Page_furniture_spelt_out_is_still_left_out()
    {
        var tokens = RawTokens.Read("项目名称\n第 3 页，共 7 页\n- 4 -\n信息化运维项目\n").Select(t => t.Text).ToList();
        Assert.Equal(["项目名称", "信息化运维项目"], tokens);
    }
}
