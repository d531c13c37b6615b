using Jixiao.Domain.Checks;
using Jixiao.Domain.Model;
using Jixiao.Tests.Support;

namespace Jixiao.Tests.Checks;

/// <summary>The rule catalogue run over the seeds (all five files together, once per test run), and over altered copies.</summary>
public static class SeedChecks
{
    private static readonly Lazy<IReadOnlyList<Finding>> AllFindings = new(() => Checker.Check(Seeds.All.Select(Seeds.Read)));

    public static IReadOnlyList<Finding> All => AllFindings.Value;

    public static IEnumerable<Finding> Of(string code) => All.Where(f => f.Code == code);

    public static bool Has(string code, string file, int line) => All.Any(f => f.Code == code && f.Source == file && f.Line == line);

    /// <summary>The findings of one seed file after <paramref name="alter"/> replaced its form named <paramref name="name"/>.</summary>
    public static IReadOnlyList<Finding> Altered(string file, string name, Func<PerformanceForm, PerformanceForm> alter, CheckOptions? options = null)
    {
        var doc = Seeds.Read(file);
        var forms = doc.Forms.Select(f => f.Name == name ? alter(f) : f).ToList();
        return Checker.Check([doc with { Forms = forms }], options);
    }

    public static PerformanceForm WithIndicator(this PerformanceForm form, string name, Func<Indicator, Indicator> alter) =>
        form with { Indicators = form.Indicators.Select(i => i.Name == name ? alter(i) : i).ToList() };
}
