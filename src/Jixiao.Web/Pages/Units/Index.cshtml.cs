using Jixiao.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Units;

public sealed class IndexModel(IReadModel data) : PageModel
{
    public IReadOnlyList<UnitRow> Units { get; private set; } = [];

    public async Task OnGetAsync() => Units = await data.UnitsAsync(new Scope(), HttpContext.RequestAborted);
}
