using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jixiao.Formats.Xlsx;

/// <summary>Writes laid-out sheets as an XLSX package: shared strings, one styles part, a print area per sheet.</summary>
internal static class WorkbookWriter
{
    public static void Write(Stream output, IReadOnlyList<SheetBuilder> sheets)
    {
        if (sheets.Count == 0)
        {
            throw new ArgumentException("没有可导出的表（a workbook needs at least one sheet）", nameof(sheets));
        }

        // The package needs a seekable stream; build it in memory so any stream (an HTTP response) will do.
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var styles = new StyleBook();
            var strings = new SharedStrings();
            var list = new Sheets();
            var printAreas = new DefinedNames();
            for (var i = 0; i < sheets.Count; i++)
            {
                var sheet = sheets[i];
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(sheet, styles, strings);
                list.Append(new Sheet { Name = sheet.Name, SheetId = (uint)(i + 1), Id = workbook.GetIdOfPart(part) });
                printAreas.Append(new DefinedName($"{CellRefs.Quote(sheet.Name)}!$A$1:${CellRefs.Column(sheet.PrintColumns)}${sheet.LastRow}")
                {
                    Name = "_xlnm.Print_Area",
                    LocalSheetId = (uint)i,
                });
            }

            workbook.Workbook = new Workbook(list, printAreas);
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = styles.Build();
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = strings.Build();
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static Worksheet Worksheet(SheetBuilder sheet, StyleBook styles, SharedStrings strings)
    {
        var columns = new Columns(sheet.Widths.Select((w, i) => new Column
        {
            Min = (uint)(i + 1),
            Max = (uint)(i + 1),
            Width = w,
            CustomWidth = true,
            Hidden = sheet.HiddenColumns.Contains(i + 1) ? true : null,
        }));

        var data = new SheetData();
        foreach (var (row, cells) in sheet.Rows)
        {
            var xmlRow = new Row { RowIndex = (uint)row, Height = sheet.HeightOf(row), CustomHeight = true };
            foreach (var (column, cell) in cells)
            {
                xmlRow.Append(Cell(CellRefs.Of(row, column), cell, styles, strings));
            }

            data.Append(xmlRow);
        }

        var worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(new SheetView { WorkbookViewId = 0, ShowGridLines = false }),
            columns,
            data);
        if (sheet.Merges.Count > 0)
        {
            worksheet.Append(new MergeCells(sheet.Merges.Select(m => new MergeCell { Reference = m.ToString() })) { Count = (uint)sheet.Merges.Count });
        }

        worksheet.Append(
            new PrintOptions { HorizontalCentered = true },
            new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
            new PageSetup
            {
                PaperSize = 9, // A4
                Orientation = sheet.Landscape ? OrientationValues.Landscape : OrientationValues.Portrait,
                FitToWidth = 1,
                FitToHeight = 0,
            },
            new HeaderFooter(new OddFooter("&C第 &P 页，共 &N 页")));
        return worksheet;
    }

    private static Cell Cell(string reference, SheetBuilder.Placed placed, StyleBook styles, SharedStrings strings)
    {
        var cell = new Cell { CellReference = reference, StyleIndex = styles[placed.Look] };
        switch (placed.Value)
        {
            case string text:
                cell.DataType = CellValues.SharedString;
                cell.CellValue = new CellValue(strings.IndexOf(text).ToString(CultureInfo.InvariantCulture));
                break;
            case decimal number:
                // Written as printed ("4855541.00"), so the scale survives a round trip through this library.
                cell.CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture));
                break;
            case int number:
                cell.CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture));
                break;
        }

        return cell;
    }

    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly List<string> _strings = [];
        private int _references;

        public int IndexOf(string text)
        {
            _references++;
            if (!_index.TryGetValue(text, out var index))
            {
                index = _strings.Count;
                _strings.Add(text);
                _index[text] = index;
            }

            return index;
        }

        public SharedStringTable Build() =>
            new(_strings.Select(s => new SharedStringItem(new Text(XlsxText.Escape(s)) { Space = SpaceProcessingModeValues.Preserve })))
            {
                Count = (uint)_references,
                UniqueCount = (uint)_strings.Count,
            };
    }
}
