using DocumentFormat.OpenXml.Spreadsheet;

namespace Jixiao.Formats.Xlsx;

/// <summary>Collects the <see cref="Look"/>s a workbook uses and writes them as its styles part.</summary>
internal sealed class StyleBook
{
    public const string FontName = "宋体";
    private const uint FirstCustomFormat = 164;

    private readonly List<Look> _looks = [Look.Default];
    private readonly Dictionary<Look, uint> _index = new() { [Look.Default] = 0 };

    public uint this[Look look]
    {
        get
        {
            if (!_index.TryGetValue(look, out var index))
            {
                index = (uint)_looks.Count;
                _looks.Add(look);
                _index[look] = index;
            }

            return index;
        }
    }

    public Stylesheet Build()
    {
        var fonts = _looks.Select(l => (l.Bold, l.Size)).Distinct().ToList();
        var decimals = _looks.Where(l => l.Decimals is not null).Select(l => l.Decimals!.Value).Distinct().Order().ToList();
        var formats = new NumberingFormats(decimals.Select((d, i) => new NumberingFormat
        {
            NumberFormatId = FirstCustomFormat + (uint)i,
            FormatCode = "#,##0" + (d > 0 ? "." + new string('0', d) : ""),
        }))
        { Count = (uint)decimals.Count };

        var cellFormats = _looks.Select(l => new CellFormat(new Alignment
        {
            Horizontal = l.Align switch { TextAlign.Center => HorizontalAlignmentValues.Center, TextAlign.Right => HorizontalAlignmentValues.Right, _ => HorizontalAlignmentValues.Left },
            Vertical = VerticalAlignmentValues.Center,
            WrapText = l.Wrap,
        })
        {
            FontId = (uint)fonts.IndexOf((l.Bold, l.Size)),
            FillId = 0,
            BorderId = l.Border ? 1U : 0U,
            NumberFormatId = l.Decimals is { } d ? FirstCustomFormat + (uint)decimals.IndexOf(d) : 0U,
            FormatId = 0,
            ApplyFont = true,
            ApplyBorder = true,
            ApplyAlignment = true,
            ApplyNumberFormat = l.Decimals is not null,
        });

        return new Stylesheet(
            formats,
            new Fonts(fonts.Select(f => Font(f.Bold, f.Size))) { Count = (uint)fonts.Count },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(
                new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
                new Border(Thin<LeftBorder>(), Thin<RightBorder>(), Thin<TopBorder>(), Thin<BottomBorder>(), new DiagonalBorder()))
            { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(cellFormats) { Count = (uint)_looks.Count },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static Font Font(bool bold, double size)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = size }, new FontName { Val = FontName }, new FontCharSet { Val = 134 });
        return font;
    }

    private static T Thin<T>()
        where T : BorderPropertiesType, new() =>
        new() { Style = BorderStyleValues.Thin, Color = new Color { Indexed = 64 } };
}
