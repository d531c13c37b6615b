using Jixiao.Domain.Checks;
using Jixiao.Web.Accounts;
using Jixiao.Web.Drafts;
using Jixiao.Web.Infrastructure;
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
public sealed class EditModel(AuthoringDbContext db, DraftAccess access, Language L) : PageModel
{
    public Draft Draft { get; private set; } = null!;

    [BindProperty]
    public DraftInput Input { get; set; } = new();

    public bool CanWrite { get; private set; }

    public bool Saved { get; private set; }

    /// <summary>The version saved by someone else meanwhile, shown beside the input that was not saved.</summary>
    public DraftInput? Theirs { get; private set; }

    public IReadOnlyList<Finding> Findings { get; private set; } = [];

    /// <summary>The state changes this user may make now.</summary>
    public IReadOnlyList<Transition> Changes { get; private set; } = [];

    public IReadOnlyList<DraftAudit> History { get; private set; } = [];

    /// <summary>Why a state change was not made.</summary>
    public string? ChangeRefused { get; private set; }

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
        if (!await CommitAsync(Workflow.Updated, null, d => d.Form = Input.ApplyTo(d.Form)))
        {
            Theirs = DraftInput.From(Draft);
            return Page();
        }

        Saved = true;
        Input = DraftInput.From(Draft);
        Findings = Checker.Check(Draft.Form);
        ModelState.Clear();
        return Page();
    }

    /// <summary>A state change named <paramref name="transition"/> from the version the page showed; a return needs a comment.</summary>
    public async Task<IActionResult> OnPostChangeAsync(long id, string transition, int version, string? comment)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input = DraftInput.From(Draft);
        if (Workflow.Available(User, Draft).FirstOrDefault(t => t.Name == transition) is not { } change)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (version != Draft.Version)
        {
            ChangeRefused = L.T($"草稿已被他人修改为版本 {Draft.Version}，请查看后再操作。", $"The draft has been changed to version {Draft.Version} meanwhile; look at it and try again.");
            return Page();
        }

        if (change.NeedsComment && string.IsNullOrWhiteSpace(comment))
        {
            ChangeRefused = L.T("退回时请填写意见。", "Say why when returning a draft.");
            return Page();
        }

        if (!await CommitAsync(change.Name.ToLowerInvariant(), comment?.Trim(), d => d.State = change.To))
        {
            ChangeRefused = L.T("草稿已被他人修改，请查看后再操作。", "The draft has been changed meanwhile; look at it and try again.");
            return Page();
        }

        return Redirect($"/drafts/{id}");
    }

    /// <summary>Applies <paramref name="change"/> as a new version with its audit line; false (the draft reloaded) when someone saved first.</summary>
    private async Task<bool> CommitAsync(string action, string? comment, Action<Draft> change)
    {
        var before = DraftAudit.Snapshot(Draft);
        change(Draft);
        Draft.Version++;
        Draft.UpdatedAt = DateTimeOffset.UtcNow;
        db.Log(Draft, action, User.Identity!.Name!, before, comment);
        try
        {
            await db.SaveChangesAsync();
            History = await HistoryAsync(Draft.Id);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(Draft.Id);
            return false;
        }
    }

    private async Task<IReadOnlyList<DraftAudit>> HistoryAsync(long id) =>
        await db.Audit.AsNoTracking().Where(a => a.DraftId == id).OrderBy(a => a.Id).ToListAsync();

    private async Task<bool> LoadAsync(long id)
    {
        if (await access.FindAsync(User, id) is not { } draft)
        {
            return false;
        }

        Draft = draft;
        CanWrite = DraftAccess.CanWrite(User, draft);
        Findings = Checker.Check(draft.Form);
        Changes = [.. Workflow.Available(User, draft)];
        History = await HistoryAsync(id);
        return true;
    }
}
