using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;

namespace Jixiao.Domain.Checks;

/// <summary>Which rules run and how severe their findings are; optionally one policy for every form.</summary>
public sealed record CheckOptions
{
    public static readonly CheckOptions Default = new();

    /// <summary>Codes of rules that do not run.</summary>
    public IReadOnlySet<string> Disabled { get; init; } = new HashSet<string>();

    /// <summary>Severities that replace a rule's default, by code.</summary>
    public IReadOnlyDictionary<string, Severity> Severities { get; init; } = new Dictionary<string, Severity>();

    /// <summary>The scoring policy for every form; null to detect it per form.</summary>
    public ScoringPolicy? Policy { get; init; }

    public bool IsEnabled(Rule rule) => !Disabled.Contains(rule.Code);

    public Severity SeverityOf(Rule rule) => Severities.TryGetValue(rule.Code, out var s) ? s : rule.Severity;
}
