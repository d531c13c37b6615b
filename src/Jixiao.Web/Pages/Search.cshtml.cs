using Jixiao.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.AbuseLimits.Search)]
public sealed class SearchModel(IReadModel data) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    /// <summary>The page of the hits, from 1 (query <c>p</c>).</summary>
    [BindProperty(SupportsGet = true, Name = PagerView.Query)] public int? PageNumber { get; set; }

    public const int PageSize = 50;

    public Paged<SearchHit> Hits { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync()
    {
        if (!string.IsNullOrWhiteSpace(Q))
        {
            Hits = await data.SearchPageAsync(Q, Paging.ForPage(PageNumber, PageSize), HttpContext.RequestAborted);
        }
    }
}
