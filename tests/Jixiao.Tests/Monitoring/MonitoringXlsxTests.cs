using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Domain.Model;
using Jixiao.Domain.Monitoring;
using Jixiao.Formats.Json;
using Jixiao.Formats.Xlsx;

namespace Jixiao.Tests.Monitoring;

public class MonitoringXlsxTests
{
    private static MonitoringDocument Sample() => Assert.Single(MonitoringJson.Read(File.ReadAllText(MonitoringSample.Path), "sample-monitoring.json"));

    private static byte[] Official(params MonitoringForm[] forms)
    {
        using var stream = new MemoryStream();
        MonitoringXlsx.Write(stream, forms);
        return stream.ToArray();
    }

    private static byte[] Template(MonitoringForm? form)
    {
        using var stream = new MemoryStream();
        MonitoringXlsx.WriteTemplate(stream, form);
        return stream.ToArray();
    }

    /// <summary>The form as JSON without the document's envelope: field by field, numbers with their printed decimals.</summary>
    private static string Json(MonitoringForm form) => MonitoringJson.ToJson(new MonitoringDocument("x", [form], []));

    [Fact]
    public void The_official_layout_reads_back_field_by_field()
    {
        var form = Assert.Single(Sample().Forms);
        var back = Assert.Single(MonitoringXlsx.Read(Official(form), "监控.xlsx").Forms);
        Assert.Equal(Json(form), Json(back));
        Assert.Equal((2023, 7, 1, new MonitoringBasis("组织人事专项", 2023), "158"), (back.Year, back.Through, back.Line, back.BasedOn, back.DepartmentCode));
        Assert.Equal(new MonitoringBudgetRow(30.06m, null, 10.90m, 36.26m, 28.00m, "培训集中在下半年，9月起按计划支付。"), back.Budget.Total);
        Assert.Equal([DeviationCause.Staffing, DeviationCause.Hardware], back.Indicators[6].Causes);
        Assert.Equal(Likelihood.Impossible, back.Indicators[6].Likelihood);
    }

    [Fact]
    public void The_template_reads_back_field_by_field_except_source_lines()
    {
        var form = Assert.Single(Sample().Forms);
        var back = Assert.Single(MonitoringXlsx.Read(Template(form), "模板.xlsx").Forms);
        var withoutLines = form with { Line = 0, Indicators = [.. form.Indicators.Select(i => i with { Line = 0 })] };
        Assert.Equal(Json(withoutLines), Json(back));
    }

    [Fact]
    public void The_official_layout_prints_the_period_and_ticks_the_causes()
    {
        var form = Assert.Single(Sample().Forms) with { Through = 6 };
        var cells = Texts(Official(form));
        Assert.Contains("项目支出绩效目标执行监控表", cells);
        Assert.Contains("（2023年度 1–6月）", cells);
        Assert.Contains("1–6月执行数", cells);
        Assert.Contains("1–6月实际完成值", cells);
        Assert.Contains("1–6月目标实际完成情况", cells);
        Assert.Equal(2 + 2, cells.Count(c => c == MonitoringSheet.Tick)); // 人员保障 and 硬件条件保障 of two indicators
        Assert.Equal(6, Assert.Single(MonitoringXlsx.Read(Official(form), "x.xlsx").Forms).Through);
    }

    [Fact]
    public void Several_forms_are_one_sheet_each()
    {
        var form = Assert.Single(Sample().Forms);
        var other = form with { Name = "另一项目", Through = 8 };
        var back = MonitoringXlsx.Read(Official(form, other), "x.xlsx").Forms;
        Assert.Equal([("组织人事专项", 7), ("另一项目", 8)], back.Select(f => (f.Name, f.Through)));
    }

    [Theory]
    [InlineData("经费保障", "天气", "组织人事专项.indicators[0].causes", "偏差原因 \"天气\" 不是 经费保障、制度保障、人员保障、硬件条件保障、其他 之一")]
    [InlineData("确定能", "也许", "组织人事专项.indicators[0].likelihood", "完成目标可能性 \"也许\" 不是 确定能、有可能、完全不可能 之一")]
    [InlineData("7", "13", "组织人事专项.through", "截至月份须为 1 到 12 的整数，实为 13")]
    [InlineData("10.90", "十点九", "组织人事专项.budget.total.executed", "执行数 \"十点九\" 不是有效的数字")]
    public void Bad_input_names_the_field_and_the_cell_and_reads_nothing(string original, string replacement, string field, string message)
    {
        var form = Assert.Single(Sample().Forms);
        form = form with
        {
            Indicators = [form.Indicators[0] with { Causes = [DeviationCause.Funding] }, .. form.Indicators.Skip(1)],
        };
        var bytes = Replace(Template(form), original, replacement);
        var ex = Assert.Throws<MonitoringInputException>(() => MonitoringXlsx.Read(bytes, "模板.xlsx"));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal(field, problem.Field);
        if (!field.EndsWith("through", StringComparison.Ordinal))
        {
            Assert.Matches(@"^组织人事专项![A-Z]+\d+: ", problem.Message); // the cell, then what is wrong
        }

        Assert.EndsWith(message, problem.Message);
    }

    [Fact]
    public void The_form_reader_leaves_monitoring_sheets_to_monitor()
    {
        var document = XlsxImporter.Read(Official(Assert.Single(Sample().Forms)), "监控.xlsx");
        Assert.Empty(document.Forms);
        Assert.Contains(document.Diagnostics, d => d.Code == "monitoring-forms" && d.Severity == Severity.Info);
    }

    [Fact]
    public void A_workbook_without_monitoring_forms_is_an_error()
    {
        using var stream = new MemoryStream();
        XlsxExporter.WriteTemplate(stream, FormKind.Target);
        var ex = Assert.Throws<MonitoringInputException>(() => MonitoringXlsx.Read(stream.ToArray(), "申报.xlsx"));
        Assert.Equal("工作簿中没有执行监控表", Assert.Single(ex.Problems).Message);
    }

    /// <summary>Every text and number of every sheet, as shown.</summary>
    private static List<string> Texts(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var shared = document.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        return [.. document.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>())
            .Where(c => c.CellValue is not null)
            .Select(c => c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)] : c.CellValue!.Text)];
    }

    /// <summary>The workbook with the first cell showing <paramref name="from"/> showing <paramref name="to"/> (as text) instead.</summary>
    private static byte[] Replace(byte[] xlsx, string from, string to)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var shared = document.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var cell = document.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>())
                .First(c => c.CellValue is not null && (c.DataType?.Value == CellValues.SharedString
                    ? shared[int.Parse(c.CellValue.Text, System.Globalization.CultureInfo.InvariantCulture)] == from
                    : c.CellValue.Text == from));
            cell.DataType = CellValues.InlineString;
            cell.CellValue = null;
            cell.InlineString = new InlineString(new Text(to));
        }

        return stream.ToArray();
    }
}
