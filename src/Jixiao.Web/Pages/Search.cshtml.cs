using Jixiao.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.AbuseLimits.Search)]
public sealed class SearchModel(IReadModel data) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<SearchHit> Hits { get; private set; } = [];

    public void OnGet() => Hits = string.IsNullOrWhiteSpace(Q) ? [] : data.Search(Q);
}
