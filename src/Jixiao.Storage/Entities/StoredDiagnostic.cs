using Jixiao.Domain.Model;

namespace Jixiao.Storage.Entities;

/// <summary>A parse diagnostic of a document version, tied to the form it was noticed in when there is one.</summary>
public sealed class StoredDiagnostic
{
    public long DocumentVersionId { get; set; }
    public int Ordinal { get; set; }
    public long? FormId { get; set; }
    public Severity Severity { get; set; }
    public int Line { get; set; }
    public string Code { get; set; } = "";
    public string Message { get; set; } = "";
}
