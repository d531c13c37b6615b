using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Jixiao.Tests.Zoo;

/// <summary>
/// Renders a laid-out printing as an XLSX workbook — merged cells, borders, fonts, numbers stored as numbers
/// with a number format — and converts it to PDF with LibreOffice Calc, as most published forms were made.
/// </summary>
public static class XlsxPrinter
{
    /// <summary>Points of page width one unit of column width takes (a digit of the default font, with padding).</summary>
    private const double PointsPerWidthUnit = 5.6;

    /// <summary>Printable width of A4 in points with the margins set below (0.5 in each side).</summary>
    private const double PortraitPoints = 523;
    private const double LandscapePoints = 770;

    /// <summary>Writes <c>NAME.xlsx</c> and <c>NAME.pdf</c> into <paramref name="folder"/>; returns the PDF's path.</summary>
    public static string Print(ZooDocument document, string folder) =>
        ZooTools.ConvertToPdf(Path.Combine(folder, document.Printing.Name + ".xlsx"), output => Write(document, output));

    public static void Write(ZooDocument document, Stream output)
    {
        var p = document.Printing;
        var pageWidth = (p.Landscape ? LandscapePoints : PortraitPoints) / PointsPerWidthUnit;
        var total = p.Widths.Sum();
        var widths = p.Widths.Select(w => w / total * pageWidth).ToArray();
        var sheets = new List<SheetPlan>();
        var current = new SheetPlan(widths);
        sheets.Add(current);
        var row = 1;
        var forms = 0;
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case ZooFormStart:
                    if (p.SheetPerForm && forms > 0)
                    {
                        current = new SheetPlan(widths);
                        sheets.Add(current);
                        row = 1;
                    }

                    forms++;
                    break;
                case ZooPageBreak:
                    if (row > 1)
                    {
                        current.Breaks.Add(row - 1);
                    }

                    break;
                case ZooHeading h:
                    current.Put(row, 1, new ZooCell(h.Text, ZooCellKind.Label, ZooDocument.Columns), p.FontSize * h.Scale, heading: true, bold: h.Bold);
                    current.Heights[row] = p.FontSize * h.Scale * 1.6 + 4;
                    row++;
                    break;
                case ZooTableBlock t:
                    row = PlaceTable(current, t.Table, row, p);
                    break;
            }
        }

        using var buffer = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = doc.AddWorkbookPart();
            var styles = new Styles(p);
            var list = new Sheets();
            for (var i = 0; i < sheets.Count; i++)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(sheets[i], styles, p);
                list.Append(new Sheet { Name = $"表{i + 1}", SheetId = (uint)(i + 1), Id = workbook.GetIdOfPart(part) });
            }

            workbook.Workbook = new Workbook(list);
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = styles.Build();
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    /// <summary>Places a table's cells from <paramref name="row"/> on, resolving spans against cells merged from above; returns the next free row.</summary>
    private static int PlaceTable(SheetPlan sheet, ZooTable table, int row, ZooPrinting p)
    {
        var covered = new HashSet<(int Row, int Column)>();
        var needs = new List<(int Row, int Rows, double Points)>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var column = 1;
            foreach (var cell in table.Rows[r])
            {
                while (covered.Contains((r, column)))
                {
                    column++;
                }

                sheet.Put(row + r, column, cell, p.FontSize, heading: false, bold: cell.Kind == ZooCellKind.Label);
                for (var dr = 0; dr < cell.Rows; dr++)
                {
                    for (var dc = 0; dc < cell.Columns; dc++)
                    {
                        covered.Add((r + dr, column + dc));
                    }
                }

                var width = sheet.Widths.Skip(column - 1).Take(cell.Columns).Sum() * PointsPerWidthUnit;
                needs.Add((row + r, cell.Rows, Lines(cell.Text, width, p.FontSize) * p.FontSize * 1.4 + 5));
                column += cell.Columns;
            }
        }

        // Rows fit their own cells first, then a cell merged down several rows stretches the last of them.
        foreach (var (r, _, points) in needs.Where(n => n.Rows == 1))
        {
            sheet.Heights[r] = Math.Max(sheet.Heights.GetValueOrDefault(r, p.FontSize * 1.4 + 5), points);
        }

        foreach (var (r, rows, points) in needs.Where(n => n.Rows > 1))
        {
            var have = Enumerable.Range(r, rows).Sum(x => sheet.Heights.GetValueOrDefault(x, p.FontSize * 1.4 + 5));
            if (have < points)
            {
                var last = r + rows - 1;
                sheet.Heights[last] = sheet.Heights.GetValueOrDefault(last, p.FontSize * 1.4 + 5) + points - have;
            }
        }

        return row + table.Rows.Count;
    }

    /// <summary>Lines a text wraps to in a cell of <paramref name="points"/> width; a CJK character is one em, others about half.</summary>
    internal static int Lines(string text, double points, double size)
    {
        var usable = Math.Max(size, points - 6);
        return text.Split('\n').Sum(line => Math.Max(1, (int)Math.Ceiling(line.Sum(c => c >= '\u2000' ? size * 1.05 : size * 0.6) / usable)));
    }

    private static Worksheet Worksheet(SheetPlan sheet, Styles styles, ZooPrinting p)
    {
        var columns = new Columns(sheet.Widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Math.Round(w, 2), CustomWidth = true }));
        var data = new SheetData();
        foreach (var (r, cells) in sheet.Cells)
        {
            var xmlRow = new Row { RowIndex = (uint)r, Height = Math.Round(sheet.Heights.GetValueOrDefault(r, p.FontSize * 1.4 + 5), 1), CustomHeight = true };
            foreach (var (c, placed) in cells)
            {
                var cell = new Cell { CellReference = Ref(r, c), StyleIndex = styles[placed.Style] };
                if (placed.Cell is { } z)
                {
                    if (z.Number is { } n)
                    {
                        cell.CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture));
                    }
                    else if (z.Text.Length > 0)
                    {
                        cell.DataType = CellValues.InlineString;
                        cell.InlineString = new InlineString(new Text(z.Text) { Space = SpaceProcessingModeValues.Preserve });
                    }
                }

                xmlRow.Append(cell);
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
            worksheet.Append(new MergeCells(sheet.Merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)sheet.Merges.Count });
        }

        worksheet.Append(
            new PrintOptions { HorizontalCentered = true },
            new PageMargins { Left = 0.5, Right = 0.5, Top = 0.6, Bottom = 0.6, Header = 0.3, Footer = 0.3 },
            new PageSetup { PaperSize = 9, Orientation = p.Landscape ? OrientationValues.Landscape : OrientationValues.Portrait, FitToWidth = 1, FitToHeight = 0 });
        if (p.PageFooter)
        {
            worksheet.Append(new HeaderFooter(new OddFooter("&C第 &P 页，共 &N 页")));
        }
        if (sheet.Breaks.Count > 0)
        {
            worksheet.Append(new RowBreaks(sheet.Breaks.Select(b => new Break { Id = (uint)b, Max = 16383U, ManualPageBreak = true }))
            {
                Count = (uint)sheet.Breaks.Count,
                ManualBreakCount = (uint)sheet.Breaks.Count,
            });
        }

        return worksheet;
    }

    private static string Ref(int row, int column) => $"{(char)('A' + column - 1)}{row}";

    /// <summary>How one cell looks: the key of a cell format.</summary>
    private readonly record struct Style(ZooCellKind Kind, bool Bold, double Size, bool Heading, string? Format);

    private sealed record Placed(ZooCell? Cell, Style Style);

    /// <summary>The cells, merges, row heights and page breaks of one sheet.</summary>
    private sealed class SheetPlan(double[] widths)
    {
        public double[] Widths { get; } = widths;

        public SortedDictionary<int, SortedDictionary<int, Placed>> Cells { get; } = [];

        public List<string> Merges { get; } = [];

        public Dictionary<int, double> Heights { get; } = [];

        public List<int> Breaks { get; } = [];

        public void Put(int row, int column, ZooCell cell, double size, bool heading, bool bold)
        {
            var style = new Style(cell.Kind, bold, Math.Round(size * 2) / 2, heading, cell.Number is null ? null : cell.Format);
            for (var r = row; r < row + cell.Rows; r++)
            {
                for (var c = column; c < column + cell.Columns; c++)
                {
                    At(r)[c] = new Placed(null, style);
                }
            }

            At(row)[column] = new Placed(cell, style);
            if (cell.Columns > 1 || cell.Rows > 1)
            {
                Merges.Add($"{Ref(row, column)}:{Ref(row + cell.Rows - 1, column + cell.Columns - 1)}");
            }
        }

        private SortedDictionary<int, Placed> At(int row)
        {
            if (!Cells.TryGetValue(row, out var cells))
            {
                cells = [];
                Cells[row] = cells;
            }

            return cells;
        }
    }

    /// <summary>The styles part: one cell format per distinct <see cref="Style"/>, in the printing's font.</summary>
    private sealed class Styles(ZooPrinting p)
    {
        private const uint FirstCustomFormat = 164;
        private readonly List<Style> _styles = [new Style(ZooCellKind.Text, false, 10, false, null)];
        private readonly Dictionary<Style, uint> _index = [];

        public uint this[Style style]
        {
            get
            {
                if (!_index.TryGetValue(style, out var i))
                {
                    i = (uint)_styles.Count;
                    _styles.Add(style);
                    _index[style] = i;
                }

                return i;
            }
        }

        public Stylesheet Build()
        {
            var fonts = _styles.Select(s => (s.Bold, s.Size)).Distinct().ToList();
            var codes = _styles.Where(s => s.Format is not null).Select(s => s.Format!).Distinct().Order(StringComparer.Ordinal).ToList();
            var formats = new NumberingFormats(codes.Select((code, i) => new NumberingFormat
            {
                NumberFormatId = FirstCustomFormat + (uint)i,
                FormatCode = code,
            }))
            { Count = (uint)codes.Count };
            var cellFormats = _styles.Select(s => new CellFormat(new Alignment
            {
                Horizontal = s.Heading || s.Kind == ZooCellKind.Label ? HorizontalAlignmentValues.Center
                    : s.Kind == ZooCellKind.Number ? HorizontalAlignmentValues.Right : HorizontalAlignmentValues.Left,
                Vertical = VerticalAlignmentValues.Center,
                WrapText = s.Kind != ZooCellKind.Number,
                ShrinkToFit = s.Kind == ZooCellKind.Number ? true : null,
            })
            {
                FontId = (uint)fonts.IndexOf((s.Bold, s.Size)),
                FillId = p.LabelShading && s.Kind == ZooCellKind.Label && !s.Heading ? 2U : 0U,
                BorderId = p.Borders && !s.Heading ? (p.HorizontalRulesOnly ? 2U : 1U) : 0U,
                ApplyFill = p.LabelShading,
                NumberFormatId = s.Format is { } code ? FirstCustomFormat + (uint)codes.IndexOf(code) : 0U,
                FormatId = 0,
                ApplyFont = true,
                ApplyBorder = true,
                ApplyAlignment = true,
                ApplyNumberFormat = s.Format is not null,
            });

            return new Stylesheet(
                formats,
                new Fonts(fonts.Select(f => Font(f.Bold, f.Size))) { Count = (uint)fonts.Count },
                new Fills(
                    new Fill(new PatternFill { PatternType = PatternValues.None }),
                    new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                    new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE4E4E4" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
                { Count = 3 },
                new Borders(
                    new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                    new Border(Thin<LeftBorder>(), Thin<RightBorder>(), Thin<TopBorder>(), Thin<BottomBorder>(), new DiagonalBorder()),
                    new Border(new LeftBorder(), new RightBorder(), Thin<TopBorder>(), Thin<BottomBorder>(), new DiagonalBorder()))
                { Count = 3 },
                new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
                new CellFormats(cellFormats) { Count = (uint)_styles.Count },
                new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
        }

        private Font Font(bool bold, double size)
        {
            var font = new Font();
            if (bold)
            {
                font.Append(new Bold());
            }

            font.Append(new FontSize { Val = size }, new FontName { Val = p.Font }, new FontCharSet { Val = 134 });
            return font;
        }

        private static T Thin<T>()
            where T : BorderPropertiesType, new() =>
            new() { Style = BorderStyleValues.Thin, Color = new Color { Indexed = 64 } };
    }
}
