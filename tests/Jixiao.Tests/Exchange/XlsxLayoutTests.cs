using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Domain.Model;
using Jixiao.Formats.Xlsx;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Exchange;

public class XlsxLayoutTests
{
    private static byte[] Export(PerformanceForm form)
    {
        using var xlsx = new MemoryStream();
        XlsxExporter.WriteForm(xlsx, form);
        return xlsx.ToArray();
    }

    private static Worksheet Sheet(SpreadsheetDocument document, int index = 0)
    {
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ElementAt(index);
        return ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    [Fact]
    public void Self_evaluation_002_line_2_merges_its_level_labels_as_printed()
    {
        // 法律法规专项业务经费: rows 13–24 hold its 12 indicators: 产出指标 (数量 4, 质量 2, 时效 2, 成本 1), 效益 2, 满意度 1.
        var form = Seeds.Form(Seeds.File002, "法律法规专项业务经费");
        using var document = XlsxPackage.Open(Export(form));

        var merges = Sheet(document).Descendants<MergeCell>().Select(m => m.Reference!.Value).ToHashSet();

        Assert.Superset(new HashSet<string?> { "A13:A21", "B13:B16", "B17:B18", "B19:B20", "A22:A23", "B22:B23" }, merges);
        Assert.DoesNotContain(merges, m => m!.StartsWith("A24:", StringComparison.Ordinal) || m.StartsWith("B21:", StringComparison.Ordinal));
        Assert.Contains("A1:H1", merges);
        Assert.Contains("A5:A9", merges); // 项目资金（万元） beside its header and four rows
    }

    [Fact]
    public void A_form_prints_on_A4_portrait_fitted_to_the_width_within_its_print_area()
    {
        var form = Seeds.Form(Seeds.File002, "法律法规专项业务经费");
        using var document = XlsxPackage.Open(Export(form));
        var sheet = Sheet(document);

        var printArea = Assert.Single(document.WorkbookPart!.Workbook.DefinedNames!.Elements<DefinedName>());
        Assert.Equal(("_xlnm.Print_Area", 0u, "法律法规专项业务经费!$A$1:$H$26"), (printArea.Name!.Value, printArea.LocalSheetId!.Value, printArea.Text));
        var setup = sheet.GetFirstChild<PageSetup>()!;
        Assert.Equal((9u, OrientationValues.Portrait, 1u, 0u), (setup.PaperSize!.Value, setup.Orientation!.Value, setup.FitToWidth!.Value, setup.FitToHeight!.Value));
        Assert.True(sheet.SheetProperties!.PageSetupProperties!.FitToPage!.Value);
        var columns = sheet.Descendants<Column>().ToList();
        Assert.Equal(9, columns.Count);
        Assert.All(columns, c => Assert.True(c.CustomWidth!.Value && c.Width!.Value >= 8));
        Assert.True(columns[8].Hidden!.Value); // I: source line numbers, outside the print area
    }

    [Fact]
    public void Table_cells_have_thin_borders_and_wrap_and_tall_texts_get_tall_rows()
    {
        var form = Seeds.Form(Seeds.File002, "法律法规专项业务经费");
        using var document = XlsxPackage.Open(Export(form));
        var sheet = Sheet(document);
        var stylesheet = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;

        var name = sheet.Descendants<Cell>().Single(c => c.CellReference == "C13");
        var format = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)name.StyleIndex!.Value);
        var border = stylesheet.Borders!.Elements<Border>().ElementAt((int)format.BorderId!.Value);
        Assert.Equal(BorderStyleValues.Thin, border.LeftBorder!.Style!.Value);
        Assert.Equal(BorderStyleValues.Thin, border.BottomBorder!.Style!.Value);
        Assert.True(format.Alignment!.WrapText!.Value);

        var rows = sheet.Descendants<Row>().ToDictionary(r => r.RowIndex!.Value, r => r.Height!.Value);
        Assert.True(rows[11] > 5 * rows[4], $"goal row {rows[11]} pt, header row {rows[4]} pt"); // 预期目标 / 实际完成情况 of ~160 characters
    }

    [Fact]
    public void All_seeds_in_one_workbook_have_unique_sheet_names_of_at_most_31_characters()
    {
        var forms = Seeds.All.SelectMany(f => Seeds.Read(f).Forms).ToList();
        using var xlsx = new MemoryStream();
        XlsxExporter.Write(xlsx, forms, summary: true);
        using var document = XlsxPackage.Open(xlsx.ToArray());

        var names = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

        Assert.Equal(80 + 8, names.Count); // 80 forms and the 汇总表 of 8 units (and years)
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(names, n => Assert.InRange(n.Length, 1, 31));
        Assert.Contains("业务培训 (2)", names); // 004 prints 业务培训 twice
        Assert.Equal("汇总表 上海市医药集中招标采购事务管理所（上海医药采购中心）", names[0]);
        Assert.Equal("汇总表 上海市医药集中招标采购事务管理所（上海医药采购 (2)", names[4]); // its 2023 汇总表: cut to fit the suffix
        Assert.Equal(31, names[4].Length);
    }
}
