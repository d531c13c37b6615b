using Jixiao.Domain.Model;
using Xunit.Abstractions;

namespace Jixiao.Tests.Zoo;

/// <summary>
/// The zoo's small fixed sample (<see cref="ZooCatalogue.Sample"/>: two printings per producer, three forms
/// each; two of them again as Word documents printed by LibreOffice Writer), printed, extracted three ways and
/// read back; the whole zoo is <c>bench zoo</c>. Skipped with the missing tool named when Chromium, LibreOffice
/// (Calc or Writer) or pdftotext is not installed.
/// </summary>
public sealed class ZooTests(ITestOutputHelper output) : IDisposable
{
    // The issue's goal on the PDF path (the geometry reader: 100 % of the sample's fields and forms when
    // this was written). The text paths are floors a little under what the reader gives today (session 7:
    // raw 53-88 %, -layout 92-97 % of each producer's sample fields), so they do not get worse; their goal of 99.5 % is not met.
    public const double PdfFieldThreshold = 0.995;

    public const double PdfFormThreshold = 0.95;

    public const double RawFieldThreshold = 0.50;

    public const double LayoutFieldThreshold = 0.88;

    private readonly string _folder = Directory.CreateTempSubdirectory("jixiao-zoo-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [ZooFact(ZooProducer.Chromium)]
    public void Chromium_sample_reads_back_at_least_the_thresholds_on_every_path() =>
        ReadBack(ZooCatalogue.Sample.Where(p => p.Producer == ZooProducer.Chromium).ToList());

    [ZooFact(ZooProducer.LibreOffice)]
    public void LibreOffice_sample_reads_back_at_least_the_thresholds_on_every_path() =>
        ReadBack(ZooCatalogue.Sample.Where(p => p.Producer == ZooProducer.LibreOffice).ToList());

    [ZooFact(ZooProducer.Writer)]
    public void Word_sample_reads_back_at_least_the_thresholds_on_every_path() =>
        ReadBack(ZooCatalogue.AsWord(ZooCatalogue.Sample.Where(p => p.Name is "chromium-official" or "calc-self")));

    [Fact]
    public void A_word_printing_merges_level_cells_down_spans_columns_and_repeats_the_header_row()
    {
        var p = ZooCatalogue.AsWord([ZooCatalogue.ChromiumLongThead])[0];
        var (document, _) = ZooLayout.Lay(p, ZooRunner.Forms(p));
        using var docx = new MemoryStream();
        DocxPrinter.Write(document, docx);
        docx.Position = 0;
        using var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docx, isEditable: false);
        var body = word.MainDocumentPart!.Document!.Body!;
        var tables = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().ToList();
        Assert.Equal(document.Blocks.OfType<ZooTableBlock>().Count(), tables.Count);

        // Every row of every table fills the eight grid columns, counting continued (merged-from-above) cells.
        foreach (var table in tables)
        {
            Assert.All(table.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>(), row => Assert.Equal(ZooDocument.Columns,
                row.Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Sum(c => c.TableCellProperties?.GridSpan?.Val?.Value ?? 1)));
        }

        var merges = body.Descendants<DocumentFormat.OpenXml.Wordprocessing.VerticalMerge>().ToList();
        Assert.Contains(merges, m => m.Val?.Value == DocumentFormat.OpenXml.Wordprocessing.MergedCellValues.Restart);
        Assert.Contains(merges, m => m.Val is null || m.Val.Value == DocumentFormat.OpenXml.Wordprocessing.MergedCellValues.Continue);
        Assert.NotEmpty(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableHeader>()); // the indicator header on every page
        Assert.Contains(body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>(), t => t.Text == "三级指标");
        Assert.Equal("word-chromium-long-thead", p.Name);
        Assert.Equal(ZooProducer.Writer, p.Producer);
    }

