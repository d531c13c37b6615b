using Jixiao.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Forms;

public sealed class DetailModel(IReadModel data, FormScoring scoring) : PageModel
{
    public FormView View { get; private set; } = null!;

    public IActionResult OnGet(long id)
    {
        var stored = data.Form(id);
        if (stored is null)
        {
            return NotFound();
        }

        View = FormView.Create(stored, data.Findings(new Scope(), formId: id), scoring.Score);
        return Page();
    }
}
