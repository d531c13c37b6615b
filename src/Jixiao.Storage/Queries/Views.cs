using Jixiao.Domain.Model;

namespace Jixiao.Storage.Queries;

// What the store's queries return: plain records, ready for a table, a page or JSON. Counts and sums
// cover the versions in force unless a name says otherwise (FormsInHistory).

public sealed record StoreStats(
    string Database,
    int SchemaVersion,
    int Departments,
    int Units,
    int Projects,
    int ProjectYears,
    int ProjectsAcrossYears,
    int ProjectRelations,
    int SourceDocuments,
    int DocumentVersions,
    int Forms,
    int TargetForms,
    int SelfEvaluations,
    int FormsInHistory,
    int Indicators,
    int BudgetRows,
    int Diagnostics,
    int Findings,
    decimal TargetFunds,
    IReadOnlyList<YearCount> Years);

public sealed record YearCount(int? Year, int Forms, int Indicators);

public sealed record UnitSummaryView(
    long Id,
    string Department,
    string Name,
    int Projects,
    int Forms,
    int Indicators,
    decimal TargetFunds,
    decimal? AverageScore,
    IReadOnlyList<int> Years);

public sealed record FormDetail(
    long Id,
    long ProjectId,
    string Source,
    int Version,
    bool IsCurrent,
    PerformanceForm Form,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<FindingView> Findings);

/// <summary>
/// One form as a page or the API shows it: the form, its keys, where it was read from and its findings, with
/// each finding's indicator (name and line) resolved.
/// </summary>
public sealed record FormPage(long Id, long ProjectId, long UnitId, string Source, int Version, bool IsCurrent, PerformanceForm Form, IReadOnlyList<FormPageFinding> Findings);

/// <summary>
/// A whole form with its keys and where it was read from, without findings: what lists of whole forms (a
/// department's 概况, a unit's workbook) read in bulk with <see cref="JixiaoStore.Forms"/>.
/// </summary>
public sealed record WholeForm(long Id, long ProjectId, long UnitId, string Source, int Version, bool IsCurrent, PerformanceForm Form);

/// <param name="Indicator">The 三级 name of the indicator the finding is about; null when it is about the form.</param>
/// <param name="Line">The indicator's line, else the form's.</param>
public sealed record FormPageFinding(long Id, string Code, Severity Severity, string Message, string? Indicator, int Line, string? Expected = null, string? Actual = null);

public sealed record FindingView(
    long Id,
    long FormId,
    string Unit,
    string Project,
    int? Year,
    FormKind Kind,
    int? IndicatorOrdinal,
    string Code,
    Severity Severity,
    string Message,
    string? Expected = null,
    string? Actual = null);

/// <summary>A project across years: each year's target and self-evaluation, and its indicators side by side.</summary>
public sealed record ProjectHistoryView(
    long ProjectId,
    string Unit,
    string Name,
    IReadOnlyList<ProjectYearView> Years,
    IReadOnlyList<IndicatorHistory> Indicators,
    IReadOnlyList<RelatedProject> Parents,
    IReadOnlyList<RelatedProject> Children);

/// <param name="MatchKind">How this year was linked to the project: new, sameName or similar.</param>
public sealed record ProjectYearView(int Year, string Name, string MatchKind, decimal Similarity, FormSummary? Target, FormSummary? SelfEvaluation);

/// <param name="Funds">年度资金申请总额 of a target form, in 元.</param>
/// <param name="Budget">全年预算数 of a self-evaluation, in 万元.</param>
/// <param name="Executed">全年执行数 of a self-evaluation, in 万元.</param>
public sealed record FormSummary(long FormId, string Source, string Name, decimal? Funds, decimal? Budget, decimal? Executed, decimal? ExecutionRate, decimal? TotalScore, string? Grade, int Indicators);

public sealed record IndicatorHistory(string Level1, string Level2, string Name, IReadOnlyList<IndicatorYearCell> Years);

/// <summary>One indicator in one year: the target declared (target form, else the self-evaluation's) and the actual reached.</summary>
public sealed record IndicatorYearCell(int Year, string? Target, string? Actual, decimal? Weight, decimal? Score);

public sealed record RelatedProject(long ProjectId, string Name, string Origin);

public sealed record SearchResults(string Text, IReadOnlyList<ProjectHit> Projects, IReadOnlyList<IndicatorHit> Indicators);

public sealed record ProjectHit(long ProjectId, string Unit, string Name, IReadOnlyList<string> Names, IReadOnlyList<int> Years);

public sealed record IndicatorHit(long FormId, long ProjectId, string Unit, string Project, int? Year, FormKind Kind, string Level2, string Name, string Target, string? Actual);

/// <summary>A project published in more than one year, with its name in each.</summary>
public sealed record CrossYearProject(long ProjectId, string Unit, IReadOnlyList<ProjectYearName> Years);

public sealed record ProjectYearName(int Year, string Name, string MatchKind);

public sealed record ProjectLink(long ParentId, string Parent, long ChildId, string Child, string Unit, string Origin);

/// <summary>An entry of the indicator library: a 三级 name used before under one 二级.</summary>
/// <param name="Forms">How many forms in force used the name.</param>
/// <param name="Targets">Its most common targets, most used first.</param>
public sealed record LibraryIndicator(string Name, int Forms, IReadOnlyList<UsualTarget> Targets);

/// <param name="Count">How many of the name's rows declared this target.</param>
public sealed record UsualTarget(string Target, int Count);

/// <summary>
/// One line of the import audit log: who, when (UTC), which source and content, what became of it
/// (<see cref="Action"/> is the stored word: imported, newVersion, unchanged, failed), what it stored and
/// the source before and after as JSON.
/// </summary>
public sealed record ImportAuditView(
    long Id,
    DateTime At,
    string UserName,
    string Source,
    string File,
    string? ContentHash,
    Import.ImportOutcome Outcome,
    string Action,
    int? Version,
    int Forms,
    int Indicators,
    int Findings,
    string? Message,
    string? BeforeJson,
    string? AfterJson);
