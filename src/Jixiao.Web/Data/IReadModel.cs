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
    IReadOnlyList<int> Years();

    IReadOnlyList<string> Departments();

    IReadOnlyList<UnitRow> Units(Scope scope);

    IReadOnlyList<FormRow> Forms(Scope scope, int limit = 10_000);

    /// <summary>One page of the forms in <paramref name="scope"/> (by id, as <see cref="Forms"/>) and how many there are.</summary>
    Paged<FormRow> FormPage(Scope scope, Paging paging);

    Dashboard Dashboard(Scope scope);

    StoredFormView? Form(long id);

    /// <summary>
    /// The forms of <see cref="Forms"/>, whole and in the same order, for what needs every form of a list (a
    /// department's 概况, a unit's workbook): the database reads them in a few batched queries, not form by form.
    /// </summary>
    IReadOnlyList<StoredFormView> WholeForms(Scope scope, int limit = 10_000);

    /// <summary>One form with its findings, for its page; null when there is none.</summary>
    FormWithFindings? FormWithFindings(long id) => Form(id) is { } form ? new(form, Findings(new Scope(), formId: id)) : null;

    ProjectFormHistory? Project(long id);

    IReadOnlyList<FindingRow> Findings(Scope scope, string? code = null, string? severity = null, long? formId = null, int limit = 2000);

    /// <summary>One page of the findings of <see cref="Findings"/> (by form, then as found) and how many there are.</summary>
    Paged<FindingRow> FindingPage(Scope scope, string? code, string? severity, Paging paging);

    /// <summary>How many findings the forms in <paramref name="scope"/> have: what a summary shows, without the findings.</summary>
    int FindingCount(Scope scope) => Findings(scope, limit: int.MaxValue).Count;

    IReadOnlyList<SearchHit> Search(string text, int limit = 100);

    /// <summary>One page of the hits of <see cref="Search"/> and how many there are.</summary>
    Paged<SearchHit> SearchPage(string text, Paging paging);

    /// <summary>
    /// The indicator library (指标库): 三级 names used under a 二级 (any spelling of it) in the published forms, with
    /// how many forms used each and its usual targets, most used first; see <see cref="JixiaoStore.LibraryAsync"/>.
    /// </summary>
    IReadOnlyList<LibraryIndicator> Library(string level2, string? level1 = null, string? text = null, int limit = 20);
}
