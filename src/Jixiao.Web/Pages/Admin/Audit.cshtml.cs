using Jixiao.Web.Accounts;
using Jixiao.Web.Drafts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Pages.Admin;

/// <summary>The latest lines of the drafts' audit log, for 管理员.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class AuditModel(AuthoringDbContext db) : PageModel
{
    public const int Shown = 500;

    public IReadOnlyList<DraftAudit> Entries { get; private set; } = [];

    public async Task OnGetAsync() =>
        Entries = await db.Audit.AsNoTracking().OrderByDescending(a => a.Id).Take(Shown).ToListAsync();
}
