using System.Globalization;
using System.Text;
using Jixiao.Domain.Model;

namespace Jixiao.Tests.Zoo;

/// <summary>
/// One field that did not come back as printed: where (<c>forms[2].indicators[5].target</c>), what was expected,
/// what was read. <paramref name="Missing"/> is <c>missing</c> or <c>extra</c> when the whole form or indicator
/// was on one side only.
/// </summary>
public sealed partial record FieldDifference(string Path, string? Expected, string? Read, string? Missing = null)
{
    /// <summary>The path without indices (<c>forms.indicators.target</c>), or the missing/extra form or indicator: the kind of difference, for counting.</summary>
    public string Kind => Missing is null
        ? Indices().Replace(Path, "")
        : Path.Contains(".indicators[", StringComparison.Ordinal) ? $"forms.indicators ({Missing})" : $"forms ({Missing})";

    public override string ToString() => $"{Path}: expected {Show(Expected)}, read {Show(Read)}{(Missing is null ? "" : $" ({Missing})")}";

    private static string Show(string? s) => s is null ? "null" : $"\"{s}\"";

    [System.Text.RegularExpressions.GeneratedRegex(@"\[\d+\]")]
    private static partial System.Text.RegularExpressions.Regex Indices();
}

/// <summary>The outcome of comparing expected forms with read ones: fields compared, fields wrong, forms exact.</summary>
public sealed record DiffResult(int Fields, int Wrong, int Forms, int FormsExact, IReadOnlyList<FieldDifference> Differences)
{
    public int Right => Fields - Wrong;

    public double FieldAccuracy => Fields == 0 ? 1 : (double)Right / Fields;

    public double FormAccuracy => Forms == 0 ? 1 : (double)FormsExact / Forms;

    public static DiffResult Sum(IEnumerable<DiffResult> results)
    {
        var list = results.ToList();
        return new DiffResult(list.Sum(r => r.Fields), list.Sum(r => r.Wrong), list.Sum(r => r.Forms), list.Sum(r => r.FormsExact), [.. list.SelectMany(r => r.Differences)]);
    }
}

/// <summary>
/// Field-by-field comparison of expected forms with the forms a reader gave back. Forms are aligned by
/// order, indicators by position; a missing form or indicator counts every one of its fields wrong, and so does
/// an extra one. Strings are compared with all whitespace removed (the spec: whitespace is not meaningful) and
/// with ASCII and full-width brackets taken as equal; numbers are compared by value (<c>4855541 == 4855541.00</c>).
/// The money block of the form's kind is always compared (funds for a target, budget for a self-evaluation);
/// the other block only when the reader gave one. <c>line</c> and diagnostics are not compared.
/// </summary>
public static class FormDiff
{
    /// <summary>Fields compared per indicator: level1, level2, name, target, actual, weight, score, deviation.</summary>
    public const int IndicatorFields = 8;

    public static DiffResult Compare(IReadOnlyList<PerformanceForm> expected, IReadOnlyList<PerformanceForm> read)
    {
        var diffs = new List<FieldDifference>();
        var fields = 0;
        var exact = 0;
        for (var k = 0; k < Math.Max(expected.Count, read.Count); k++)
        {
            var e = k < expected.Count ? expected[k] : null;
            var r = k < read.Count ? read[k] : null;
            var before = diffs.Count;
            fields += CompareForm($"forms[{k}]", e, r, diffs);
            if (e is not null && diffs.Count == before)
            {
                exact++;
            }
        }

        return new DiffResult(fields, diffs.Count, expected.Count, exact, diffs);
    }

