using Jixiao.Storage.Import;
using Jixiao.Storage.Queries;
using Jixiao.Web.Data;

namespace Jixiao.Web.Tests;

/// <summary>
/// The read model's async reads, waited for: the tests set up and check data in straight lines, and xUnit runs
/// them without a synchronisation context, so blocking here costs a test thread, never a deadlock. The app
/// itself awaits every read.
/// </summary>
internal static class ReadModelReads
{
    public static IReadOnlyList<FormRow> Forms(this IReadModel data, Scope scope, int limit = 10_000) => data.FormsAsync(scope, limit).GetAwaiter().GetResult();

    public static StoredFormView? Form(this IReadModel data, long id) => data.FormAsync(id).GetAwaiter().GetResult();

    public static IReadOnlyList<UnitRow> Units(this IReadModel data, Scope scope) => data.UnitsAsync(scope).GetAwaiter().GetResult();

    public static IReadOnlyList<StoredFormView> WholeForms(this IReadModel data, Scope scope, int limit = 10_000) => data.WholeFormsAsync(scope, limit).GetAwaiter().GetResult();

    public static IReadOnlyList<FindingRow> Findings(this IReadModel data, Scope scope, string? code = null, string? severity = null, long? formId = null, int limit = 2000) =>
        data.FindingsAsync(scope, code, severity, formId, limit).GetAwaiter().GetResult();

    public static int FindingCount(this IReadModel data, Scope scope) => data.FindingCountAsync(scope).GetAwaiter().GetResult();

    public static IReadOnlyList<LibraryIndicator> Library(this IReadModel data, string level2, string? level1 = null, string? text = null, int limit = 20) =>
        data.LibraryAsync(level2, level1, text, limit).GetAwaiter().GetResult();

    public static IReadOnlyList<ImportAuditView> Lines(this IImportLog log, string? user, ImportOutcome? outcome, int skip, int take) =>
        log.LinesAsync(user, outcome, skip, take).GetAwaiter().GetResult();
}
