using Jixiao.Storage.Queries;

namespace Jixiao.Web.Data;

/// <summary>The import audit log in the database (<c>import_audit</c>).</summary>
public sealed class StoreImportLog(JixiaoStore store) : IImportLog
{
    public Task<IReadOnlyList<ImportAuditView>> OfFormAsync(long formId, CancellationToken ct = default) => store.ImportHistoryOfFormAsync(formId, ct);

    public Task<IReadOnlyList<ImportAuditView>> LinesAsync(string? user, Storage.Import.ImportOutcome? outcome, int skip, int take, CancellationToken ct = default) =>
        store.ImportAuditAsync(user, outcome, skip, take, ct);

    public Task<IReadOnlyList<string>> UsersAsync(CancellationToken ct = default) => store.ImportAuditUsersAsync(ct);
}
