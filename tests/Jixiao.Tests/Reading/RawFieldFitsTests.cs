using Jixiao.Formats.Layout;
using Jixiao.Formats.Raw;
using Xunit;

namespace Jixiao.Tests.Reading;

/// <summary>What a head field's value may look like in raw text.</summary>
public sealed class RawFieldFitsTests
{
    [Theory]
    [InlineData(Field.FundsOther, "2023-12-31", false)]
    [InlineData(Field.FundsOther, "0.00", true)]
    [InlineData(Field.FundsTotal, "4,855,541.00", true)]
    [InlineData(Field.EndDate, "2023-12-31", true)]
    public void A_whole_date_is_no_amount(Field field, string value, bool fits) => Assert.Equal(fits, RawFields.Fits(field, value));
}
