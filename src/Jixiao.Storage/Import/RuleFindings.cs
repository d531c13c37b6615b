using Jixiao.Domain.Checks;
using Jixiao.Domain.Model;

namespace Jixiao.Storage.Import;

/// <summary>The rule catalogue's per-form findings, as the importer stores them with each form.</summary>
public static class RuleFindings
{
    public static FindingsProvider Provider(CheckOptions? options = null) => form => For(form, options);

    public static IEnumerable<FindingRecord> For(PerformanceForm form, CheckOptions? options = null)
    {
        foreach (var f in Checker.Check(form, "", options))
        {
            int? ordinal = null;
            if (f.Indicator is not null)
            {
                for (var i = 0; i < form.Indicators.Count; i++)
                {
                    if (form.Indicators[i].Line == f.Line && form.Indicators[i].Name == f.Indicator)
                    {
                        ordinal = i;
                        break;
                    }
                }
            }

            yield return new FindingRecord(f.Code, f.Severity, f.Message, ordinal, f.Expected, f.Actual);
        }
    }
}
