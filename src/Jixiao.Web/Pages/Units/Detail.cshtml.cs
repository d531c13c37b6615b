using Jixiao.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Units;

public sealed class DetailModel(IReadModel data) : PageModel
{
    public UnitRow Unit { get; private set; } = null!;

    public IReadOnlyList<FormRow> Forms { get; private set; } = [];

    public IActionResult OnGet(long id)
    {
        var scope = new Scope(UnitId: id);
        var unit = data.Units(scope).FirstOrDefault();
        if (unit is null)
        {
            return NotFound();
        }

        Unit = unit;
        Forms = data.Forms(scope);
        return Page();
    }
}
