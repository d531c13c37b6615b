using Jixiao.Domain.Model;
using Jixiao.Web.Accounts;
using Jixiao.Web.Drafts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Pages.Drafts;

/// <summary>The drafts the user may see; those waiting for this user's action (to review, or to fix after a return) first.</summary>
[Authorize]
public sealed class IndexModel(DraftAccess access) : PageModel
{
    public sealed record Row(Draft Draft, PerformanceForm Form, bool Waiting);

    public IReadOnlyList<Row> Drafts { get; private set; } = [];

    public bool CanCreate => User.IsInRole(Roles.Filler) && DraftAccess.UnitOf(User) is not null;

    public async Task OnGetAsync()
    {
        // Sorted in memory: SQLite cannot order by a DateTimeOffset.
        var drafts = await (await access.VisibleAsync(User)).AsNoTracking().ToListAsync();
        Drafts = [.. drafts
            .Select(d => new Row(d, d.Form, Workflow.Available(User, d).Any() || (d.State == States.Returned && DraftAccess.CanWrite(User, d))))
            .OrderByDescending(r => r.Waiting).ThenByDescending(r => r.Draft.UpdatedAt).ThenByDescending(r => r.Draft.Id)];
    }
}
