using Jixiao.Formats.Layout;
using Jixiao.Formats.Raw;

namespace Jixiao.Bench;

/// <summary>
/// Prints the raw reader's pseudo-page of one raw text, a row a line, pieces by column, and the diagnostics:
/// <c>raw-grid FILE</c>. What the raw reader made of the text before the one form assembler read it.
/// </summary>
internal static class RawGridDump
{
    public static int Run(string[] args)
    {
        if (args.Length == 0 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: raw-grid FILE");
            return 2;
        }

        IReadOnlyList<Cell> cells = [];
        RawReader.Laid = c => cells = c;
        var document = RawReader.Read(File.ReadAllText(args[0]), Path.GetFileName(args[0]));
        RawReader.Laid = null;
        foreach (var row in cells.GroupBy(c => c.Box.Top).OrderBy(g => g.Key))
        {
            var pieces = row.OrderBy(c => c.Box.Left).Select(c => $"[{(int)(c.Box.Left / RawGrid.ColumnWidth)}]{c.Text}");
            Console.WriteLine($"{row.Key,5} L{row.Min(c => c.Line),-5} {string.Join("  ", pieces)}");
        }

        foreach (var d in document.Diagnostics)
        {
            Console.WriteLine($"{d.Severity} {d.Line} {d.Code} {d.Message}");
        }

        return 0;
    }
}
