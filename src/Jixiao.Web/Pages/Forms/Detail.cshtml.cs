using Jixiao.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Forms;

public sealed class DetailModel(IReadModel data, FormScoring scoring, IImportLog imports) : PageModel
{
    public FormView View { get; private set; } = null!;

    /// <summary>The import audit lines of the source this form was read from (处理记录), newest first.</summary>
    public IReadOnlyList<Jixiao.Storage.Queries.ImportAuditView> History { get; private set; } = [];

    public IActionResult OnGet(long id)
    {
        var stored = data.Form(id);
        if (stored is null)
        {
            return NotFound();
        }

        View = FormView.Create(stored, data.Findings(new Scope(), formId: id), scoring.Score);
        History = imports.OfForm(id);
        return Page();
    }
}
