using Jixiao.Domain.Model;

namespace Jixiao.Domain.Checks;

/// <summary>Collects findings, applying the options' severity overrides.</summary>
public sealed class FindingSink(CheckOptions options)
{
    private readonly List<Finding> _findings = [];

    public IReadOnlyList<Finding> Findings => _findings;

    public CheckOptions Options { get; } = options;

    /// <summary>Adds a finding; <paramref name="line"/> 0 means the form's own line.</summary>
    public void Add(Rule rule, string source, PerformanceForm form, string message, Indicator? indicator = null,
        string? expected = null, string? actual = null, int line = 0)
    {
        var at = line > 0 ? line : indicator is { Line: > 0 } ? indicator.Line : form.Line;
        _findings.Add(new Finding(rule.Code, Options.SeverityOf(rule), source, at, form.Name, indicator?.Name, message, expected, actual));
    }
}
