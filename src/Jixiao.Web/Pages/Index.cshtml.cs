using System.Text.Json;
using Jixiao.Domain.Monitoring;
using Jixiao.Web.Data;
using Jixiao.Web.Infrastructure;
using Jixiao.Web.Monitoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages;

/// <summary>The dashboard: the same for every anonymous visitor, served from the output cache (see PublicPages).</summary>
[OutputCache(PolicyName = PublicPages.PolicyName)]
public sealed class IndexModel(IReadModel data, MonitoringOverview monitoring) : PageModel
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

    /// <summary>The lights of the monitored projects the signed-in user may see in the scope; null for anonymous visitors and when there are none.</summary>
    public LightDistribution? Lights { get; private set; }

    public async Task OnGetAsync()
    {
        var scope = new Scope(Year, string.IsNullOrEmpty(Department) ? null : Department, Unit);
        Units = await data.UnitsAsync(new Scope(Year, scope.Department), HttpContext.RequestAborted);
        Stats = await data.DashboardAsync(scope, HttpContext.RequestAborted);
        Years = await data.YearsAsync(HttpContext.RequestAborted);
        Departments = await data.DepartmentsAsync(HttpContext.RequestAborted);
        Lights = await monitoring.LightsAsync(User, scope, HttpContext.RequestAborted);
    }

    /// <summary>Chart data as JSON for a data- attribute (Razor encodes it; site.js parses it).</summary>
    public string Json(IReadOnlyList<(string Label, int Count)> rows) =>
        JsonSerializer.Serialize(rows.Select(r => new { name = r.Label, value = r.Count }));

    /// <summary>The light counts as chart data, each bar in its light's colour (site.js takes a row's <c>color</c>).</summary>
    public static string LightsJson(LightCounts counts) =>
        JsonSerializer.Serialize(counts.Rows().Select(r => new { name = r.Label, value = r.Count, color = LightColors.GetValueOrDefault(r.Label, UnratedColor) }));

    /// <summary>The bars' colours: 红, 黄 and 绿 of the dashboard's palette (site.js), 未评 its grey.</summary>
    private static readonly IReadOnlyDictionary<string, string> LightColors = new Dictionary<string, string>
    {
        [Domain.Monitoring.Light.Red.Label()] = "#b4232c",
        [Domain.Monitoring.Light.Yellow.Label()] = "#a86a00",
        [Domain.Monitoring.Light.Green.Label()] = "#1f7a4d",
    };

    private const string UnratedColor = "#7a7a7a";
}
