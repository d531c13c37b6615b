namespace Jixiao.Formats.Xlsx;

/// <summary>How a cell looks: font, border, alignment, wrapping and, for numbers, the decimals shown.</summary>
/// <param name="Decimals">Decimals of the number format (<c>#,##0.00</c> for 2); null for text.</param>
internal sealed record Look(
    bool Bold = false,
    double Size = 11,
    bool Border = true,
    TextAlign Align = TextAlign.Left,
    bool Wrap = true,
    int? Decimals = null)
{
    public static readonly Look Default = new(Border: false, Wrap: false);
    public static readonly Look Title = new(Bold: true, Size: 16, Border: false, Align: TextAlign.Center, Wrap: false);
    public static readonly Look Subtitle = new(Border: false, Align: TextAlign.Center, Wrap: false);
    public static readonly Look Heading = new(Bold: true, Size: 12, Border: false, Align: TextAlign.Center);
    public static readonly Look Label = new(Bold: true, Align: TextAlign.Center);
    public static readonly Look Text = new();
    public static readonly Look Centered = new(Align: TextAlign.Center);
    public static readonly Look Hidden = new(Border: false, Wrap: false);

    /// <summary>A bordered, right-aligned number showing as many decimals as <paramref name="value"/> was printed with.</summary>
    public static Look Number(decimal? value) => new(Align: TextAlign.Right, Wrap: false, Decimals: value?.Scale ?? 2);

    /// <summary>A whole number (a count), right-aligned.</summary>
    public static readonly Look Count = new(Align: TextAlign.Right, Wrap: false, Decimals: 0);

    /// <summary>The look of a plain value cell: numbers right-aligned with their decimals, text wrapped.</summary>
    public static Look Of(object? value) => value switch
    {
        decimal d => Number(d),
        int => Count,
        _ => Text,
    };
}

/// <summary>Horizontal alignment of a cell (OpenXml's values are not compile-time constants, so a record default cannot use them).</summary>
internal enum TextAlign
{
    Left,
    Center,
    Right,
}
