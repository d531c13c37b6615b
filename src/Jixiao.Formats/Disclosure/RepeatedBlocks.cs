using Jixiao.Domain.Model;

namespace Jixiao.Formats.Disclosure;

/// <summary>
/// A page break can make the extraction print a run of indicator rows twice (seed 001 信息化建设项目). A run
/// of three or more rows that repeats, in order, a run already read is dropped. Single repeated rows are
/// kept: forms do list the same indicator twice (004 医保监管's 满意度 rows).
/// </summary>
internal static class RepeatedBlocks
{
    private const int MinimumRun = 3;

    public static List<Indicator> Remove(List<Indicator> rows, DiagnosticBag diagnostics)
    {
        var result = new List<Indicator>(rows.Count);
        var i = 0;
        while (i < rows.Count)
        {
            var run = LongestRepeat(rows, i);
            if (run >= MinimumRun)
            {
                diagnostics.Warn(rows[i].Line, DiagnosticCodes.RepeatedBlock,
                    $"分页处重复印出的{run}行指标（第{rows[i].Line}–{rows[i + run - 1].Line}行）只保留一次。");
                i += run;
                continue;
            }

            result.Add(rows[i]);
            i++;
        }

        return result;
    }

    private static int LongestRepeat(List<Indicator> rows, int at)
    {
        var best = 0;
        // Page-break repeats sit close to their original: look back a bounded distance (keeps junk input linear).
        for (var j = Math.Max(0, at - 200); j < at; j++)
        {
            var k = 0;
            while (j + k < at && at + k < rows.Count && Same(rows[j + k], rows[at + k]))
            {
                k++;
            }

            best = Math.Max(best, k);
        }

        return best;
    }

    private static bool Same(Indicator a, Indicator b) =>
        string.Equals(a.Target, b.Target, StringComparison.Ordinal) && string.Equals(a.Name, b.Name, StringComparison.Ordinal)
        && string.Equals(a.Level2, b.Level2, StringComparison.Ordinal);
}
