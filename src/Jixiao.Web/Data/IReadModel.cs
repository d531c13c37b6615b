using Jixiao.Domain.Model;

namespace Jixiao.Web.Data;

/// <summary>A stored form with the keys the pages link by.</summary>
public sealed record StoredForm(long Id, long ProjectId, long UnitId, string Source, int Version, PerformanceForm Form);

/// <summary>One published problem found in a form.</summary>
public sealed record FindingRow(long FormId, string FormName, string Unit, int? Year, string Code, string Severity, int Line, string? Indicator, string Message, string? Expected, string? Actual);

/// <summary>A unit with its department.</summary>
public sealed record UnitRow(long Id, string Name, string Department, int Forms, int Projects);

/// <summary>Filters of the dashboard and lists: all optional.</summary>
public sealed record Scope(int? Year = null, string? Department = null, long? UnitId = null);

/// <summary>A search hit: a project, or an indicator of a form.</summary>
public sealed record SearchHit(long FormId, string FormName, string Unit, int? Year, string Kind, string Text);

/// <summary>One project over the years: its forms, oldest first.</summary>
public sealed record ProjectHistory(long ProjectId, string Name, string Unit, IReadOnlyList<StoredForm> Forms);

/// <summary>
/// What the pages and the API read. Implemented over the database (<c>Jixiao.Storage</c>); the pages do
/// not know how it is stored.
/// </summary>
public interface IReadModel
{
    IReadOnlyList<int> Years();

    IReadOnlyList<string> Departments();

    IReadOnlyList<UnitRow> Units(Scope scope);

    IReadOnlyList<StoredForm> Forms(Scope scope);

    StoredForm? Form(long id);

    ProjectHistory? Project(long id);

    IReadOnlyList<FindingRow> Findings(Scope scope, string? code = null, string? severity = null);

    IReadOnlyList<SearchHit> Search(string text, int limit = 100);
}
