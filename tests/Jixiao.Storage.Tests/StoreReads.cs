using Jixiao.Storage.Queries;

namespace Jixiao.Storage.Tests;

/// <summary>
/// The store's async reads, waited for: these tests check data in straight lines (and count SQL commands in
/// actions), and xUnit runs them without a synchronisation context, so blocking costs a test thread, never a
/// deadlock. The app awaits every read.
/// </summary>
internal static class StoreReads
{
    public static FormPage? FormPage(this JixiaoStore store, long id) => store.FormPageAsync(id).GetAwaiter().GetResult();

    public static IReadOnlyList<WholeForm> Forms(this JixiaoStore store, IReadOnlyList<long> ids) => store.FormsAsync(ids).GetAwaiter().GetResult();

    public static IReadOnlyList<ImportAuditView> ImportHistoryOfForm(this JixiaoStore store, long formId) => store.ImportHistoryOfFormAsync(formId).GetAwaiter().GetResult();
}
