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

    public Task<IActionResult> OnPostAsync(long id) => SaveRowsAsync(id, _ => { });

    public Task<IActionResult> OnPostAddRowAsync(long id) => SaveRowsAsync(id, input => input.AddRow());

    public Task<IActionResult> OnPostRemoveRowAsync(long id, int index) => SaveRowsAsync(id, input => input.RemoveRow(index));

    public Task<IActionResult> OnPostMoveUpAsync(long id, int index) => SaveRowsAsync(id, input => input.MoveUp(index));

    public Task<IActionResult> OnPostMoveDownAsync(long id, int index) => SaveRowsAsync(id, input => input.MoveUp(index + 1));

    protected override PerformanceForm Apply(PerformanceForm form) => Input.ApplyTo(form);

    protected override void Reset() => Input = DraftInput.From(Draft);

    protected override void ShowTheirs() => Theirs = DraftInput.From(Draft);

    /// <summary>Applies a row operation to the posted input, then saves it all (so a row change never loses typing).</summary>
    private Task<IActionResult> SaveRowsAsync(long id, Action<DraftInput> edit)
    {
        var version = Input.Version;
        edit(Input);
        return SaveAsync(id, version);
    }
}
