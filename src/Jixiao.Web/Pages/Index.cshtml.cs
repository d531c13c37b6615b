using System.Text.Json;
using Jixiao.Web.Data;
using Jixiao.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages;

/// <summary>The dashboard: the same for every anonymous visitor, served from the output cache (see PublicPages).</summary>
[OutputCache(PolicyName = PublicPages.PolicyName)]
public sealed class IndexModel(IReadModel data) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Department { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Unit { get; set; }

    public IReadOnlyList<UnitRow> Units { get; private set; } = [];

    public Dashboard Stats { get; private set; } = null!;

    public IReadOnlyList<int> Years { get; private set; } = [];

    public IReadOnlyList<string> Departments { get; private set; } = [];


    public async Task OnGetAsync()
    {
        var scope = new Scope(Year, string.IsNullOrEmpty(Department) ? null : Department, Unit);
        Units = await data.UnitsAsync(new Scope(Year, scope.Department), HttpContext.RequestAborted);
        Stats = await data.DashboardAsync(scope, HttpContext.RequestAborted);
        Years = await data.YearsAsync(HttpContext.RequestAborted);
        Departments = await data.DepartmentsAsync(HttpContext.RequestAborted);
    }

    /// <summary>Chart data as JSON for a data- attribute (Razor encodes it; site.js parses it).</summary>
    public string Json(IReadOnlyList<(string Label, int Count)> rows) =>
        JsonSerializer.Serialize(rows.Select(r => new { name = r.Label, value = r.Count }));
}
