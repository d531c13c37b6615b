using System.Text;
using Jixiao.Domain.Model;
using Jixiao.Formats.Sources;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Reading;

public class PdfInputTests
{
    private static bool HasPdfToText => Tools.Find("pdftotext") is not null;

    [Fact]
    public void A_pdf_goes_through_pdftotext_or_fails_with_the_package_to_install()
    {
        var pdf = MinimalPdf("Hello from a PDF that is not a disclosure");

        if (HasPdfToText)
        {
            var doc = Assert.Single(DocumentLoader.LoadBytes(pdf, "hello.pdf"));
            Assert.Empty(doc.Forms);
            Assert.Contains(doc.Diagnostics, d => d.Severity == Severity.Error && d.Code == "not-a-disclosure");
        }
        else
        {
            var error = Assert.Throws<UnreadableSourceException>(() => DocumentLoader.LoadBytes(pdf, "hello.pdf"));
            Assert.Contains("poppler-utils", error.Message, StringComparison.Ordinal);
        }
    }

    [ToolFact("pdftotext")]
    public void A_damaged_pdf_is_an_unreadable_source_when_pdftotext_is_present()
    {
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.4\nthis is not really a pdf\n");
        Assert.Throws<UnreadableSourceException>(() => DocumentLoader.LoadBytes(bytes, "broken.pdf"));
    }

    /// <summary>A one-page PDF with a line of ASCII text in Helvetica, offsets computed for a valid xref.</summary>
    private static byte[] MinimalPdf(string text)
    {
        var content = $"BT /F1 12 Tf 72 720 Td ({text}) Tj ET";
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(sb.Length);
            sb.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = sb.Length;
        sb.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets)
        {
            sb.Append($"{o:D10} 00000 n \n");
        }

        sb.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }
}
