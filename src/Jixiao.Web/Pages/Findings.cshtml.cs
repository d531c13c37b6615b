using Jixiao.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages;

public sealed class FindingsModel(IReadModel data) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? Severity { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public long? Unit { get; set; }

    /// <summary>The page of the list, from 1 (query <c>p</c>).</summary>
    [BindProperty(SupportsGet = true, Name = PagerView.Query)] public int? PageNumber { get; set; }

    public const int PageSize = 100;

    public Paged<FindingRow> Rows { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyList<string> Codes { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<UnitRow> Units { get; private set; } = [];

    public async Task OnGetAsync()
    {
        // Every rule with a finding (the dashboard counts them all), not only those among the first findings.
        Codes = (await data.DashboardAsync(new Scope(), HttpContext.RequestAborted)).FindingsByRule.Select(f => f.Label).Order(StringComparer.Ordinal).ToList();
        Years = await data.YearsAsync(HttpContext.RequestAborted);
        Units = await data.UnitsAsync(new Scope(), HttpContext.RequestAborted);
        Rows = await data.FindingPageAsync(new Scope(Year, null, Unit), string.IsNullOrEmpty(Code) ? null : Code, string.IsNullOrEmpty(Severity) ? null : Severity,
            Paging.ForPage(PageNumber, PageSize), HttpContext.RequestAborted);
    }
}
