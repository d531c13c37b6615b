using Jixiao.Domain.Monitoring;
using Jixiao.Storage.Entities;
using Jixiao.Web.Accounts;
using Jixiao.Web.Monitoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Pages.Monitoring;

/// <summary>
/// The department's projects under monitoring and their lights: how many are 红, 黄 and 绿, filtered by light,
/// sorted by how far execution lags time progress (most behind first) or by name. A 主管部门审核 sees the
/// units of their department, 财政审核 and 管理员 all (the drafts' rule).
/// </summary>
[Authorize(Roles = Roles.DepartmentReviewer + "," + Roles.Finance + "," + Roles.Admin)]
public sealed class ReviewModel(MonitoringService monitoring) : PageModel
{
    /// <summary>One project: its form, lights (null while figures are missing), lag and red/yellow indicators.</summary>
    public sealed record Row(StoredMonitoringForm Record, MonitoringForm Form, MonitoringAssessment? Assessment, int Red, int Yellow);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>How many projects each light has (before the filter), and how many have none yet.</summary>
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public int Total { get; private set; }

    /// <summary>red, yellow, green, or none for all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Light { get; set; }

    /// <summary>lag (default: most behind first) or name.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    public async Task OnGetAsync()
    {
        var records = await (await monitoring.VisibleAsync(User)).AsNoTracking().ToListAsync();
        var rows = records.Select(r =>
        {
            var form = r.Form;
            var a = monitoring.Review(form, r).Assessment;
            return new Row(r, form, a, a?.Indicators.Count(i => i.Light == Domain.Monitoring.Light.Red) ?? 0, a?.Indicators.Count(i => i.Light == Domain.Monitoring.Light.Yellow) ?? 0);
        }).ToList();
        Total = rows.Count;
        Counts = new Dictionary<string, int>
        {
            ["red"] = rows.Count(r => r.Assessment?.Light == Domain.Monitoring.Light.Red),
            ["yellow"] = rows.Count(r => r.Assessment?.Light == Domain.Monitoring.Light.Yellow),
            ["green"] = rows.Count(r => r.Assessment?.Light == Domain.Monitoring.Light.Green),
            ["none"] = rows.Count(r => r.Assessment is null),
        };
        var shown = MonitoringWords.LightFromCode(Light) is { } light ? rows.Where(r => r.Assessment?.Light == light)
            : Light == "none" ? rows.Where(r => r.Assessment is null)
            : rows;
        Rows = Sort == "name"
            ? [.. shown.OrderBy(r => r.Form.Name, StringComparer.Ordinal).ThenBy(r => r.Record.Id)]
            : [.. shown.OrderByDescending(r => r.Assessment?.Budget.Lag ?? decimal.MinValue).ThenByDescending(r => r.Red).ThenBy(r => r.Record.Id)];
    }

    public string Link(string? light, string? sort) =>
        "/monitoring/review" + QueryString.Create(new Dictionary<string, string?> { ["light"] = light, ["sort"] = sort }.Where(p => !string.IsNullOrEmpty(p.Value)));
}
