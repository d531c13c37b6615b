using Jixiao.Formats.Layout;

namespace Jixiao.Bench;

/// <summary>
/// What the -layout text reader makes of one file: <c>layout-read FILE.layout.txt [--form N] [--diagnostics]</c>,
/// each form's indicators one a line (一级 | 二级 | name | target | actual | weight | score) and, asked for, the
/// diagnostics, to see why a printing reads as it does.
/// </summary>
internal static class LayoutTextDump
{
    public static int Run(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: layout-read FILE.layout.txt [--form N] [--diagnostics]");
            return 2;
        }

        var only = BenchSupport.Option(args, "--form", -1);
        var document = LayoutReader.ReadLayoutText(File.ReadAllText(args[0]), args[0]);
        for (var f = 0; f < document.Forms.Count; f++)
        {
            if (only >= 0 && f != only)
            {
                continue;
            }

            var form = document.Forms[f];
            Console.WriteLine($"form {f} {form.Kind} line {form.Line} {form.Name}");
            foreach (var i in form.Indicators)
            {
                Console.WriteLine($"  {i.Line,5} {i.Level1} | {i.Level2} | {i.Name} | {i.Target} | {i.Actual} | {i.Weight} | {i.Score}");
            }
        }

        if (args.Contains("--diagnostics"))
        {
            foreach (var d in document.Diagnostics)
            {
                Console.WriteLine($"{d.Severity} {d.Line} {d.Code} {d.Message}");
            }
        }

        return 0;
    }
}
