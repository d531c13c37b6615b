using Jixiao.Domain.Model;
using Jixiao.Formats.Sources;
using Jixiao.Formats.Xlsx;

namespace Jixiao.Tests.Exchange;

public class XlsxDiagnosticsTests
{
    [Fact]
    public void A_target_value_that_is_not_a_value_is_reported_at_its_cell_and_kept_as_text()
    {
        var doc = XlsxImporter.Read(TemplateImportTests.FilledTemplate(d14: "≥九十"), "bad.xlsx");

        var diagnostic = Assert.Single(doc.Diagnostics);
        Assert.Equal("Sheet1!D14: 指标值 \"≥九十\" 不是有效的值", diagnostic.Message);
        Assert.Equal((Severity.Warning, 14, "xlsx-invalid-value"), (diagnostic.Severity, diagnostic.Line, diagnostic.Code));
        var indicator = Assert.Single(doc.Forms).Indicators[2];
        Assert.Equal("≥九十", indicator.Target);
        Assert.Equal("≥九十", indicator.TargetValue.Text);
    }

    [Fact]
    public void A_weight_that_is_not_a_number_is_reported_at_its_cell_and_left_empty()
    {
        var doc = XlsxImporter.Read(TemplateImportTests.FilledTemplate(f14: "二十"), "bad.xlsx");

        Assert.Equal("Sheet1!F14: 分值 \"二十\" 不是有效的数字", Assert.Single(doc.Diagnostics).Message);
        Assert.Null(Assert.Single(doc.Forms).Indicators[2].Weight);
    }

    [Fact]
    public void Bad_header_cells_of_an_exported_form_name_the_sheet_and_cell()
    {
        var form = Jixiao.Tests.Support.Seeds.Read(Jixiao.Tests.Support.Seeds.File000).Forms[1];
        using var xlsx = new MemoryStream();
        XlsxExporter.WriteForm(xlsx, form);
        var bytes = XlsxPackage.Edit(xlsx.ToArray(), form.StartDate!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "2024-13-01");

        var doc = XlsxImporter.Read(bytes, "edited.xlsx");

        var diagnostic = Assert.Single(doc.Diagnostics);
        Assert.Equal("xlsx-invalid-date", diagnostic.Code);
        Assert.StartsWith($"{form.Name}!B", diagnostic.Message, StringComparison.Ordinal); // CJK letters need no quotes, as in Excel
        Assert.EndsWith("计划开始日期 \"2024-13-01\" 不是有效的日期（应为 2024-01-01）", diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(Assert.Single(doc.Forms).StartDate);
    }

    [Fact]
    public void Without_its_总分_row_a_self_evaluation_has_no_totals_and_its_grade_is_not_taken_for_a_number()
    {
        var form = Jixiao.Tests.Support.Seeds.Read(Jixiao.Tests.Support.Seeds.File002).Forms[0];
        using var xlsx = new MemoryStream();
        XlsxExporter.WriteForm(xlsx, form);

        // 评分等级 is then the row after the table; its grade stands under the 分值 column.
        var doc = XlsxImporter.Read(XlsxPackage.RemoveRow(xlsx.ToArray(), "总分"), "edited.xlsx");

        Assert.Empty(doc.Diagnostics);
        var read = Assert.Single(doc.Forms);
        Assert.Equal(((decimal?)null, (decimal?)null, "优"), (read.TotalWeight, read.TotalScore, read.Grade));
        Assert.Equal(form.Indicators, read.Indicators);
    }

    [Fact]
    public void A_file_named_xlsx_that_is_not_a_workbook_is_an_unreadable_source()
    {
        byte[] zipButNotXlsx = [(byte)'P', (byte)'K', 3, 4, 0, 0, 0, 0, 1, 2, 3];

        var error = Assert.Throws<UnreadableSourceException>(() => DocumentLoader.LoadBytes(zipButNotXlsx, "broken.xlsx"));
        Assert.Contains("broken.xlsx 不是有效的 XLSX 文件", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workbook_without_an_indicator_table_gives_no_form_and_an_error()
    {
        var doc = XlsxImporter.Read(HandMadeWorkbook.Create("Sheet1", ["你好"], ["世界"]), "hello.xlsx");

        Assert.Empty(doc.Forms);
        Assert.Contains(doc.Diagnostics, d => d.Severity == Severity.Info && d.Message == "Sheet1!A1: 工作表没有指标表（一级指标、三级指标），不是绩效表，已跳过");
        Assert.Contains(doc.Diagnostics, d => d.Severity == Severity.Error && d.Code == "xlsx-no-forms");
    }
}
