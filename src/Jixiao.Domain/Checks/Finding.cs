using Jixiao.Domain.Model;

namespace Jixiao.Domain.Checks;

/// <summary>
/// One thing a rule found (checks.md): its stable <see cref="Code"/>, where it is (source file, 1-based
/// line, form and indicator names), a Chinese message, and the expected and actual values where
/// arithmetic is involved.
/// </summary>
public sealed record Finding(
    string Code,
    Severity Severity,
    string Source,
    int Line,
    string? Form,
    string? Indicator,
    string Message,
    string? Expected = null,
    string? Actual = null);

/// <summary>A form together with the file it was read from (set rules compare forms across files).</summary>
public readonly record struct SourcedForm(string Source, PerformanceForm Form);
