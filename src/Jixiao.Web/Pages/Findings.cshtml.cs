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

    public IReadOnlyList<FindingRow> Rows { get; private set; } = [];
    public IReadOnlyList<string> Codes { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<UnitRow> Units { get; private set; } = [];

    public void OnGet()
    {
        var all = data.Findings(new Scope());
        Codes = all.Select(f => f.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        Years = data.Years();
        Units = data.Units(new Scope());
        Rows = data.Findings(new Scope(Year, null, Unit), string.IsNullOrEmpty(Code) ? null : Code, string.IsNullOrEmpty(Severity) ? null : Severity);
    }
}
