using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;

namespace Jixiao.Domain.Checks;

/// <summary>
/// Runs the rule catalogue. <see cref="Check(PerformanceForm, string, CheckOptions?)"/> judges one form
/// on its own (a form being edited); <see cref="Check(IReadOnlyList{SourcedForm}, CheckOptions?)"/>
/// judges a set of forms, adding the rules that compare forms and letting a publisher's forms decide
/// one another's scoring policy.
/// </summary>
public static class Checker
{
    /// <summary>The form rules' findings for one form. The policy is the options' or the one the form itself shows.</summary>
    public static IReadOnlyList<Finding> Check(PerformanceForm form, string source = "", CheckOptions? options = null)
    {
        options ??= CheckOptions.Default;
        var sink = new FindingSink(options);
        var detection = PolicyDetector.Detect(form, options.Policy);
        RunFormRules(new FormContext(source, form, detection, sink), options);
        return sink.Findings;
    }

    /// <summary>Every rule over a set of forms, findings ordered by source (as given) and line.</summary>
    public static IReadOnlyList<Finding> Check(IReadOnlyList<SourcedForm> forms, CheckOptions? options = null)
    {
        options ??= CheckOptions.Default;
        var sink = new FindingSink(options);
        var detections = PolicyDetector.DetectAll(forms.Select(f => f.Form).ToList(), options.Policy);
        for (var i = 0; i < forms.Count; i++)
        {
            RunFormRules(new FormContext(forms[i].Source, forms[i].Form, detections[i], sink), options);
        }

        var set = new FormSetContext(forms, sink);
        foreach (var rule in RuleCatalogue.SetRules)
        {
            if (options.IsEnabled(rule))
            {
                rule.Check(set);
            }
        }

        var order = forms.Select(f => f.Source).Distinct().Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        return sink.Findings.OrderBy(f => order.GetValueOrDefault(f.Source)).ThenBy(f => f.Line).ToList();
    }

    public static IReadOnlyList<Finding> Check(IEnumerable<DisclosureDocument> documents, CheckOptions? options = null) =>
        Check(documents.SelectMany(d => d.Forms.Select(f => new SourcedForm(d.Source, f))).ToList(), options);

    /// <summary>Codes named in the options that no rule has (a typo in a configuration).</summary>
    public static IReadOnlyList<string> UnknownCodes(CheckOptions options) =>
        options.Disabled.Concat(options.Severities.Keys).Where(c => RuleCatalogue.Find(c) is null).Distinct().ToList();

    private static void RunFormRules(FormContext context, CheckOptions options)
    {
        foreach (var rule in RuleCatalogue.FormRules)
        {
            if (options.IsEnabled(rule))
            {
                rule.Check(context);
            }
        }
    }
}
