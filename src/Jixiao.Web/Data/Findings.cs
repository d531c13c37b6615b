using Jixiao.Domain.Checks;
using Jixiao.Domain.Model;

namespace Jixiao.Web.Data;

/// <summary>Runs the rule catalogue over a set of forms and ties each finding to the form it is about.</summary>
public static class Findings
{
    public static IEnumerable<(int FormIndex, FindingRow Finding)> Check(IReadOnlyList<(string Source, PerformanceForm Form)> forms)
    {
        var findings = Checker.Check(forms.Select(f => new SourcedForm(f.Source, f.Form)).ToList());
        foreach (var f in findings)
        {
            var index = FormOf(forms, f);
            if (index < 0)
            {
                continue;
            }

            var (source, form) = forms[index];
            yield return (index, new FindingRow(0, source, form.Name, form.Unit, form.Year, f.Code, f.Severity.ToString().ToLowerInvariant(), f.Line, f.Indicator, f.Message, f.Expected, f.Actual));
        }
    }

    /// <summary>The form a finding is about: same source and name, the last such form starting at or before its line.</summary>
    private static int FormOf(IReadOnlyList<(string Source, PerformanceForm Form)> forms, Finding finding)
    {
        var best = -1;
        for (var i = 0; i < forms.Count; i++)
        {
            var (source, form) = forms[i];
            if (source == finding.Source && form.Name == finding.Form && (best < 0 || form.Line <= finding.Line && form.Line > forms[best].Form.Line))
            {
                best = i;
            }
        }

        return best;
    }
}
