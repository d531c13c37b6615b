using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jixiao.Tests.Exchange;

/// <summary>
/// A workbook written the way other tools write them: inline strings, bare numbers without number
/// formats, no styles part, nothing merged. Rows are given top to bottom; null leaves a cell empty.
/// </summary>
internal static class HandMadeWorkbook
{
    public static byte[] Create(string sheetName, params object?[][] rows)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    if (rows[r][c] is { } value)
                    {
                        row.Append(Cell($"{(char)('A' + c)}{r + 1}", value));
                    }
                }

                data.Append(row);
            }

            part.Worksheet = new Worksheet(data);
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Name = sheetName, SheetId = 1, Id = workbook.GetIdOfPart(part) }));
        }

        return buffer.ToArray();
    }

    private static Cell Cell(string reference, object value) => value switch
    {
        string text => new Cell(new InlineString(new Text(text))) { CellReference = reference, DataType = CellValues.InlineString },
        _ => new Cell { CellReference = reference, CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!) },
    };
}
