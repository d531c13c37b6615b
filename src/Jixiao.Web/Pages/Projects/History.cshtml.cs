using Jixiao.Domain.Model;
using Jixiao.Domain.Values;
using Jixiao.Web.Data;
using Jixiao.Web.Monitoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Projects;

public sealed class HistoryModel(IReadModel data, MonitoringOverview monitoring) : PageModel
{
    public sealed record Cell(Indicator? Indicator, bool Changed);

    public sealed record Row(string Name, IReadOnlyList<Cell> Cells);

    public ProjectFormHistory History { get; private set; } = null!;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>Each year's declaration, monitoring (those the user may see) and self-evaluation side by side, latest first.</summary>
    public IReadOnlyList<YearComparison> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id)
    {
        var history = await data.ProjectAsync(id, HttpContext.RequestAborted);
        if (history is null)
        {
            return NotFound();
        }

        History = history;
        var names = history.Forms.SelectMany(f => f.Form.Indicators.Select(i => Key(i.Name))).Distinct().ToList();
        Rows = names.Select(name =>
        {
            var cells = new List<Cell>();
            IndicatorValue? previous = null;
            foreach (var f in history.Forms)
            {
                var indicator = f.Form.Indicators.FirstOrDefault(i => Key(i.Name) == name);
                var target = indicator?.TargetValue;
                cells.Add(new Cell(indicator, previous is not null && target is not null && !SameTarget(previous, target)));
                previous = target ?? previous;
            }

            return new Row(cells.First(c => c.Indicator is not null).Indicator!.Name, cells);
        }).ToList();
        Years = await monitoring.ProjectAsync(User, history, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>The same target however it is spelled: <c>&gt;=99%</c> is <c>≥99.00(%)</c>.</summary>
    private static bool SameTarget(IndicatorValue a, IndicatorValue b) =>
        a.IsQuantity && b.IsQuantity
            ? a.Op == b.Op && a.Number == b.Number && Jixiao.Domain.Values.Units.Same(a.Unit, b.Unit)
            : Key(a.Text ?? "") == Key(b.Text ?? "");

    private static string Key(string name) => new(name.Where(c => !char.IsWhiteSpace(c)).ToArray());
}
