using System.Text;
using Jixiao.Formats.Disclosure;

namespace Jixiao.Tests.Reading;

/// <summary>
/// The allocation-free helpers of the reader's hot path agree with the plain string code they replaced:
/// every white-space and control character, every unusual character a line can carry.
/// </summary>
public class TextToolsTests
{
    private static readonly char[] AllWhiteSpace = Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray();

    [Fact]
    public void RemoveWhitespace_removes_every_white_space_character_and_keeps_the_rest()
    {
        foreach (var w in AllWhiteSpace)
        {
            var s = $"{w}满意度{w}{w}指标 95%{w}";
            Assert.Equal(string.Concat(s.Where(c => !char.IsWhiteSpace(c))), TextTools.RemoveWhitespace(s));
        }

        var long_ = string.Concat(Enumerable.Repeat("年度 总体\u3000目标\t", 200));
        Assert.Equal(long_.Replace(" ", "").Replace("\u3000", "").Replace("\t", ""), TextTools.RemoveWhitespace(long_));
        Assert.Same("无空白", TextTools.RemoveWhitespace("无空白"));
    }

    [Theory]
    [InlineData("项目", "项目", true)]
    [InlineData(" 项 目 ", "项目", true)]
    [InlineData("项\u3000目", "项目", true)]
    [InlineData("项目名称", "项目", false)]
    [InlineData("项", "项目", false)]
    [InlineData("", "项目", false)]
    [InlineData("", "", true)]
    public void CompactEquals_is_Compact_equality(string text, string value, bool expected)
    {
        Assert.Equal(expected, TextTools.CompactEquals(text, value));
        Assert.Equal(expected, TextTools.RemoveWhitespace(text) == value);
    }

    [Theory]
    [InlineData("评分等级：优", true)]
    [InlineData("评 分 等 级 良", true)]
    [InlineData("评分等", false)]
    [InlineData("评分 等级", true)]
    [InlineData("评价等级 优", false)]
    public void CompactStartsWith_is_Compact_StartsWith(string text, bool expected)
    {
        Assert.Equal(expected, TextTools.CompactStartsWith(text, "评分等级"));
        Assert.Equal(expected, TextTools.RemoveWhitespace(text).StartsWith("评分等级", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("年度总体目标", true)]
    [InlineData("年 度 总\u3000体目标 ：", true)]
    [InlineData("2024年度 年度总 体目标", true)]
    [InlineData("年度年度总体目", false)]
    [InlineData("年年度\t总体目标", true)]
    [InlineData("总体目标 年度", false)]
    [InlineData("", false)]
    public void CompactContains_is_Compact_Contains(string text, bool expected)
    {
        Assert.Equal(expected, TextTools.CompactContains(text, "年度总体目标"));
        Assert.Equal(expected, TextTools.RemoveWhitespace(text).Contains("年度总体目标", StringComparison.Ordinal));
        foreach (var w in AllWhiteSpace)
        {
            var spaced = string.Join(w, text.ToCharArray());
            Assert.Equal(expected, TextTools.CompactContains(spaced, "年度总体目标"));
        }
    }

    [Theory]
    [InlineData("6,765.00", "6765.00")]
    [InlineData("1，200", "1200")]
    [InlineData("-1", "-1")]
    [InlineData("83.00", "83.00")]
    [InlineData("abc", null)]
    [InlineData("", null)]
    public void ParseNumber_drops_thousands_separators(string token, string? expected)
    {
        var value = DisclosureReader.ParseNumber(token.AsSpan());
        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(value, DisclosureReader.ParseNumber(token));
    }

    [Fact]
    public void ParseNumber_reads_a_long_token_without_a_stack_buffer()
    {
        var token = "1" + new string('0', 20) + "," + new string('0', 200);
        Assert.Null(DisclosureReader.ParseNumber(token));
        Assert.Equal(12.5m, DisclosureReader.ParseNumber("1" + new string(',', 300) + "2.5"));
    }

    [Fact]
    public void Every_unusual_character_is_normalised_and_nothing_else_is()
    {
        for (var c = '\0'; c < '\u3100'; c++)
        {
            if (c == '\n')
            {
                continue;
            }

            var raw = $"指标{c}值";
            var line = ReadOne(raw);
            var expected = SourceLine.Normalize(raw, layoutColumns: false, new StringBuilder()).Trim();
            Assert.Equal(expected, line.Text);
        }

        Assert.Equal("指标 值", ReadOne("指标\uFFFD值").Text);
        Assert.Equal("a\tb", ReadOne("a\tb").Raw);
    }

    [Fact]
    public void Lines_are_read_in_place_across_buffer_boundaries()
    {
        var lines = Enumerable.Range(0, 20_000).Select(i => $"第{i}行 指标\u3000{new string('x', i % 37)}").ToArray();
        using var source = new LineSource(new StringReader(string.Join("\r\n", lines)), layoutColumns: false);
        var n = 0;
        var scratch = new StringBuilder();
        while (source.Read(out var text))
        {
            // As the string-building reader did: normalise the raw line (its CR and ideographic space).
            Assert.Equal(SourceLine.Normalize(lines[n] + "\r", layoutColumns: false, scratch), text.ToString());
            Assert.Equal(n + 1, source.Number);
            n++;
        }

        Assert.Equal(lines.Length, n);
    }

    [Fact]
    public void Tokens_and_cells_cut_from_the_line_are_what_splitting_its_string_gives()
    {
        var lines = new List<string> { "", " ", "指标", "  数量指标  完成率 ≥95% 10 9.5 ", "a\tb\t\tc ", "\t 一级指标\t\t", string.Join("  ", Enumerable.Range(0, 150).Select(i => $"t{i}")) };
        lines.AddRange(AllWhiteSpace.Select(w => $"{w}满意度{w} 指标{w}{w}95%\t 10 {w}"));
        foreach (var raw in lines)
        {
            var line = new SourceLine(1, raw.AsMemory());
            Assert.Equal(raw.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), line.Tokens);
            Assert.Equal(raw.Split('\t').Select(c => c.Trim()), line.Cells);
            Assert.Equal(raw.Trim(), line.Text);
            Assert.Equal(raw, line.Raw);
            Assert.Equal(TextTools.RemoveWhitespace(raw.Trim()), line.Compact);
        }
    }

    private static SourceLine ReadOne(string raw)
    {
        using var source = new LineSource(new StringReader(raw), layoutColumns: false);
        return source.Next()!;
    }
}
