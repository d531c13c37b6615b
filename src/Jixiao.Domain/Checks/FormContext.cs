using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;

namespace Jixiao.Domain.Checks;

/// <summary>One form being checked: where it comes from, its policy, its scores (computed once, on first use).</summary>
public sealed class FormContext(string source, PerformanceForm form, PolicyDetection policy, FindingSink sink)
{
    private FormScore? _scores;

    public string Source { get; } = source;

    public PerformanceForm Form { get; } = form;

    public PolicyDetection Detection { get; } = policy;

    public ScoringPolicy Policy => Detection.Policy;

    public FormScore Scores => _scores ??= Scorer.Score(Form, Policy);

    public bool IsSelfEvaluation => Form.Kind == FormKind.SelfEvaluation;

    public void Report(Rule rule, string message, Indicator? indicator = null, string? expected = null, string? actual = null, int line = 0) =>
        sink.Add(rule, Source, Form, message, indicator, expected, actual, line);
}

/// <summary>All forms being checked together, for the rules that compare them.</summary>
public sealed class FormSetContext(IReadOnlyList<SourcedForm> forms, FindingSink sink)
{
    public IReadOnlyList<SourcedForm> Forms { get; } = forms;

    public void Report(Rule rule, SourcedForm at, string message, Indicator? indicator = null, string? expected = null, string? actual = null) =>
        sink.Add(rule, at.Source, at.Form, message, indicator, expected, actual);
}
