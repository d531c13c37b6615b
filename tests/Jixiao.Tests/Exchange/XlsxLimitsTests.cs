using System.Diagnostics;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Jixiao.Domain.Model;
using Jixiao.Formats.Xlsx;

namespace Jixiao.Tests.Exchange;

/// <summary>Small hostile workbooks end in a diagnostic within seconds, never in running out of memory.</summary>
public class XlsxLimitsTests
{
    /// <summary>A one-sheet workbook holding text in <paramref name="cells"/> and one merged range <paramref name="merge"/>.</summary>
    private static byte[] Workbook(string merge, params string[] cells)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var reference in cells)
            {
                var row = uint.Parse(new string([.. reference.SkipWhile(char.IsAsciiLetter)]), System.Globalization.CultureInfo.InvariantCulture);
                data.Append(new Row(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text("x")) }) { RowIndex = row });
            }

            part.Worksheet = new Worksheet(data, new MergeCells(new MergeCell { Reference = merge }) { Count = 1 });
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1, Name = "Sheet1" }));
        }

        return buffer.ToArray();
    }

    private static (DisclosureDocument Document, TimeSpan Took) Read(byte[] xlsx, XlsxLimits? limits = null)
    {
        var watch = Stopwatch.StartNew();
        var document = XlsxImporter.Read(xlsx, "bomb.xlsx", limits ?? XlsxLimits.Default);
        return (document, watch.Elapsed);
    }

    [Fact]
    public void A_merge_over_the_whole_sheet_is_clipped_to_the_used_range_with_a_diagnostic()
    {
        var bomb = Workbook("A1:XFD1048576", "A1", "C3");
        Assert.True(bomb.Length < 4096, $"{bomb.Length} bytes");

        var (document, took) = Read(bomb);

        Assert.True(took < TimeSpan.FromSeconds(5), $"took {took}");
        var clipped = Assert.Single(document.Diagnostics, d => d.Code == "xlsx-merge-clipped");
        Assert.Equal((Severity.Warning, "Sheet1: 合并区域 A1:XFD1048576 超出工作表已用范围，按 A1:C3 读取"), (clipped.Severity, clipped.Message));
    }

    [Fact]
    public void A_merge_over_a_sheet_used_to_its_last_cell_stops_at_the_cell_cap()
    {
        var bomb = Workbook("A1:XFD1048576", "A1", "XFD1048576");

        var (document, took) = Read(bomb);

        Assert.True(took < TimeSpan.FromSeconds(5), $"took {took}");
        Assert.Empty(document.Forms);
        var stop = Assert.Single(document.Diagnostics);
        Assert.Equal((Severity.Error, "xlsx-too-many-cells"), (stop.Severity, stop.Code));
        Assert.Equal("Sheet1: 单元格（含合并区域覆盖的单元格）超过 2,000,000 个，已停止读取", stop.Message);
    }

    [Fact]
    public void A_part_that_unzips_beyond_the_cap_is_refused_before_it_is_read()
    {
        using var buffer = new MemoryStream();
        buffer.Write(Workbook("A1:B2", "A1"));
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var big = zip.CreateEntry("xl/media/zeros.bin", CompressionLevel.SmallestSize).Open();
            big.Write(new byte[3 * 1024 * 1024]); // 3 MB of zeros: a few KB zipped
        }

        var (document, took) = Read(buffer.ToArray(), new XlsxLimits(MaxPartBytes: 1024 * 1024));

        Assert.True(took < TimeSpan.FromSeconds(5), $"took {took}");
        Assert.Empty(document.Forms);
        var stop = Assert.Single(document.Diagnostics);
        Assert.Equal(("xlsx-part-too-large", "xl/media/zeros.bin 解压后 3 MB，超过上限 1 MB，已停止读取"), (stop.Code, stop.Message));
    }
}
