using Jixiao.Storage.Import;

namespace Jixiao.Storage.Entities;

/// <summary>
/// One line of the import audit log (<c>import_audit</c>, schema version 6): who asked to store which
/// file, when, what became of it, and the source before and after as JSON summaries.
/// </summary>
public sealed class ImportAuditLine : IHasId
{
    public long Id { get; set; }

    /// <summary>The web user's name, <c>cli:&lt;OS user&gt;</c>, or <c>system</c> (seeding at first start).</summary>
    public string UserName { get; set; } = "";

    /// <summary>When, in UTC.</summary>
    public DateTime At { get; set; }

    /// <summary>The source the file is (its file name when it could not be read).</summary>
    public string SourceName { get; set; } = "";

    public string FileName { get; set; } = "";

    /// <summary>SHA-256 of the content; null when the file could not be read.</summary>
    public string? ContentHash { get; set; }

    public ImportOutcome Outcome { get; set; }

    /// <summary>The version stored (imported, new version) or found (unchanged); null on failure.</summary>
    public int? Version { get; set; }

    /// <summary>Forms stored by this import (0 unless it stored something); likewise indicators and findings.</summary>
    public int FormCount { get; set; }

    public int IndicatorCount { get; set; }

    public int FindingCount { get; set; }

    /// <summary>Why it failed, or that the content was stored already.</summary>
    public string? Message { get; set; }

    /// <summary>The version of the source in force before this import, as JSON; null when there was none.</summary>
    public string? BeforeJson { get; set; }

    /// <summary>What this import stored, as JSON; null unless it stored something.</summary>
    public string? AfterJson { get; set; }
}
