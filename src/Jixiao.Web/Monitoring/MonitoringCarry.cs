using System.Globalization;
using System.Text.RegularExpressions;
using Jixiao.Domain.Model;
using Jixiao.Domain.Monitoring;
using Jixiao.Storage.Entities;
using Jixiao.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Monitoring;

/// <summary>
/// The monitoring a self-evaluation starts from (<see cref="MonitoringCarryOver"/>): of the same unit and the same
/// declaration — the published form or the approved draft it was started from, or one naming the declaration in
/// its <c>basedOn</c> — the accepted one, else the latest submitted; a draft or returned form is not the unit's
/// word yet and is not carried. The create line of the self-evaluation's audit log names it, and the page reads
/// its notice back from there (<see cref="SourceOf"/>): no column of its own (drafts have none for it).
/// </summary>
public static partial class MonitoringCarry
{
    /// <summary>The monitoring form to carry into the self-evaluation of <paramref name="declaration"/>, or null.</summary>
    public static async Task<StoredMonitoringForm?> ForEvaluationAsync(AuthoringDbContext db, long unitId, PerformanceForm declaration, long? formId, long? draftId, CancellationToken ct = default)
    {
        var candidates = await db.MonitoringForms.AsNoTracking()
            .Where(r => r.UnitId == unitId && (r.State == MonitoringStates.Accepted || r.State == MonitoringStates.Submitted))
            .ToListAsync(ct);
        var basis = new MonitoringBasis(declaration.Name, declaration.Year);
        return candidates
            .Where(r => (formId is not null && r.BasedOnFormId == formId) || (draftId is not null && r.BasedOnDraftId == draftId) || r.Form.BasedOn == basis)
            .OrderByDescending(r => r.State == MonitoringStates.Accepted)
            .ThenByDescending(r => r.UpdatedAt)
            .ThenByDescending(r => r.Id)
            .FirstOrDefault();
    }

    /// <summary>The self-evaluation template with the monitoring's forecasts and causes, and the words the create line adds.</summary>
    public static (PerformanceForm Form, string Comment) Apply(PerformanceForm evaluation, StoredMonitoringForm monitoring)
    {
        var form = monitoring.Form;
        return (MonitoringCarryOver.Apply(evaluation, form), string.Create(CultureInfo.InvariantCulture,
            $"；全年执行数、实际完成值和偏差原因分析预填自运行监控表 #{monitoring.Id}（{form.Period}，{(monitoring.State == MonitoringStates.Accepted ? "已通过" : "已提交")}）"));
    }

    /// <summary>The monitoring form a create line's comment names (written by <see cref="Apply"/>), or null.</summary>
    public static long? SourceOf(string? comment) =>
        comment is not null && Source().Match(comment) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex("预填自运行监控表 #([0-9]+)")]
    private static partial Regex Source();
}
