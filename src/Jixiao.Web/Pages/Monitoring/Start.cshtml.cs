using Jixiao.Web.Accounts;
using Jixiao.Web.Monitoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Monitoring;

/// <summary>
/// Starts (or opens, when already started) the monitoring of a target declaration of the filler's own unit:
/// a published one (from its page or the monitoring list) or an approved draft (from the drafts list).
/// Another unit's declaration is a 404.
/// </summary>
[Authorize(Roles = Roles.Filler)]
public sealed class StartModel(MonitoringService monitoring) : PageModel
{
    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostFromFormAsync(long formId) =>
        await monitoring.StartFromFormAsync(User, formId) is var (record, _) ? Redirect(EditModel.UrlOf(record)) : NotFound();

    public async Task<IActionResult> OnPostFromDraftAsync(long draftId) =>
        await monitoring.StartFromDraftAsync(User, draftId) is var (record, _) ? Redirect(EditModel.UrlOf(record)) : NotFound();
}
