using Jixiao.Formats.Layout;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Jixiao.Tests.Reading;

/// <summary>The PDF geometry stage on small built PDFs: how letters become pieces and cells.</summary>
public class PdfGeometryTests
{
    [Fact]
    public void A_column_whose_every_row_is_glued_tight_still_splits_where_it_starts()
    {
        // gen59-030-calc: a narrow label column wraps (项目名 / 称：) and its first line runs to 3 pt (a quarter
        // of the font size) before the value column; every row of that column is as tight, so no wider gap
        // ever marked the column's edge. Four rows glued at 1.5 pt (10 pt font) mark it all the same.
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var width = page.MeasureText("AAAA", 10, PdfPoint.Origin, font).Max(l => l.EndBaseLine.X);
        for (var row = 0; row < 4; row++)
        {
            page.AddText("AAAA", 10, new PdfPoint(200 - 1.5 - width, 700 - 20 * row), font);
            page.AddText("BBB" + row, 10, new PdfPoint(200, 700 - 20 * row), font);
        }

        var texts = PdfCells.Read(builder.Build()).Cells.Select(c => c.Text).ToList();
        Assert.Equal(["AAAA", "BBB0", "AAAA", "BBB1", "AAAA", "BBB2", "AAAA", "BBB3"], texts);
    }

    [Theory]
    [InlineData("≥2.00", "（份）", true)] // a bare quantity, its unit wrapped to the next line
    [InlineData("≥2（个工作", "日每周）", true)] // an unclosed bracket goes on
    [InlineData("=100（%）", "及时", false)] // a whole quantity: the next piece is another row's
    [InlineData("≥95%", "≥90%", false)]
    [InlineData("有较高影", "响力", null)] // text: the words do not say
    [InlineData("=100（%）", "（次）", null)]
    public void A_target_says_whether_the_line_after_it_goes_on(string previous, string next, bool? expected) =>
        Assert.Equal(expected, FormBuilder.TargetGoesOn(previous, next));
}
