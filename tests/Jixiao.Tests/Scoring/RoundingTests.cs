using Jixiao.Domain.Scoring;

namespace Jixiao.Tests.Scoring;

public class RoundingTests
{
    [Theory]
    [InlineData("2.985", Rounding.HalfUp, "2.99")]
    [InlineData("2.985", Rounding.Truncate, "2.98")]
    [InlineData("2.975", Rounding.HalfUp, "2.98")] // banker's rounding would give 2.98 too; 2.985 above is the tie that tells them apart
    [InlineData("0.625", Rounding.HalfUp, "0.63")] // banker's: 0.62
    [InlineData("9.178", Rounding.Truncate, "9.17")]
    [InlineData("8.357", Rounding.HalfUp, "8.36")]
    [InlineData("75.2084", Rounding.Truncate, "75.20")]
    [InlineData("1.999999", Rounding.Truncate, "1.99")]
    public void Rounds_to_two_decimals(string value, Rounding rounding, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            rounding.Apply(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Labels_are_the_names_used_in_explanations()
    {
        Assert.Equal("half-up", Rounding.HalfUp.Label());
        Assert.Equal("truncate", Rounding.Truncate.Label());
    }
}
