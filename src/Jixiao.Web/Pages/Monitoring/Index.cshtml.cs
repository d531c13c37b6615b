using Jixiao.Domain.Monitoring;
using Jixiao.Storage.Entities;
using Jixiao.Web.Accounts;
using Jixiao.Web.Data;
using Jixiao.Web.Drafts;
using Jixiao.Web.Monitoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Pages.Monitoring;

/// <summary>The monitoring forms the user may see, and for a filler the unit's declarations to start monitoring from.</summary>
[Authorize]
public sealed class IndexModel(MonitoringService monitoring) : PageModel
{
    public sealed record Row(StoredMonitoringForm Record, MonitoringForm Form, Light? Light);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<FormRow> Published { get; private set; } = [];

    public IReadOnlyList<Draft> Approved { get; private set; } = [];

    public bool CanStart => MonitoringService.CanStart(User);

    public bool Reviews => User.IsInRole(Roles.DepartmentReviewer) || DraftAccess.SeesAll(User);

    public async Task OnGetAsync()
    {
        // Sorted in memory: SQLite cannot order by a DateTimeOffset.
        var records = await (await monitoring.VisibleAsync(User)).AsNoTracking().ToListAsync();
        Rows = [.. records.OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id)
            .Select(r => (r, f: r.Form)).Select(x => new Row(x.r, x.f, monitoring.Review(x.f, x.r).Assessment?.Light))];
        (Published, Approved) = await monitoring.StartableAsync(User);
    }
}
