using Jixiao.Storage.Queries;

namespace Jixiao.Web.Data;

/// <summary>The import audit log in the database (<c>import_audit</c>).</summary>
public sealed class StoreImportLog(JixiaoStore store) : IImportLog
{
    public IReadOnlyList<ImportAuditView> OfForm(long formId) => store.ImportHistoryOfForm(formId);

    public IReadOnlyList<ImportAuditView> Lines(string? user, Storage.Import.ImportOutcome? outcome, int skip, int take) =>
        store.ImportAuditAsync(user, outcome, skip, take).GetAwaiter().GetResult();

    public IReadOnlyList<string> Users() => store.ImportAuditUsersAsync().GetAwaiter().GetResult();
}
