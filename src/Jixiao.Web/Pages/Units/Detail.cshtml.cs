using Jixiao.Web.Data;
using Jixiao.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Units;

/// <summary>A unit and its forms: the same for every anonymous visitor, served from the output cache (see PublicPages).</summary>
[OutputCache(PolicyName = PublicPages.PolicyName)]
public sealed class DetailModel(IReadModel data) : PageModel
{
    public UnitRow Unit { get; private set; } = null!;

    /// <summary>The page of the unit's forms, from 1 (query <c>p</c>).</summary>
    [BindProperty(SupportsGet = true, Name = PagerView.Query)] public int? PageNumber { get; set; }

    public const int PageSize = Paging.MaxSize;

    public Paged<FormRow> Forms { get; private set; } = new([], 1, PageSize, 0);

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var scope = new Scope(UnitId: id);
        var unit = (await data.UnitsAsync(scope, HttpContext.RequestAborted)).FirstOrDefault();
        if (unit is null)
        {
            return NotFound();
        }

        Unit = unit;
        Forms = await data.FormPageAsync(scope, Paging.ForPage(PageNumber, PageSize), HttpContext.RequestAborted);
        return Page();
    }
}