    private void ReadBack(IReadOnlyList<ZooPrinting> printings)
    {
        var results = printings.AsParallel().AsOrdered().WithDegreeOfParallelism(2).Select(p => ZooRunner.Run(p, _folder)).ToList();
        output.WriteLine(ZooRunner.Table(results));
        output.WriteLine(ZooRunner.TopDifferences(results, top: 10));

        // The generator first: every string of every form is in the PDF, whatever the reader makes of it.
        Assert.All(results, r => Assert.True(r.Unprinted.Count == 0, $"{r.Printing.Name} did not print: {string.Join(" | ", r.Unprinted)}"));
        Assert.All(results, r => Assert.InRange(r.Expected.Count, 3, 6));

        var byPath = ZooRunner.ByPath(results);
        Assert.True(byPath[ZooRunner.PdfPath].FieldAccuracy >= PdfFieldThreshold, $"pdf: {byPath[ZooRunner.PdfPath].FieldAccuracy:P2} of fields < {PdfFieldThreshold:P1}");
        Assert.True(byPath[ZooRunner.PdfPath].FormAccuracy >= PdfFormThreshold, $"pdf: {byPath[ZooRunner.PdfPath].FormAccuracy:P2} of forms < {PdfFormThreshold:P1}");
        Assert.True(byPath[ZooRunner.RawPath].FieldAccuracy >= RawFieldThreshold, $"raw: {byPath[ZooRunner.RawPath].FieldAccuracy:P2} of fields < {RawFieldThreshold:P1}");
        Assert.True(byPath[ZooRunner.LayoutPath].FieldAccuracy >= LayoutFieldThreshold, $"layout: {byPath[ZooRunner.LayoutPath].FieldAccuracy:P2} of fields < {LayoutFieldThreshold:P1}");
    }

    [Fact]
    public void The_catalogue_varies_what_the_issue_asks_for()
    {
        var all = ZooCatalogue.All;
        Assert.True(all.Count >= 14);
        Assert.True(all.Count(p => p.Producer == ZooProducer.LibreOffice) >= 4);
        Assert.Equal(all.Count, all.Select(p => p.Name).Distinct().Count());
        Assert.Contains(all, p => p.Landscape);
        Assert.Contains(all, p => !p.Landscape);
        Assert.True(all.Select(p => p.Font).Distinct().Count() >= 5);
        Assert.True(all.Count(p => !p.Borders) >= 2);
        Assert.Contains(all, p => p.Borders && p.HorizontalRulesOnly && p.Producer == ZooProducer.Chromium);
        Assert.Contains(all, p => p.Borders && p.HorizontalRulesOnly && p.Producer == ZooProducer.LibreOffice);
        Assert.Contains(all, p => p.LabelShading && p.Producer == ZooProducer.Chromium);
        Assert.Contains(all, p => p.LabelShading && p.Producer == ZooProducer.LibreOffice);
        Assert.Contains(all, p => p.RepeatHeader);
        Assert.Contains(all, p => p.IndicatorsPerPage is not null && p.Producer == ZooProducer.Chromium);
        Assert.Contains(all, p => p.IndicatorsPerPage is not null && p.Producer == ZooProducer.LibreOffice);
        Assert.Contains(all, p => p.MoneyHorizontal);
        Assert.Contains(all, p => p.FullWidthBrackets);
        Assert.Contains(all, p => p.GroupHeading);
        Assert.True(all.Select(p => string.Join(",", p.BudgetOrder)).Distinct().Count() >= 3);
        Assert.True(all.Select(p => p.EmptyMark).Distinct().Count() >= 3);
        Assert.True(all.Select(p => p.TargetLabel).Distinct().Count() >= 3);
        Assert.Equal(3, all.Select(p => p.Dates).Distinct().Count());
        Assert.Contains(all, p => p.PageFooter && p.Producer == ZooProducer.Chromium);
        Assert.Contains(all, p => p.PageFooter && p.Producer == ZooProducer.LibreOffice);
        Assert.Contains(all, p => p.RatePercentSign);
        Assert.All(all, p => Assert.InRange(p.FontSize, 9, 14));
        Assert.All(all, p => Assert.InRange(p.Forms.Count, 2, 6));
        Assert.All(ZooCatalogue.Sample, p => Assert.Contains(p, all));
    }

