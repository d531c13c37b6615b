using Jixiao.Domain.Checks;
using Jixiao.Web.Accounts;
using Jixiao.Web.Drafts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Pages.Drafts;

/// <summary>
/// A draft: its fields, editable by its unit's 填报人 while it is a draft, and the rule catalogue's
/// findings. A draft the user may not read is a 404; one they may read but not change refuses a save with 403.
/// </summary>
[Authorize]
public sealed class EditModel(AuthoringDbContext db, DraftAccess access) : PageModel
{
    public Draft Draft { get; private set; } = null!;

    [BindProperty]
    public DraftInput Input { get; set; } = new();

    public bool CanWrite { get; private set; }

    public bool Saved { get; private set; }

    /// <summary>The version saved by someone else meanwhile, shown beside the input that was not saved.</summary>
    public DraftInput? Theirs { get; private set; }

    public IReadOnlyList<Finding> Findings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input = DraftInput.From(Draft);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(long id) => SaveAsync(id, _ => { });

    public Task<IActionResult> OnPostAddRowAsync(long id) => SaveAsync(id, input => input.AddRow());

    public Task<IActionResult> OnPostRemoveRowAsync(long id, int index) => SaveAsync(id, input => input.RemoveRow(index));

    public Task<IActionResult> OnPostMoveUpAsync(long id, int index) => SaveAsync(id, input => input.MoveUp(index));

    /// <summary>Applies a row operation to the posted input, then saves it all (so a row change never loses typing).</summary>
    private async Task<IActionResult> SaveAsync(long id, Action<DraftInput> edit)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!CanWrite)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (Input.Version != Draft.Version)
        {
            Theirs = DraftInput.From(Draft);
            return Page();
        }

        edit(Input);
        Draft.Form = Input.ApplyTo(Draft.Form);
        Draft.Version++;
        Draft.UpdatedAt = DateTimeOffset.UtcNow;
        db.Drafts.Update(Draft);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id);
            Theirs = DraftInput.From(Draft);
            return Page();
        }

        Saved = true;
        Input = DraftInput.From(Draft);
        Findings = Checker.Check(Draft.Form);
        ModelState.Clear();
        return Page();
    }

    private async Task<bool> LoadAsync(long id)
    {
        if (await access.FindAsync(User, id) is not { } draft)
        {
            return false;
        }

        Draft = draft;
        CanWrite = DraftAccess.CanWrite(User, draft);
        Findings = Checker.Check(draft.Form);
        return true;
    }
}
