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

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (await LoadAsync(id) is { } missing)
        {
            return missing;
        }

        Reset();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id)
    {
        if (await LoadAsync(id) is { } missing)
        {
            return missing;
        }

        switch ((await Drafts.SaveAsync(User, Draft, Input.Version, Input.ApplyTo)).Outcome)
        {
            case DraftOutcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case DraftOutcome.Conflict:
                await ReloadAsync();
                Theirs = EvaluationInput.From(Draft);
                return Page();
        }

        await ReloadAsync();
        Saved = true;
        Reset();
        ModelState.Clear();
        return Page();
    }

    /// <summary>The live score and findings of the posted (unsaved) input.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(long id) =>
        await LoadAsync(id) is { } missing ? missing : Preview(Input.ApplyTo(Draft.Form));

    protected override void Reset() => Input = EvaluationInput.From(Draft);
}
