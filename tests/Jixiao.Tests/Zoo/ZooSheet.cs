namespace Jixiao.Tests.Zoo;

/// <summary>What a cell holds, which decides how a producer styles it.</summary>
public enum ZooCellKind
{
    /// <summary>A printed label (项目名称, 一级指标 …): bold, centred.</summary>
    Label,

    /// <summary>A text value: left-aligned, wrapped.</summary>
    Text,

    /// <summary>A number: right-aligned; <see cref="ZooCell.Number"/> holds its value.</summary>
    Number,
}

/// <summary>One printed cell on the eight-column grid, with its span.</summary>
/// <param name="Text">The text exactly as printed (a number already formatted per the printing's knobs).</param>
/// <param name="Number">For a number or date cell, the value a spreadsheet stores (a date as its serial day number).</param>
/// <param name="Format">For a number or date cell, the spreadsheet format code that prints <paramref name="Text"/> from <paramref name="Number"/>.</param>
public sealed record ZooCell(string Text, ZooCellKind Kind, int Columns = 1, int Rows = 1, decimal? Number = null, string? Format = null);

/// <summary>A table on the grid: rows of cells whose spans fill eight columns; the first <see cref="HeaderRows"/> rows are its header.</summary>
public sealed record ZooTable(IReadOnlyList<IReadOnlyList<ZooCell>> Rows, int HeaderRows = 0);

/// <summary>A block of a printed document: a heading line, a table, or a page break.</summary>
public abstract record ZooBlock;

/// <summary>A line of text across the page (a form's title, its year, a 汇总表 heading).</summary>
public sealed record ZooHeading(string Text, double Scale, bool Bold) : ZooBlock;

public sealed record ZooTableBlock(ZooTable Table) : ZooBlock;

public sealed record ZooPageBreak : ZooBlock;

/// <summary>Where a form begins (before its group heading); a workbook with a sheet per form starts a sheet here.</summary>
public sealed record ZooFormStart : ZooBlock;

/// <summary>A printing laid out: the blocks of every form, in order, before a producer renders them.</summary>
public sealed record ZooDocument(ZooPrinting Printing, IReadOnlyList<ZooBlock> Blocks)
{
    /// <summary>The grid every table is laid out on.</summary>
    public const int Columns = 8;
}
