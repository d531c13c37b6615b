using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jixiao.Tests.Exchange;

/// <summary>Looks into and edits XLSX packages in tests, with the OpenXML SDK directly (not through the code under test).</summary>
internal static class XlsxPackage
{
    public static SpreadsheetDocument Open(byte[] xlsx) => SpreadsheetDocument.Open(new MemoryStream(xlsx), isEditable: false);

    /// <summary>Every shared string of a workbook.</summary>
    public static HashSet<string> Texts(byte[] xlsx)
    {
        using var document = Open(xlsx);
        return document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToHashSet();
    }

    /// <summary>The workbook without the first sheet's row that holds the shared string <paramref name="text"/>.</summary>
    public static byte[] RemoveRow(byte[] xlsx, string text)
    {
        using var buffer = new MemoryStream();
        buffer.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(buffer, isEditable: true))
        {
            var workbook = document.WorkbookPart!;
            var index = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ToList().FindIndex(s => s.InnerText == text);
            var sheet = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().First().Id!);
            sheet.Worksheet.Descendants<Row>()
                .First(r => r.Elements<Cell>().Any(c => c.DataType?.Value == CellValues.SharedString && c.CellValue?.Text == index.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Remove();
        }

        return buffer.ToArray();
    }

    /// <summary>The workbook with the shared string <paramref name="old"/> replaced, as someone editing the file in Excel would.</summary>
    public static byte[] Edit(byte[] xlsx, string old, string replacement)
    {
        using var buffer = new MemoryStream();
        buffer.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(buffer, isEditable: true))
        {
            var item = document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Single(s => s.InnerText == old);
            item.Text = new Text(replacement);
        }

        return buffer.ToArray();
    }
}
