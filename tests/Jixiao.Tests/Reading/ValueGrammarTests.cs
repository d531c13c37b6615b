using Jixiao.Domain.Values;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Reading;

public class ValueGrammarTests
{
    [Theory]
    [InlineData("≥95.00(%)", "≥", "95.00", "%")]
    [InlineData(">=97%", "≥", "97", "%")]
    [InlineData("$\\geq 90\\%$", "≥", "90", "%")]
    [InlineData("$= 100.00$ (%)", "=", "100.00", "%")]
    [InlineData("≥ 50.00 (人次)", "≥", "50.00", "人次")]
    [InlineData("≤15(工作日)", "≤", "15", "工作日")]
    [InlineData("=100.00(百分比)", "=", "100.00", "百分比")]
    [InlineData("≥4000(卷(件))", "≥", "4000", "卷(件)")]
    [InlineData("=1次/季", "=", "1", "次/季")]
    [InlineData("=1.00(次/季)", "=", "1.00", "次/季")]
    [InlineData("≤60个工作日", "≤", "60", "个工作日")]
    [InlineData("<=5%", "≤", "5", "%")]
    [InlineData("<5件", "<", "5", "件")]
    [InlineData(">10659.00(条)", ">", "10659.00", "条")]
    [InlineData("＝956.00（元/家）", "=", "956.00", "元/家")]
    [InlineData("≥2(个工作日每周)", "≥", "2", "个工作日每周")]
    [InlineData("≥25(万人次/年)", "≥", "25", "万人次/年")]
    [InlineData("=8133.00(元/每家)", "=", "8133.00", "元/每家")]
    [InlineData("≥1,000,000.00(条)", "≥", "1000000.00", "条")]
    public void Quantities_parse_to_op_number_and_unit(string raw, string op, string number, string unit)
    {
        var v = ValueGrammar.Parse(raw);

        Assert.Equal(ComparisonSymbols.FromSymbol(op), v.Op);
        Assert.Equal(decimal.Parse(number, System.Globalization.CultureInfo.InvariantCulture), v.Number);
        Assert.Equal(unit, v.Unit);
        Assert.Null(v.Text);
    }

    [Theory]
    [InlineData("1400家", "1400", "家")]
    [InlineData("100.00(%)", "100.00", "%")]
    [InlineData("100%", "100", "%")]
    [InlineData("35801.00(件)", "35801.00", "件")]
    [InlineData("0.50(个工作日)", "0.50", "个工作日")]
    [InlineData("100.00", "100.00", null)]
    public void Actual_values_have_no_operator(string raw, string number, string? unit)
    {
        var v = ValueGrammar.Parse(raw);

        Assert.Null(v.Op);
        Assert.Equal(decimal.Parse(number, System.Globalization.CultureInfo.InvariantCulture), v.Number);
        Assert.Equal(unit, v.Unit);
    }

    [Theory]
    [InlineData("及时")]
    [InlineData("达成指标")]
    [InlineData("部分达成指标并具有一定效果")]
    [InlineData("2023年11月完成")]
    [InlineData("2023年12月底前")]
    [InlineData("队伍培训覆盖率100%")]
    [InlineData("7×24小时运行")]
    [InlineData("符合合同")]
    public void Qualitative_values_are_text(string raw)
    {
        var v = ValueGrammar.Parse(raw);

        Assert.Equal(new IndicatorValue(null, null, null, raw), v);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Empty_cells_are_empty_values(string? raw) => Assert.True(ValueGrammar.Parse(raw).IsEmpty);

    [Theory]
    [InlineData("≥")]
    [InlineData("=.")]
    [InlineData("≥99999999999999999999999999999999999(%)")]
    [InlineData("--5")]
    [InlineData("(((")]
    public void Junk_never_throws(string raw) => Assert.NotNull(ValueGrammar.Parse(raw));

    [Fact]
    public void Every_target_and_actual_spelled_in_the_seeds_parses_to_a_quantity_or_a_text()
    {
        foreach (var file in Seeds.All)
        {
            foreach (var i in Seeds.Read(file).Forms.SelectMany(f => f.Indicators))
            {
                if (i.Target.Length > 0)
                {
                    Assert.False(i.TargetValue.IsEmpty, $"{file}:{i.Line} target '{i.Target}'");
                    if (i.Target[0] is '≥' or '≤' or '>' or '<' or '=')
                    {
                        Assert.True(i.TargetValue.IsQuantity, $"{file}:{i.Line} target '{i.Target}' has an operator but no number");
                    }
                }

                if (i.ActualValue is { } actual && i.Actual![0] is >= '0' and <= '9')
                {
                    Assert.True(actual.IsQuantity, $"{file}:{i.Line} actual '{i.Actual}'");
                }
            }
        }
    }
}
