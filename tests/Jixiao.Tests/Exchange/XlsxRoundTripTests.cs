using Jixiao.Domain.Model;
using Jixiao.Formats.Json;
using Jixiao.Formats.Xlsx;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Exchange;

public class XlsxRoundTripTests
{
    [Theory]
    [InlineData(Seeds.File000)]
    [InlineData(Seeds.File001)]
    [InlineData(Seeds.File002)]
    [InlineData(Seeds.File003)]
    [InlineData(Seeds.File004)]
    public void Every_form_of_a_seed_reads_back_from_its_own_workbook_unchanged(string file)
    {
        foreach (var form in Seeds.Read(file).Forms)
        {
            using var xlsx = new MemoryStream();
            XlsxExporter.WriteForm(xlsx, form);

            var back = XlsxImporter.Read(xlsx.ToArray(), "form.xlsx");

            Assert.Empty(back.Diagnostics);
            var read = Assert.Single(back.Forms);
            AssertSame(form, read, $"{file}:{form.Line} {form.Name}");
        }
    }

    [Fact]
    public void All_seeds_in_one_workbook_with_the_unit_summaries_read_back_form_by_form()
    {
        var forms = Seeds.All.SelectMany(f => Seeds.Read(f).Forms).ToList();
        using var xlsx = new MemoryStream();
        XlsxExporter.WriteUnit(xlsx, forms);

        var back = XlsxImporter.Read(xlsx.ToArray(), "all.xlsx");

        Assert.Equal(forms.Count, back.Forms.Count);
        for (var i = 0; i < forms.Count; i++)
        {
            AssertSame(forms[i], back.Forms[i], $"form {i} {forms[i].Name}");
        }

        // The eight 汇总表 sheets are not forms: each is skipped with a note, nothing else is said.
        Assert.Equal(8, back.Diagnostics.Count);
        Assert.All(back.Diagnostics, d => Assert.Equal((Severity.Info, "xlsx-not-a-form"), (d.Severity, d.Code)));
    }

    internal static void AssertSame(PerformanceForm expected, PerformanceForm actual, string because)
    {
        Assert.True(expected with { Indicators = [] } == actual with { Indicators = [] }, because);
        Assert.Equal(expected.Indicators, actual.Indicators);
        Assert.Equal(FormJson(expected), FormJson(actual));
    }

    /// <summary>The interchange JSON of one form: equal JSON means equal numbers down to their printed decimals.</summary>
    internal static string FormJson(PerformanceForm form) =>
        DisclosureJson.ToJson(new DisclosureDocument("x", [form], []));
}
