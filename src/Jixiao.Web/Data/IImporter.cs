using Jixiao.Domain.Model;

namespace Jixiao.Web.Data;

/// <summary>The outcome of importing one file.</summary>
public sealed record ImportSummary(bool Imported, bool AlreadyPresent, int Forms, int Indicators, string Message);

/// <summary>Reads uploads for preview and stores them on confirmation.</summary>
public interface IImporter
{
    /// <summary>Reads without storing: what the upload would add, with diagnostics.</summary>
    DisclosureDocument Preview(byte[] content, string fileName);

    /// <summary>Stores the upload (idempotent: the same content twice adds nothing), logged under <paramref name="user"/>.</summary>
    ImportSummary Import(byte[] content, string fileName, string user);
}
