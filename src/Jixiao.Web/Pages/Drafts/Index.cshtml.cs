using Jixiao.Domain.Drafts;
using Jixiao.Domain.Model;
using Jixiao.Web.Accounts;
using Jixiao.Web.Drafts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Pages.Drafts;

/// <summary>The drafts the user may see; those waiting for this user's action (to review, or to fix after a return) first.</summary>
[Authorize]
public sealed class IndexModel(DraftAccess access, ReviewSteps steps) : PageModel
{
    public sealed record Row(Draft Draft, PerformanceForm Form, bool Waiting);

    /// <summary>The filter for <see cref="Show"/> that keeps the drafts waiting for this user.</summary>
    public const string WaitingFilter = "waiting";

    /// <summary>The drafts shown: those of <see cref="Show"/>, with <see cref="Q"/> in their name.</summary>
    public IReadOnlyList<Row> Drafts { get; private set; } = [];

    /// <summary>How many drafts each filter keeps (before the name search): waiting, then each state.</summary>
    public IReadOnlyList<(string Filter, int Count)> Counts { get; private set; } = [];

    public int Total { get; private set; }

    /// <summary>A state (<see cref="DraftStates.All"/>, by its stored word) or <see cref="WaitingFilter"/>; anything else shows all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    /// <summary>Part of a project name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public ReviewSteps Steps => steps;

    public bool CanCreate => User.IsInRole(Roles.Filler) && DraftAccess.UnitOf(User) is not null;

    public async Task OnGetAsync()
    {
        // Sorted in memory: SQLite cannot order by a DateTimeOffset.
        var drafts = await (await access.VisibleAsync(User)).AsNoTracking().ToListAsync();
        var rows = drafts
            .Select(d => new Row(d, d.Form, Workflow.Available(User, d, steps).Any() || (d.State == DraftState.Returned && DraftAccess.CanWrite(User, d))))
            .ToList();
        Total = rows.Count;
        Counts = [(WaitingFilter, rows.Count(r => r.Waiting)), .. DraftStates.All.Select(s => (DraftStates.Code(s), rows.Count(r => r.Draft.State == s)))];
        var shown = Show == WaitingFilter ? rows.Where(r => r.Waiting)
            : DraftStates.TryParse(Show, out var state) ? rows.Where(r => r.Draft.State == state)
            : rows;
        if (!string.IsNullOrWhiteSpace(Q))
        {
            shown = shown.Where(r => r.Form.Name.Contains(Q.Trim(), StringComparison.OrdinalIgnoreCase));
        }

        Drafts = [.. shown.OrderByDescending(r => r.Waiting).ThenByDescending(r => r.Draft.UpdatedAt).ThenByDescending(r => r.Draft.Id)];
    }
}
