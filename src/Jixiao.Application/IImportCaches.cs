namespace Jixiao.Application;

/// <summary>
/// The caches an import can make stale, supplied by whoever keeps some (the web app: its read cache and the
/// output cache of the public pages). <see cref="ImportDocuments"/> evicts them once the import's transactions are over.
/// </summary>
public interface IImportCaches
{
    /// <summary>
    /// Called after every import, even one that failed midway; <paramref name="stored"/> says whether any form
    /// was stored (a file found unchanged, or one that failed, still adds a line to the import audit log).
    /// </summary>
    void Evict(bool stored);
}
