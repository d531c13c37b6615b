using Jixiao.Domain.Model;
using Jixiao.Web.Accounts;
using Jixiao.Web.Drafts;
using Jixiao.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Jixiao.Web.Pages.Drafts;

/// <summary>
/// A self-evaluation draft (财政项目支出绩效自评表): money block, actual values, weights and deviation
/// analysis, scored live under the unit's policy with every score explained; then the same submit / review
/// cycle as a target declaration.
/// </summary>
public sealed class EvaluateModel(AuthoringDbContext db, DraftService drafts, Language L) : DraftPageModel(db, drafts, L)
{
    [BindProperty]
    public EvaluationInput Input { get; set; } = new();

    /// <summary>The version saved by someone else meanwhile; the input that was not saved stays in the form.</summary>
    public EvaluationInput? Theirs { get; private set; }

    protected override FormKind Kind => FormKind.SelfEvaluation;

    /// <summary>The monitoring form this self-evaluation's actuals and causes were prefilled from, named by its create line.</summary>
    public long? MonitoringSource => Jixiao.Web.Monitoring.MonitoringCarry.SourceOf(History.FirstOrDefault(a => a.Action == Workflow.Created)?.Comment);

    public Task<IActionResult> OnPostAsync(long id) => SaveAsync(id, Input.Version);

    protected override PerformanceForm Apply(PerformanceForm form) => Input.ApplyTo(form);

    protected override void Reset() => Input = EvaluationInput.From(Draft);

    protected override void ShowTheirs() => Theirs = EvaluationInput.From(Draft);
}
