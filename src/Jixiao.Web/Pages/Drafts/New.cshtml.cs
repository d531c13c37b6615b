using Jixiao.Domain.Model;
using Jixiao.Web.Accounts;
using Jixiao.Web.Drafts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Drafts;

/// <summary>Starts a target declaration of the filler's unit: its name and year; the rest is edited at /drafts/{id}.</summary>
[Authorize(Roles = Roles.Filler)]
public sealed class NewModel(AuthoringDbContext db) : PageModel
{
    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public int Year { get; set; } = DateTime.UtcNow.Year + 1;

    public bool Missing { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (DraftAccess.UnitOf(User) is not { } unit || await db.UnitNamesAsync(unit) is not { } names)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            Missing = true;
            return Page();
        }

        var now = DateTimeOffset.UtcNow;
        var draft = new Draft
        {
            UnitId = unit,
            Version = 1,
            CreatedBy = User.Identity!.Name!,
            CreatedAt = now,
            UpdatedAt = now,
            Form = new PerformanceForm { Kind = FormKind.Target, Name = Name.Trim(), Year = Year, Unit = names.Unit, Department = names.Department },
        };
        db.Drafts.Add(draft);
        db.Log(draft, Workflow.Created, draft.CreatedBy, before: null);
        await db.SaveChangesAsync();
        return Redirect($"/drafts/{draft.Id}");
    }
}