    [Fact]
    public void Generated_printings_are_the_same_for_the_same_seed_and_differ_for_another()
    {
        static string Describe(ZooPrinting p) =>
            $"{string.Join(",", p.Forms)} {string.Join(",", p.Widths)} {string.Join(",", p.BudgetOrder)} "
            + $"{p.Producer} {p.Font} {p.FontSize} {p.Borders} {p.TargetLabel} {p.EmptyMark} {p.RepeatHeader} {p.MoneyHorizontal}";

        var a = ZooCatalogue.Generated(7, 12).Select(Describe).ToList();
        Assert.Equal(a, ZooCatalogue.Generated(7, 12).Select(Describe));
        Assert.NotEqual(a, ZooCatalogue.Generated(8, 12).Select(Describe));
        Assert.Equal(12, a.Distinct().Count());
        Assert.Contains(ZooCatalogue.Generated(7, 12), p => p.Producer == ZooProducer.LibreOffice);
    }

    [Fact]
    public void Content_variation_changes_words_and_numbers_but_not_the_knobs_or_the_level_labels()
    {
        var tame = ZooCatalogue.Generated(7, 6);
        var wild = ZooCatalogue.Generated(7, 6, content: true);
        Assert.Equal(tame.Select(p => (p.Forms.Count, p.Font, p.Producer)), wild.Select(p => (p.Forms.Count, p.Font, p.Producer)));
        Assert.All(tame, p => Assert.Null(p.ContentSeed));

        var seeds = wild.SelectMany(p => ZooRunner.Forms(p with { ContentSeed = null })).ToList();
        var varied = wild.SelectMany(ZooRunner.Forms).ToList();
        Assert.Equal(varied.Select(f => f.Name), wild.SelectMany(ZooRunner.Forms).Select(f => f.Name)); // the same seed, the same content
        Assert.Equal(seeds.Select(f => (f.Kind, f.Year)), varied.Select(f => (f.Kind, f.Year)));
        Assert.True(varied.Zip(seeds).Count(p => p.First.Name != p.Second.Name) >= varied.Count / 2);
        var indicators = varied.SelectMany(f => f.Indicators).ToList();
        Assert.All(indicators, i => Assert.True(IndicatorLevels.IsLevel1(i.Level1) || i.Level1.Length == 0, i.Level1));
        Assert.Contains(indicators, i => i.TargetValue.IsQuantity && !seeds.SelectMany(f => f.Indicators).Any(s => s.Target == i.Target));
        Assert.All(varied.Where(f => f.Kind == FormKind.SelfEvaluation && f.TotalWeight is not null),
            f => Assert.Equal(f.Indicators.Sum(i => i.Weight ?? 0) + (f.Budget?.Total?.Weight ?? 0), f.TotalWeight));
    }

    [Fact]
    public void A_printing_prints_values_as_the_knobs_say_and_the_expected_form_is_the_generating_form()
    {
        var p = ZooCatalogue.ChromiumNarrowUming with { Thousands = true, DropWholeDecimals = true };
        var forms = ZooRunner.Forms(p);
        var (document, expected) = ZooLayout.Lay(p, forms);
        var html = HtmlPrinter.Html(document);

        Assert.Equal(forms.Count, expected.Count);
        Assert.Equal(forms.Select(f => f.Name), expected.Select(f => f.Name));
        Assert.Contains("（个）", html, StringComparison.Ordinal); // full-width brackets in values
        Assert.Contains(">指标值<", html, StringComparison.Ordinal);
        Assert.Contains(">/<", html, StringComparison.Ordinal); // the empty mark in a budget weight cell
        Assert.Equal("4,855,541", ZooNumbers.Format(p, 4855541.00m));
        Assert.Equal("89.55", ZooNumbers.Format(p, 89.55m));
        Assert.Equal("4855541.00", ZooNumbers.Format(ZooCatalogue.ChromiumSelfWide, 4855541.00m));
        Assert.All(expected.Where(f => f.Kind == Domain.Model.FormKind.SelfEvaluation), f => Assert.Null(f.StartDate));
        Assert.All(expected, f => Assert.Null(f.Group)); // no 汇总表 heading printed, so none expected
    }
}
