using Jixiao.Domain.Model;
using Jixiao.Web.Accounts;
using Jixiao.Web.Drafts;
using Jixiao.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Jixiao.Web.Pages.Drafts;

/// <summary>
/// A target declaration draft: its fields, editable by its unit's 填报人 while it is a draft or returned,
/// and the rule catalogue's findings, live while typing and on every save. A draft the user may not read is
/// a 404; one they may read but not change refuses a save with 403.
/// </summary>
public sealed class EditModel(AuthoringDbContext db, DraftService drafts, Language L) : DraftPageModel(db, drafts, L)
{
    [BindProperty]
    public DraftInput Input { get; set; } = new();

    /// <summary>The version saved by someone else meanwhile, shown beside the input that was not saved.</summary>
    public DraftInput? Theirs { get; private set; }

    protected override FormKind Kind => FormKind.Target;

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (await LoadAsync(id) is { } missing)
        {
            return missing;
        }

        Reset();
        return Page();
    }

    public Task<IActionResult> OnPostAsync(long id) => SaveAsync(id, _ => { });

    public Task<IActionResult> OnPostAddRowAsync(long id) => SaveAsync(id, input => input.AddRow());

    public Task<IActionResult> OnPostRemoveRowAsync(long id, int index) => SaveAsync(id, input => input.RemoveRow(index));

    public Task<IActionResult> OnPostMoveUpAsync(long id, int index) => SaveAsync(id, input => input.MoveUp(index));

    /// <summary>The live review of the posted (unsaved) input.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(long id) =>
        await LoadAsync(id) is { } missing ? missing : Preview(Input.ApplyTo(Draft.Form));

    protected override void Reset() => Input = DraftInput.From(Draft);

    /// <summary>Applies a row operation to the posted input, then saves it all (so a row change never loses typing).</summary>
    private async Task<IActionResult> SaveAsync(long id, Action<DraftInput> edit)
    {
        if (await LoadAsync(id) is { } missing)
        {
            return missing;
        }

        var version = Input.Version;
        edit(Input);
        switch ((await Drafts.SaveAsync(User, Draft, version, Input.ApplyTo)).Outcome)
        {
            case DraftOutcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case DraftOutcome.Conflict:
                await ReloadAsync();
                Theirs = DraftInput.From(Draft);
                return Page();
        }

        await ReloadAsync();
        Saved = true;
        Reset();
        ModelState.Clear();
        return Page();
    }
}
