using Jixiao.Web.Accounts;
using Jixiao.Web.Drafts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Pages.Drafts;

[Authorize]
public sealed class IndexModel(DraftAccess access) : PageModel
{
    public IReadOnlyList<(Draft Draft, string Name)> Drafts { get; private set; } = [];

    public bool CanCreate => User.IsInRole(Roles.Filler) && DraftAccess.UnitOf(User) is not null;

    public async Task OnGetAsync()
    {
        // Sorted in memory: SQLite cannot order by a DateTimeOffset.
        var drafts = await (await access.VisibleAsync(User)).ToListAsync();
        Drafts = [.. drafts.OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id).Select(d => (d, d.Form.Name))];
    }
}
