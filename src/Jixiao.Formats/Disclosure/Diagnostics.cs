using Jixiao.Domain.Model;

namespace Jixiao.Formats.Disclosure;

/// <summary>Stable codes of the reader's diagnostics.</summary>
public static class DiagnosticCodes
{
    public const string NotADisclosure = "not-a-disclosure";
    public const string Binary = "binary-input";
    public const string LineTooLong = "line-too-long";
    public const string FormTruncated = "form-truncated";
    public const string MissingField = "missing-field";
    public const string WrappedCell = "wrapped-cell";
    public const string Level1Inferred = "level1-inferred";
    public const string LabelAfterRows = "label-after-rows";
    public const string LabelSplit = "label-split";
    public const string Misprint = "misprint";
    public const string PageBreakTrailer = "page-break-trailer";
    public const string RepeatedGoal = "repeated-goal";
    public const string RepeatedBlock = "repeated-block";
    public const string DuplicateForm = "duplicate-form";
    public const string TargetMissing = "target-missing";
    public const string NameSuffix = "name-suffix";
    public const string YearInferred = "year-inferred";
    public const string TableRule = "table-rule";
    public const string Markup = "markup-removed";
    public const string OrphanText = "orphan-text";
    public const string UnreadRow = "unread-row";
    public const string CellMoved = "cell-moved";
    public const string CellRepaired = "cell-repaired";
    public const string PageFurniture = "page-furniture";
}

/// <summary>Collects diagnostics while a source is read.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;

    public int Count => _items.Count;

    /// <summary>Drops diagnostics added after <paramref name="count"/> (for a tentative read that is undone).</summary>
    public void Truncate(int count) => _items.RemoveRange(count, _items.Count - count);

    public void Warn(int line, string code, string message) => _items.Add(new Diagnostic(Severity.Warning, line, code, message));

    public void Info(int line, string code, string message) => _items.Add(new Diagnostic(Severity.Info, line, code, message));

    public void Error(int line, string code, string message) => _items.Add(new Diagnostic(Severity.Error, line, code, message));
}

/// <summary>One form read from a source (null when it could not be read) and the diagnostics about it.</summary>
public sealed record FormReadResult(PerformanceForm? Form, IReadOnlyList<Diagnostic> Diagnostics);
