using System.Text.Json;
using Jixiao.Domain.Reports;
using Jixiao.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages;

/// <summary>部门项目绩效概况: the paragraph departments publish in their 部门决算, from the stored forms.</summary>
public sealed class SummaryModel(IReadModel data) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public IReadOnlyList<string> Departments { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public DepartmentSummary? Summary { get; private set; }
    public string GradeSeries { get; private set; } = "[]";

    public async Task OnGetAsync()
    {
        Departments = await data.DepartmentsAsync(HttpContext.RequestAborted);
        Years = await data.YearsAsync(HttpContext.RequestAborted);
        Department ??= Departments.FirstOrDefault();
        Year ??= Years.LastOrDefault();
        if (Department is null || Year is null)
        {
            return;
        }

        var scope = new Scope(Year, Department);
        var forms = (await data.WholeFormsAsync(scope, ct: HttpContext.RequestAborted)).Select(f => f.Form).ToList();
        Summary = DepartmentSummary.Build(forms, Department, Year.Value, await data.FindingCountAsync(scope, HttpContext.RequestAborted));
        GradeSeries = JsonSerializer.Serialize(Summary.Grades.Select(g => new { name = g.Key, value = g.Value }));
    }
}
