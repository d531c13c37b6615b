using Jixiao.Formats.Disclosure;
using Jixiao.Formats.Layout;
using Jixiao.Formats.Raw;
using Xunit;

namespace Jixiao.Tests.Reading;

/// <summary>项目性质 and 项目类别 printed side by side in narrow cells: their pieces untangled into list words, or left as read.</summary>
public sealed class RawHeadWordsTests
{
    private static (string? Nature, string? Category, int Diagnostics) Untangle(string? nature, string? category)
    {
        var fields = new List<(Field Field, string Value, int Line)>();
        if (nature is not null)
        {
            fields.Add((Field.Nature, nature, 3));
        }

        if (category is not null)
        {
            fields.Add((Field.Category, category, 3));
        }

        var diagnostics = new DiagnosticBag();
        RawHeadWords.Untangle(fields, diagnostics);
        return (fields.FirstOrDefault(f => f.Field == Field.Nature).Value, fields.FirstOrDefault(f => f.Field == Field.Category).Value, diagnostics.Count);
    }

    [Theory]
    [InlineData("其他经常性项其他运转类目", null, "其他经常性项目", "其他运转类")]
    [InlineData("长文本", "经常性专项业特定目标类务费", "经常性专项业务费", "特定目标类")]
    [InlineData("经常性专项", "特定目标类业务费", "经常性专项业务费", "特定目标类")]
    [InlineData("其他经常性", "项目特定目标类", "其他经常性项目", "特定目标类")]
    [InlineData("其他经常性项目上海市某局", "其他运转类", "其他经常性项目", "其他运转类")]
    [InlineData("特定目标类", "其他一次性项目", "其他一次性项目", "特定目标类")]
    public void Glued_or_split_values_are_cut_into_list_words(string? nature, string? category, string expectedNature, string expectedCategory)
    {
        var (n, c, d) = Untangle(nature, category);
        Assert.Equal(expectedNature, n);
        Assert.Equal(expectedCategory, c);
        Assert.True(d > 0);
    }

    [Theory]
    [InlineData("新型项目性质", "某类")]
    [InlineData("其他经常性项目", "特定目标类")]
    public void Values_that_cut_into_no_list_words_are_left_as_read(string nature, string category)
    {
        var (n, c, d) = Untangle(nature, category);
        Assert.Equal(nature, n);
        Assert.Equal(category, c);
        Assert.Equal(0, d);
    }
    [Fact]
    public void A_list_word_read_as_the_unit_goes_to_its_field_but_never_from_the_name()
    {
        var fields = new List<(Field Field, string Value, int Line)> { (Field.Name, "经常性专项业务费", 2), (Field.Unit, "其他运转类", 5) };
        RawHeadWords.Unlabelled(fields, [], new DiagnosticBag());
        Assert.Contains((Field.Category, "其他运转类", 5), fields);
        Assert.DoesNotContain(fields, f => f.Field == Field.Unit);
        Assert.Contains((Field.Name, "经常性专项业务费", 2), fields);
        Assert.DoesNotContain(fields, f => f.Field == Field.Nature);
    }

    [Fact]
    public void A_lone_list_word_whose_label_was_cut_around_it_is_taken()
    {
        var fields = new List<(Field Field, string Value, int Line)> { (Field.Nature, "其他经常性项目", 3) };
        var head = new List<RawItem> { new(RawKind.Value, "特定目标类", 1, 0), new(RawKind.Value, "其他经常性项目", 3, 0) };
        RawHeadWords.Unlabelled(fields, head, new DiagnosticBag());
        Assert.Contains((Field.Category, "特定目标类", 1), fields);
        Assert.Equal(2, fields.Count);
    }
    [Fact]
    public void A_unit_holding_sentences_and_a_goal_holding_a_name_are_swapped_back()
    {
        var fields = new List<(Field Field, string Value, int Line)> { (Field.Unit, "确保系统正常运行，为民众办实事。", 4), (Field.Goal, "上海市医疗保险事业管理中心", 9) };
        RawHeadWords.Sentences(fields, new DiagnosticBag());
        Assert.Equal([(Field.Unit, "上海市医疗保险事业管理中心", 4), (Field.Goal, "确保系统正常运行，为民众办实事。", 9)], fields);

        var kept = new List<(Field Field, string Value, int Line)> { (Field.Unit, "上海市某局", 4), (Field.Goal, "完成建设。", 9) };
        RawHeadWords.Sentences(kept, new DiagnosticBag());
        Assert.Equal("上海市某局", kept[0].Value);
    }
    [Fact]
    public void A_list_field_holding_the_goal_and_a_goal_holding_its_word_are_swapped_back()
    {
        // gen59-023-chromium: the goal read under 项目性质, the nature under the goal.
        var fields = new List<(Field Field, string Value, int Line)> { (Field.Nature, "本项目用于支持本所基本业务活动，维护基金安全。", 5), (Field.Goal, "经常性专项业务费", 12) };
        RawHeadWords.Sentences(fields, new DiagnosticBag());
        Assert.Equal([(Field.Nature, "经常性专项业务费", 5), (Field.Goal, "本项目用于支持本所基本业务活动，维护基金安全。", 12)], fields);

        // gen0-033-chromium: the goal under 项目类别, nothing under the goal.
        var empty = new List<(Field Field, string Value, int Line)> { (Field.Category, "确保就医对象准确无误，确保就医应报尽报。", 6), (Field.Goal, "", 12) };
        RawHeadWords.Sentences(empty, new DiagnosticBag());
        Assert.Equal([(Field.Category, "", 6), (Field.Goal, "确保就医对象准确无误，确保就医应报尽报。", 12)], empty);

        // No goal read at all: the list field's sentences are the goal.
        var none = new List<(Field Field, string Value, int Line)> { (Field.Category, "确保就医对象准确无误，确保就医应报尽报。", 6) };
        RawHeadWords.Sentences(none, new DiagnosticBag());
        Assert.Equal([(Field.Category, "", 6), (Field.Goal, "确保就医对象准确无误，确保就医应报尽报。", 6)], none);
    }

    [Fact]
    public void A_name_holding_a_list_word_is_swapped_with_the_list_field()
    {
        var fields = new List<(Field Field, string Value, int Line)> { (Field.Name, "特定目标类", 2), (Field.Category, "医疗保险个人账户管理经费", 3) };
        RawHeadWords.Unlabelled(fields, [], new DiagnosticBag());
        Assert.Contains((Field.Name, "医疗保险个人账户管理经费", 2), fields);
        Assert.Contains((Field.Category, "特定目标类", 3), fields);
    }
}
