using System.Text;
using Jixiao.Domain.Model;
using Jixiao.Formats.Disclosure;
using Jixiao.Formats.Sources;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Reading;

public class BadInputTests
{
    [Theory]
    [InlineData("")]
    [InlineData("\n\n\n")]
    [InlineData("hello world")]
    [InlineData("一级指标 二级指标 三级指标")]
    public void Text_that_is_no_disclosure_gives_no_forms_and_an_error(string text)
    {
        var doc = DisclosureReader.Read(text, "x.txt");

        Assert.Empty(doc.Forms);
        var error = Assert.Single(doc.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.NotADisclosure, error.Code);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Binary_junk_is_refused_with_a_diagnostic()
    {
        var random = new Random(7);
        var bytes = new byte[50_000];
        random.NextBytes(bytes);

        var doc = DisclosureReader.Read(Encoding.Latin1.GetString(bytes), "junk.bin");

        Assert.Empty(doc.Forms);
        Assert.Contains(doc.Diagnostics, d => d.Code == DiagnosticCodes.Binary);
    }

    [Fact]
    public void A_10_MB_line_is_skipped_with_its_line_number_and_the_rest_is_read()
    {
        var seed = Seeds.Text(Seeds.File000);
        var text = "x" + new string('长', 10_000_000) + "\n" + seed;

        var doc = DisclosureReader.Read(text, "long.txt");

        Assert.Equal(7, doc.Forms.Count);
        Assert.Contains(doc.Diagnostics, d => d.Code == DiagnosticCodes.LineTooLong && d.Line == 1);
        Assert.Equal(5, doc.Forms[0].Line);
    }

    [Fact]
    public void A_form_cut_in_half_is_reported_and_earlier_forms_survive()
    {
        var lines = Seeds.Text(Seeds.File002).Split('\n');
        var cut = string.Join('\n', lines.Take(290));

        var doc = DisclosureReader.Read(cut, "cut.txt");

        Assert.Equal(3, doc.Forms.Count);
        Assert.Equal(12, doc.Forms[0].Indicators.Count);
        Assert.Contains(doc.Diagnostics, d => d.Code == DiagnosticCodes.FormTruncated && d.Severity >= Severity.Warning);
    }

    [Fact]
    public void A_title_with_nothing_after_it_is_an_error_not_a_crash()
    {
        var doc = DisclosureReader.Read("财政项目支出绩效目标申报表\n（2024年度）\n", "t.txt");

        Assert.Empty(doc.Forms);
        Assert.Contains(doc.Diagnostics, d => d.Severity == Severity.Error && d.Code == DiagnosticCodes.FormTruncated && d.Line == 1);
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_read_the_same()
    {
        var seed = Seeds.Text(Seeds.File004);
        var crlf = "\uFEFF" + seed.Replace("\n", "\r\n", StringComparison.Ordinal);

        var doc = DocumentLoader.LoadBytes(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(crlf)).ToArray(), "crlf.txt")[0];

        Assert.Equal(15, doc.Forms.Count);
        Assert.Equal(240, doc.Forms.Sum(f => f.Indicators.Count));
    }

    [Fact]
    public void GB18030_text_is_decoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(Seeds.Text(Seeds.File000));

        var doc = DocumentLoader.LoadBytes(bytes, "gbk.txt")[0];

        Assert.Equal(7, doc.Forms.Count);
    }

    [Fact]
    public void Missing_files_and_malformed_json_are_unreadable_sources()
    {
        Assert.Throws<UnreadableSourceException>(() => DocumentLoader.Load("/nonexistent/file.txt"));
        Assert.Throws<UnreadableSourceException>(() => DocumentLoader.LoadBytes(Encoding.UTF8.GetBytes("{ \"forms\": [ "), "broken.json"));
    }

    [Fact]
    public void Text_laid_out_by_pdftotext_layout_reads_like_the_tab_layout()
    {
        // pdftotext -layout separates columns with runs of spaces where the seed has tabs.
        var tabbed = Seeds.Text(Seeds.File001);
        var spaced = string.Join('\n', tabbed.Split('\n').Select(l => l.Replace("\t", "    ", StringComparison.Ordinal)));

        var doc = DisclosureReader.Read(spaced, "layout.txt");

        Assert.Equal(34, doc.Forms.Count);
        Assert.Equal(356, doc.Forms.Sum(f => f.Indicators.Count));
        Assert.Equal(Seeds.Read(Seeds.File001).Forms.Select(f => f.Name), doc.Forms.Select(f => f.Name));
    }
}
