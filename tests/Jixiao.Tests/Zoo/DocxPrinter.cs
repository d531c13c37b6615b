using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Jixiao.Tests.Zoo;

/// <summary>
/// Renders a laid-out printing as a Word document — tables with merged cells (<c>gridSpan</c>, <c>vMerge</c>),
/// borders, fonts, header rows repeated on each page, page breaks, a page footer — and converts it to PDF with
/// LibreOffice Writer: the third producer, since many published forms are word-processor documents.
/// </summary>
public static class DocxPrinter
{
    /// <summary>A4 in twentieths of a point, and the page margin (10 mm, as the other producers).</summary>
    private const int A4Short = 11906;
    private const int A4Long = 16838;
    private const int Margin = 567;

    /// <summary>Writes <c>NAME.docx</c> and <c>NAME.pdf</c> into <paramref name="folder"/>; returns the PDF's path.</summary>
    public static string Print(ZooDocument document, string folder) =>
        ZooTools.ConvertToPdf(Path.Combine(folder, document.Printing.Name + ".docx"), output => Write(document, output));

    public static void Write(ZooDocument document, Stream output)
    {
        var p = document.Printing;
        var pageWidth = p.Landscape ? A4Long : A4Short;
        var usable = pageWidth - (2 * Margin);
        var total = p.Widths.Sum();
        var grid = p.Widths.Select(w => (int)Math.Round(w / total * usable)).ToArray();
        using var buffer = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            var pendingBreak = false;
            foreach (var block in document.Blocks)
            {
                switch (block)
                {
                    case ZooHeading h:
                        body.Append(Paragraph(p, h.Text, p.FontSize * h.Scale, h.Bold, JustificationValues.Center, pendingBreak));
                        pendingBreak = false;
                        break;
                    case ZooPageBreak:
                        pendingBreak = true;
                        break;
                    case ZooTableBlock t:
                        if (pendingBreak)
                        {
                            // A table cannot carry a break before it: an empty paragraph does, as a user would type it.
                            body.Append(Paragraph(p, "", p.FontSize, false, JustificationValues.Left, pageBreakBefore: true));
                            pendingBreak = false;
                        }

                        body.Append(Table(p, t.Table, grid));

                        // Word needs a paragraph between two tables, or it joins them into one.
                        body.Append(Paragraph(p, "", p.FontSize / 2, false, JustificationValues.Left, false));
                        break;
                }
            }

            var section = new SectionProperties(
                new PageSize
                {
                    Width = (UInt32Value)(uint)pageWidth,
                    Height = (UInt32Value)(uint)(p.Landscape ? A4Short : A4Long),
                    Orient = p.Landscape ? PageOrientationValues.Landscape : PageOrientationValues.Portrait,
                },
                new PageMargin { Top = Margin, Bottom = Margin, Left = (UInt32Value)(uint)Margin, Right = (UInt32Value)(uint)Margin, Header = 284, Footer = 284 });
            if (p.PageFooter)
            {
                var footer = main.AddNewPart<FooterPart>();
                footer.Footer = new Footer(new Paragraph(
                    new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                    Run(p, "第 ", 9, false), new SimpleField(Run(p, "1", 9, false)) { Instruction = " PAGE " },
                    Run(p, " 页，共 ", 9, false), new SimpleField(Run(p, "1", 9, false)) { Instruction = " NUMPAGES " },
                    Run(p, " 页", 9, false)));
                section.PrependChild(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) });
            }

            body.Append(section);
            main.Document = new Document(body);
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static Table Table(ZooPrinting p, ZooTable table, int[] grid)
    {
        BorderType Line<TBorder>(bool on)
            where TBorder : BorderType, new() =>
            on ? new TBorder { Val = BorderValues.Single, Size = 4, Color = "000000" } : new TBorder { Val = BorderValues.Nil };
        var all = p.Borders && !p.HorizontalRulesOnly;
        var rows = p.Borders;
        var xml = new Table(new TableProperties(
            new TableWidth { Width = grid.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableBorders(
                Line<TopBorder>(rows), Line<LeftBorder>(all), Line<BottomBorder>(rows), Line<RightBorder>(all),
                Line<InsideHorizontalBorder>(rows), Line<InsideVerticalBorder>(all)),
            new TableCellMarginDefault(
                new TopMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 60, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "30", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 60, Type = TableWidthValues.Dxa })),
            new TableGrid(grid.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));

        // Where a cell merged down from a row above covers a column: Word writes a continuing cell there.
        var covered = new Dictionary<(int Row, int Column), int>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = new TableRow();
            var properties = new TableRowProperties(new CantSplit());
            if (p.RepeatHeader && r < table.HeaderRows)
            {
                properties.Append(new TableHeader());
            }

            row.Append(properties);
            var column = 0;
            var cells = table.Rows[r];
            var next = 0;
            while (column < ZooDocument.Columns)
            {
                if (covered.TryGetValue((r, column), out var span))
                {
                    row.Append(Cell(p, grid, column, span, "", ZooCellKind.Text, MergedCellValues.Continue));
                    column += span;
                    continue;
                }

                if (next >= cells.Count)
                {
                    break;
                }

                var cell = cells[next++];
                for (var dr = 1; dr < cell.Rows; dr++)
                {
                    covered[(r + dr, column)] = cell.Columns;
                }

                row.Append(Cell(p, grid, column, cell.Columns, cell.Text, cell.Kind, cell.Rows > 1 ? MergedCellValues.Restart : null));
                column += cell.Columns;
            }

            xml.Append(row);
        }

        return xml;
    }

    private static TableCell Cell(ZooPrinting p, int[] grid, int column, int span, string text, ZooCellKind kind, MergedCellValues? merge)
    {
        var properties = new TableCellProperties(new TableCellWidth
        {
            Width = grid.Skip(column).Take(span).Sum().ToString(System.Globalization.CultureInfo.InvariantCulture),
            Type = TableWidthUnitValues.Dxa,
        });
        if (span > 1)
        {
            properties.Append(new GridSpan { Val = span });
        }

        if (merge is { } m)
        {
            properties.Append(new VerticalMerge { Val = m });
        }

        if (p.LabelShading && kind == ZooCellKind.Label)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "E4E4E4" });
        }

        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var justify = kind switch
        {
            ZooCellKind.Label => JustificationValues.Center,
            ZooCellKind.Number => JustificationValues.Right,
            _ => JustificationValues.Left,
        };
        var cell = new TableCell(properties);
        foreach (var line in text.Split('\n'))
        {
            cell.Append(Paragraph(p, line, p.FontSize, kind == ZooCellKind.Label, justify, false));
        }

        return cell;
    }

    private static Paragraph Paragraph(ZooPrinting p, string text, double size, bool bold, JustificationValues justify, bool pageBreakBefore)
    {
        var properties = new ParagraphProperties();
        if (pageBreakBefore)
        {
            properties.Append(new PageBreakBefore());
        }

        properties.Append(
            new SpacingBetweenLines { Before = "0", After = "0", Line = "276", LineRule = LineSpacingRuleValues.Auto },
            new Justification { Val = justify });
        var paragraph = new Paragraph(properties);
        if (text.Length > 0)
        {
            paragraph.Append(Run(p, text, size, bold));
        }

        return paragraph;
    }

    private static Run Run(ZooPrinting p, string text, double size, bool bold)
    {
        var properties = new RunProperties(new RunFonts { Ascii = p.Font, HighAnsi = p.Font, EastAsia = p.Font, ComplexScript = p.Font });
        if (bold)
        {
            properties.Append(new Bold());
        }

        var halfPoints = ((int)Math.Round(size * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        properties.Append(new FontSize { Val = halfPoints }, new FontSizeComplexScript { Val = halfPoints });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }
}
