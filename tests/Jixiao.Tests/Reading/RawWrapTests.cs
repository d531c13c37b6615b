using Jixiao.Formats.Disclosure;
using Jixiao.Formats.Raw;

namespace Jixiao.Tests.Reading;

/// <summary>Cells wrapped in a narrow column, read back whole from raw text.</summary>
public class RawWrapTests
{
    private static List<RawItem> Items(string text) => RawItems.Read(RawTokens.Read(text), new DiagnosticBag());

    [Fact]
    public void The_full_width_is_the_widest_common_width_of_lines_followed_by_a_line()
    {
        // Seven-character lines (14) wrapped, and lines of names that ended.
        Assert.Equal(14, RawRows.FullWidth([14, 14, 6, 14, 12, 14], [14, 14, 6, 14, 12, 14, 2]));
        // Too few lines of one width, or lines of one width among many of others.
        Assert.Null(RawRows.FullWidth([14, 14, 6], [14, 14, 6, 2]));
        Assert.Null(RawRows.FullWidth([18, 18, 18, 10, 12, 16, 20, 8], [18, 18, 18, 10, 12, 16, 20, 8]));
        // Texts wider than the width: the column is wider (names printed as a block).
        Assert.Null(RawRows.FullWidth([18, 18, 18, 10], [18, 18, 18, 10, 22, 24]));
    }

    [Fact]
    public void Names_wrapped_over_lines_in_a_narrow_column_are_joined()
    {
        // chromium-narrow-uming: a name column seven characters wide, a label column's pieces between.
        var text = "产出指 数量指 零售药店家庭废\n标\n标\n弃药品回收箱制\n作个数\n本市在产疫苗生\n产企业派驻率\n药品飞检企业家\n次\n\n≥250（个）\n\n=100（%）\n\n≥80（家次）\n";
        var rows = RawRows.Read(Items(text), selfEvaluation: false, new DiagnosticBag(), out _);

        Assert.Equal(
            [("零售药店家庭废弃药品回收箱制作个数", "≥250（个）"), ("本市在产疫苗生产企业派驻率", "=100（%）"), ("药品飞检企业家次", "≥80（家次）")],
            rows.Select(r => (r.Name, r.Target)));
    }

    [Fact]
    public void Whole_names_of_one_width_followed_by_text_targets_are_not_joined()
    {
        var text = "社会效益指标 培训人员技能提升情况\n有所提升\n相关研究结果应用情况\n有效应用\n医保信息安全保障情况\n有效保障\n";
        var rows = RawRows.Read(Items(text), selfEvaluation: false, new DiagnosticBag(), out _);

        Assert.Equal(
            [("培训人员技能提升情况", "有所提升"), ("相关研究结果应用情况", "有效应用"), ("医保信息安全保障情况", "有效保障")],
            rows.Select(r => (r.Name, r.Target)));
    }
}
