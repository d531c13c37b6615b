namespace Jixiao.Formats.Json;

/// <summary>
/// Fields added to a form of the interchange JSON (the spec allows added fields, never renamed ones):
/// <c>"explanations": { name: text, … }</c> on the form and <c>"explanation"</c> on each indicator, in the
/// order of <see cref="Jixiao.Domain.Model.PerformanceForm.Indicators"/> (null leaves one out).
/// </summary>
public sealed record FormAnnotations(IReadOnlyList<KeyValuePair<string, string>> Explanations, IReadOnlyList<string?> IndicatorExplanations);
