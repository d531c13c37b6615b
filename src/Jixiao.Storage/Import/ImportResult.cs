using Jixiao.Domain.Model;

namespace Jixiao.Storage.Import;

/// <summary>What became of one file.</summary>
public enum ImportOutcome
{
    /// <summary>A new source, stored as version 1.</summary>
    Imported,

    /// <summary>A known source with new content: stored as its next version, the older ones kept as history.</summary>
    NewVersion,

    /// <summary>This exact content is already stored; nothing was added.</summary>
    Unchanged,

    /// <summary>The file could not be read or holds no form; nothing was stored.</summary>
    Failed,
}

public sealed record ImportResult(
    string File,
    ImportOutcome Outcome,
    string? Source = null,
    int Version = 0,
    int Forms = 0,
    int Indicators = 0,
    int Diagnostics = 0,
    int Findings = 0,
    string? Message = null);

/// <summary>A finding to store with a form, from whatever checks the caller runs.</summary>
/// <param name="IndicatorOrdinal">0-based position of the indicator in the form, when the finding is about one.</param>
public sealed record FindingRecord(string Code, Severity Severity, string Message, int? IndicatorOrdinal = null, string? Expected = null, string? Actual = null);

/// <summary>Computes the findings of a form on import (the check catalogue plugs in here).</summary>
public delegate IEnumerable<FindingRecord> FindingsProvider(PerformanceForm form);

/// <summary>The words the import audit log stores for each <see cref="ImportOutcome"/>.</summary>
public static class ImportOutcomeWords
{
    public static readonly IReadOnlyList<ImportOutcome> All = [ImportOutcome.Imported, ImportOutcome.NewVersion, ImportOutcome.Unchanged, ImportOutcome.Failed];

    public static string Of(ImportOutcome outcome) => outcome switch
    {
        ImportOutcome.Imported => "imported",
        ImportOutcome.NewVersion => "newVersion",
        ImportOutcome.Unchanged => "unchanged",
        _ => "failed",
    };

    /// <summary>The outcome a stored word names; null for any other word.</summary>
    public static ImportOutcome? Parse(string? word) => All.Cast<ImportOutcome?>().FirstOrDefault(o => Of(o!.Value) == word);
}
