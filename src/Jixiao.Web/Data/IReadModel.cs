using Jixiao.Domain.Model;
using Jixiao.Storage.Queries;

namespace Jixiao.Web.Data;

/// <summary>A stored form with the keys the pages link by.</summary>
public sealed record StoredFormView(long Id, long ProjectId, long UnitId, string Source, int Version, PerformanceForm Form);

/// <summary>A form as a line of a list: what lists and the 汇总表 show, without its indicators.</summary>
public sealed record FormRow(
    long Id, long ProjectId, long UnitId, FormKind Kind, int? Year, string Name, string Unit, string Department,
    decimal? Funds, decimal? Budget, int Indicators, decimal? TotalScore, string? Grade, int Findings, string Source, int Line);

/// <summary>A stored form with its findings: what its page shows.</summary>
public sealed record FormWithFindings(StoredFormView Stored, IReadOnlyList<FindingRow> Findings);

/// <summary>One problem found in a form.</summary>
/// <param name="Source">The document the form was read from: read with the finding, so a list of findings needs no form loaded.</param>
public sealed record FindingRow(long FormId, string Source, string FormName, string Unit, int? Year, string Code, string Severity, int Line, string? Indicator, string Message, string? Expected, string? Actual);

/// <summary>A unit with its department.</summary>
public sealed record UnitRow(long Id, string Name, string Department, int Forms, int Projects);

/// <summary>Filters of the dashboard and lists: all optional.</summary>
public sealed record Scope(int? Year = null, string? Department = null, long? UnitId = null);

/// <summary>A search hit: a project, or an indicator of a form.</summary>
public sealed record SearchHit(long FormId, string FormName, string Unit, int? Year, string Kind, string Text);

/// <summary>One project over the years: its forms, oldest first.</summary>
public sealed record ProjectFormHistory(long ProjectId, string Name, string Unit, IReadOnlyList<StoredFormView> Forms);

/// <summary>
/// What the pages and the API read. Lists and the dashboard are computed where the data lives (SQL for
/// the database), so a page never loads every form; single forms and projects come whole.
/// </summary>
public interface IReadModel
{
    Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct = default);

    Task<IReadOnlyList<string>> DepartmentsAsync(CancellationToken ct = default);

    Task<IReadOnlyList<UnitRow>> UnitsAsync(Scope scope, CancellationToken ct = default);

    Task<IReadOnlyList<FormRow>> FormsAsync(Scope scope, int limit = 10_000, CancellationToken ct = default);

    /// <summary>One page of the forms in <paramref name="scope"/> (by id, as <see cref="FormsAsync"/>) and how many there are.</summary>
    Task<Paged<FormRow>> FormPageAsync(Scope scope, Paging paging, CancellationToken ct = default);

    Task<Dashboard> DashboardAsync(Scope scope, CancellationToken ct = default);

    Task<StoredFormView?> FormAsync(long id, CancellationToken ct = default);

    /// <summary>
    /// The forms of <see cref="FormsAsync"/>, whole and in the same order, for what needs every form of a list (a
    /// department's 概况, a unit's workbook): the database reads them in a few batched queries, not form by form.
    /// </summary>
    Task<IReadOnlyList<StoredFormView>> WholeFormsAsync(Scope scope, int limit = 10_000, CancellationToken ct = default);

    /// <summary>One form with its findings, for its page; null when there is none.</summary>
    Task<FormWithFindings?> FormWithFindingsAsync(long id, CancellationToken ct = default);

    Task<ProjectFormHistory?> ProjectAsync(long id, CancellationToken ct = default);

    Task<IReadOnlyList<FindingRow>> FindingsAsync(Scope scope, string? code = null, string? severity = null, long? formId = null, int limit = 2000, CancellationToken ct = default);

    /// <summary>One page of the findings of <see cref="FindingsAsync"/> (by form, then as found) and how many there are.</summary>
    Task<Paged<FindingRow>> FindingPageAsync(Scope scope, string? code, string? severity, Paging paging, CancellationToken ct = default);

    /// <summary>How many findings the forms in <paramref name="scope"/> have: what a summary shows, without the findings.</summary>
    Task<int> FindingCountAsync(Scope scope, CancellationToken ct = default);

    /// <summary>One page of the hits of a search (projects by name first, then indicators) and how many there are.</summary>
    Task<Paged<SearchHit>> SearchPageAsync(string text, Paging paging, CancellationToken ct = default);

    /// <summary>
    /// The indicator library (指标库): 三级 names used under a 二级 (any spelling of it) in the published forms, with
    /// how many forms used each and its usual targets, most used first; see <see cref="JixiaoStore.LibraryAsync"/>.
    /// </summary>
    Task<IReadOnlyList<LibraryIndicator>> LibraryAsync(string level2, string? level1 = null, string? text = null, int limit = 20, CancellationToken ct = default);
}
