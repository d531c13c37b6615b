using Jixiao.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Units;

public sealed class IndexModel(IReadModel data) : PageModel
{
    public IReadOnlyList<UnitRow> Units { get; private set; } = [];

    public void OnGet() => Units = data.Units(new Scope());
}