    /// <summary>Compares one form with another (either may be missing); returns the number of fields compared.</summary>
    public static int CompareForm(string path, PerformanceForm? e, PerformanceForm? r, List<FieldDifference> diffs)
    {
        // A form on one side only: every field of it is wrong, even those that happen to be null on both.
        var c = new Comparer(path, diffs, e is null ? "extra" : r is null ? "missing" : null);
        c.Text("kind", Kind(e), Kind(r));
        c.Number("year", e?.Year, r?.Year);
        c.Text("group", e?.Group, r?.Group);
        c.Text("name", e?.Name, r?.Name);
        c.Text("nature", e?.Nature, r?.Nature);
        c.Text("category", e?.Category, r?.Category);
        c.Text("department", e?.Department, r?.Department);
        c.Text("unit", e?.Unit, r?.Unit);
        c.Text("startDate", Date(e?.StartDate), Date(r?.StartDate));
        c.Text("endDate", Date(e?.EndDate), Date(r?.EndDate));
        var kind = e?.Kind ?? r!.Kind;
        if (kind == FormKind.Target || r?.Funds is not null)
        {
            c.Number("funds.annualTotal", e?.Funds?.AnnualTotal, r?.Funds?.AnnualTotal);
            c.Number("funds.currentYear", e?.Funds?.CurrentYear, r?.Funds?.CurrentYear);
            c.Number("funds.carryOver", e?.Funds?.CarryOver, r?.Funds?.CarryOver);
            c.Number("funds.other", e?.Funds?.Other, r?.Funds?.Other);
        }

        if (kind == FormKind.SelfEvaluation || r?.Budget is not null)
        {
            foreach (var (name, get) in BudgetRows)
            {
                var er = get(e?.Budget);
                var rr = get(r?.Budget);
                c.Number($"budget.{name}.initial", er?.Initial, rr?.Initial);
                c.Number($"budget.{name}.full", er?.Full, rr?.Full);
                c.Number($"budget.{name}.executed", er?.Executed, rr?.Executed);
                c.Number($"budget.{name}.rate", er?.Rate, rr?.Rate);
                if (name == "total")
                {
                    c.Number("budget.total.weight", er?.Weight, rr?.Weight);
                    c.Number("budget.total.score", er?.Score, rr?.Score);
                }
            }
        }

        c.Text("goal", e?.Goal, r?.Goal);
        c.Text("outcome", e?.Outcome, r?.Outcome);
        var expected = e?.Indicators ?? [];
        var read = r?.Indicators ?? [];
        for (var k = 0; k < Math.Max(expected.Count, read.Count); k++)
        {
            var ei = k < expected.Count ? expected[k] : null;
            var ri = k < read.Count ? read[k] : null;
            var p = $"indicators[{k}].";
            c.Missing = e is null ? "extra" : r is null ? "missing" : ei is null ? "extra" : ri is null ? "missing" : null;
            c.Text(p + "level1", ei?.Level1, ri?.Level1);
            c.Text(p + "level2", ei?.Level2, ri?.Level2);
            c.Text(p + "name", ei?.Name, ri?.Name);
            c.Text(p + "target", ei?.Target, ri?.Target);
            c.Text(p + "actual", ei?.Actual, ri?.Actual);
            c.Number(p + "weight", ei?.Weight, ri?.Weight);
            c.Number(p + "score", ei?.Score, ri?.Score);
            c.Text(p + "deviation", ei?.Deviation, ri?.Deviation);
        }

        c.Missing = e is null ? "extra" : r is null ? "missing" : null;
        c.Number("totalWeight", e?.TotalWeight, r?.TotalWeight);
        c.Number("totalScore", e?.TotalScore, r?.TotalScore);
        c.Text("grade", e?.Grade, r?.Grade);
        return c.Compared;
    }

    /// <summary>A string as compared: no whitespace, ASCII brackets for full-width ones.</summary>
    public static string Normalize(string? s)
    {
        if (string.IsNullOrEmpty(s))
        {
            return "";
        }

        var sb = new StringBuilder(s.Length);
        foreach (var ch in s)
        {
            if (char.IsWhiteSpace(ch))
            {
                continue;
            }

            sb.Append(ch switch
            {
                '（' => '(',
                '）' => ')',
                _ => ch,
            });
        }

        return sb.ToString();
    }

    private static readonly (string Name, Func<Budget?, BudgetRow?> Get)[] BudgetRows =
    [
        ("total", b => b?.Total),
        ("currentYear", b => b?.CurrentYear),
        ("carryOver", b => b?.CarryOver),
        ("other", b => b?.Other),
    ];

    private static string? Kind(PerformanceForm? f) => f is null ? null : f.Kind == FormKind.Target ? "target" : "selfEvaluation";

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed class Comparer(string path, List<FieldDifference> diffs, string? missing)
    {
        public int Compared { get; private set; }

        /// <summary>Set while comparing an indicator (or form) that one side lacks: every field of it is then wrong.</summary>
        public string? Missing { get; set; } = missing;

        /// <summary>Strings: equal after <see cref="Normalize"/>; null and empty are the same (nothing printed).</summary>
        public void Text(string field, string? expected, string? read)
        {
            Compared++;
            if (Missing is not null || Normalize(expected) != Normalize(read))
            {
                diffs.Add(new FieldDifference($"{path}.{field}", expected, read, Missing));
            }
        }

        public void Number(string field, decimal? expected, decimal? read)
        {
            Compared++;
            if (Missing is not null || expected != read)
            {
                diffs.Add(new FieldDifference($"{path}.{field}", Show(expected), Show(read), Missing));
            }
        }

        private static string? Show(decimal? d) => d?.ToString(CultureInfo.InvariantCulture);
    }
}
