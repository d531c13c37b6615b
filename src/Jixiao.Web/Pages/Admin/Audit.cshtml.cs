using Jixiao.Web.Accounts;
using Jixiao.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Admin;

/// <summary>The audit log for 管理员: drafts' changes and imports in one timeline, newest first, filtered and paged.</summary>
[Authorize(Roles = Roles.Admin)]
public sealed class AuditModel(AuditTimeline timeline) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    /// <summary>The page of the timeline, from 1 (query <c>p</c>: Razor Pages keep <c>page</c> for the page's route).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public AuditPage Entries { get; private set; } = new([], 1, false);

    public IReadOnlyList<string> Users { get; private set; } = [];

    public IReadOnlyList<(string Value, string Label)> Actions { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Users = await timeline.UsersAsync();
        Actions = await timeline.ActionsAsync();
        Entries = await timeline.PageAsync(UserName, Action, PageNumber);
    }

    /// <summary>This page's address with the same filters at page <paramref name="page"/>.</summary>
    public string PageUrl(int page)
    {
        var query = new QueryBuilder();
        if (!string.IsNullOrEmpty(UserName))
        {
            query.Add("user", UserName);
        }

        if (!string.IsNullOrEmpty(Action))
        {
            query.Add("action", Action);
        }

        query.Add("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "/admin/audit" + query.ToQueryString();
    }
}
