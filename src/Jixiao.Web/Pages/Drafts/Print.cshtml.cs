using Jixiao.Web.Data;
using Jixiao.Web.Drafts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Drafts;

/// <summary>
/// A draft in the official layout (打印预览), as it will print once published: whoever may read the draft may
/// see it (else 404). A self-evaluation shows the scores its last save computed; nothing is recomputed.
/// </summary>
[Authorize]
public sealed class PrintModel(DraftService drafts) : PageModel
{
    public Draft Draft { get; private set; } = null!;

    public FormView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (await drafts.FindAsync(User, id) is not { } draft)
        {
            return NotFound();
        }

        Draft = draft;
        View = FormView.Create(new StoredFormView(draft.Id, 0, draft.UnitId, $"draft-{draft.Id}-v{draft.Version}", draft.Version, draft.Form), []);
        return Page();
    }
}
