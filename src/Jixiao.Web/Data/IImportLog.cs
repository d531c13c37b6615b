using Jixiao.Storage.Queries;

namespace Jixiao.Web.Data;

/// <summary>The import audit log as the pages read it: per form (its source's lines) and for administrators.</summary>
public interface IImportLog
{
    /// <summary>The lines of the source a form was read from, newest first.</summary>
    Task<IReadOnlyList<ImportAuditView>> OfFormAsync(long formId, CancellationToken ct = default);

    /// <summary>Lines newest first, of <paramref name="user"/> and with <paramref name="outcome"/> when given.</summary>
    Task<IReadOnlyList<ImportAuditView>> LinesAsync(string? user, Storage.Import.ImportOutcome? outcome, int skip, int take, CancellationToken ct = default);

    /// <summary>Who appears in the log.</summary>
    Task<IReadOnlyList<string>> UsersAsync(CancellationToken ct = default);
}
