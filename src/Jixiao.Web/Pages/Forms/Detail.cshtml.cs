using Jixiao.Web.Data;
using Jixiao.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Forms;

/// <summary>A published form: the same for every anonymous visitor, served from the output cache (see PublicPages).</summary>
[OutputCache(PolicyName = PublicPages.PolicyName)]
public sealed class DetailModel(IReadModel data, FormScoring scoring, IImportLog imports) : PageModel
{
    public FormView View { get; private set; } = null!;

    /// <summary>The import audit lines of the source this form was read from (处理记录), newest first.</summary>
    public IReadOnlyList<Jixiao.Storage.Queries.ImportAuditView> History { get; private set; } = [];

    public IActionResult OnGet(long id)
    {
        if (data.FormWithFindings(id) is not { } page)
        {
            return NotFound();
        }

        View = FormView.Create(page.Stored, page.Findings, scoring.Score);
        History = imports.OfForm(id);
        return Page();
    }
}
