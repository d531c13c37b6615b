using Jixiao.Storage.Queries;

namespace Jixiao.Web.Data;

/// <summary>The import audit log as the pages read it: per form (its source's lines) and for administrators.</summary>
public interface IImportLog
{
    /// <summary>The lines of the source a form was read from, newest first.</summary>
    IReadOnlyList<ImportAuditView> OfForm(long formId);

    /// <summary>Lines newest first, of <paramref name="user"/> and with <paramref name="outcome"/> when given.</summary>
    IReadOnlyList<ImportAuditView> Lines(string? user, Storage.Import.ImportOutcome? outcome, int skip, int take);

    /// <summary>Who appears in the log.</summary>
    IReadOnlyList<string> Users();
}
