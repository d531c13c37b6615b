using Jixiao.Domain.Model;

namespace Jixiao.Storage.Entities;

/// <summary>What a check found in a form (or in one of its indicators).</summary>
public sealed class StoredFinding : IHasId
{
    public long Id { get; set; }
    public long FormId { get; set; }
    public int? IndicatorOrdinal { get; set; }
    public string Code { get; set; } = "";
    public Severity Severity { get; set; }
    public string Message { get; set; } = "";

    /// <summary>What the rule expected (e.g. a recomputed score), when it says.</summary>
    public string? Expected { get; set; }

    /// <summary>What the form printed, when the rule says.</summary>
    public string? Actual { get; set; }
    public StoredForm Form { get; set; } = null!;
}
