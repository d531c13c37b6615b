using Jixiao.Web.Data;
using Jixiao.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Forms;

/// <summary>A published form: the same for every anonymous visitor, served from the output cache (see PublicPages).</summary>
[OutputCache(PolicyName = PublicPages.PolicyName)]
public sealed class DetailModel(IReadModel data, FormScoring scoring, IImportLog imports, Accounts.ImporterRoles importers) : PageModel
{
    public FormView View { get; private set; } = null!;

    /// <summary>The import audit lines of the source this form was read from (处理记录), newest first; who imported as a role, never an account name.</summary>
    public IReadOnlyList<Jixiao.Storage.Queries.ImportAuditView> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (await data.FormWithFindingsAsync(id, HttpContext.RequestAborted) is not { } page)
        {
            return NotFound();
        }

        View = FormView.Create(page.Stored, page.Findings, scoring.Score);
        var lines = await imports.OfFormAsync(id, HttpContext.RequestAborted);
        var roles = await importers.OfAsync(lines.Select(l => l.UserName));
        History = [.. lines.Select(l => l with { UserName = roles[l.UserName] })];
        return Page();
    }
}
