using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;
using Jixiao.Web.Accounts;
using Jixiao.Web.Data;
using Jixiao.Web.Drafts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Drafts;

/// <summary>
/// Starts the self-evaluation of a published target declaration of the filler's own unit (one that was
/// published elsewhere and imported, so it has no approved draft here). Another unit's form is a 404.
/// </summary>
[Authorize(Roles = Roles.Filler)]
public sealed class FromFormModel(IReadModel data, DraftService drafts) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostEvaluateAsync(long formId)
    {
        if (await data.FormAsync(formId, HttpContext.RequestAborted) is not { Form.Kind: FormKind.Target } stored || stored.UnitId != DraftAccess.UnitOf(User))
        {
            return NotFound();
        }

        var draft = await drafts.StartEvaluationAsync(User, stored);
        return draft is null ? Forbid() : Redirect(DraftPageModel.UrlOf(draft));
    }
}
