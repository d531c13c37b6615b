using Jixiao.Domain.Model;
using Jixiao.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Projects;

public sealed class HistoryModel(IReadModel data) : PageModel
{
    public sealed record Cell(Indicator? Indicator, bool Changed);

    public sealed record Row(string Name, IReadOnlyList<Cell> Cells);

    public ProjectHistory History { get; private set; } = null!;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IActionResult OnGet(long id)
    {
        var history = data.Project(id);
        if (history is null)
        {
            return NotFound();
        }

        History = history;
        var names = history.Forms.SelectMany(f => f.Form.Indicators.Select(i => Key(i.Name))).Distinct().ToList();
        Rows = names.Select(name =>
        {
            var cells = new List<Cell>();
            string? previous = null;
            foreach (var f in history.Forms)
            {
                var indicator = f.Form.Indicators.FirstOrDefault(i => Key(i.Name) == name);
                var target = indicator is null ? null : Jixiao.Domain.Values.ValueGrammar.Clean(indicator.Target);
                cells.Add(new Cell(indicator, previous is not null && target is not null && target != previous));
                previous = target ?? previous;
            }

            return new Row(cells.First(c => c.Indicator is not null).Indicator!.Name, cells);
        }).ToList();
        return Page();
    }

    private static string Key(string name) => new(name.Where(c => !char.IsWhiteSpace(c)).ToArray());
}
