using Jixiao.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Units;

public sealed class DetailModel(IReadModel data) : PageModel
{
    public UnitRow Unit { get; private set; } = null!;

    public IReadOnlyList<StoredForm> Forms { get; private set; } = [];

    private ILookup<long, FindingRow> _findings = null!;

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
        _findings = data.Findings(scope).ToLookup(f => f.FormId);
        return Page();
    }

    public int FindingCount(long formId) => _findings[formId].Count();
}
