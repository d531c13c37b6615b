using Jixiao.Domain.Model;
using Jixiao.Web.Accounts;
using Jixiao.Web.Data;
using Jixiao.Web.Drafts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Drafts;

/// <summary>
/// Starts a target declaration of the filler's unit: blank (its name and year), or from one of the unit's
/// published target declarations (<see cref="NextYear"/>); the rest is edited at /drafts/{id}.
/// </summary>
[Authorize(Roles = Roles.Filler)]
public sealed class NewModel(AuthoringDbContext db, IReadModel data, DraftService drafts) : PageModel
{
    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public int Year { get; set; } = DateTime.UtcNow.Year + 1;

    public bool Missing { get; private set; }

    /// <summary>The unit's published target declarations, latest year first: what a draft can start from.</summary>
    public IReadOnlyList<FormRow> Sources { get; private set; } = [];

    public async Task OnGetAsync() => Sources = await PublishedTargetsAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (DraftAccess.UnitOf(User) is not { } unit || await db.UnitNamesAsync(unit) is not { } names)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            Missing = true;
            Sources = await PublishedTargetsAsync();
            return Page();
        }

        var form = new PerformanceForm { Kind = FormKind.Target, Name = Name.Trim(), Year = Year, Unit = names.Unit, Department = names.Department };
        return Redirect($"/drafts/{await CreateAsync(form, comment: null)}");
    }

    /// <summary>A draft copied from the published target declaration <paramref name="sourceId"/>, which must be the filler's unit's.</summary>
    public async Task<IActionResult> OnPostFromPublishedAsync(long sourceId)
    {
        if (DraftAccess.UnitOf(User) is not { } unit || await db.UnitNamesAsync(unit) is not { } names)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (await data.FormAsync(sourceId, HttpContext.RequestAborted) is not { Form.Kind: FormKind.Target } source)
        {
            return NotFound();
        }

        if (source.UnitId != unit)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var form = NextYear.From(source.Form, names.Unit, names.Department, Year);
        return Redirect($"/drafts/{await CreateAsync(form, NextYear.Comment(source.Id, source.Form.Year))}");
    }

    /// <summary>The new draft's id, created by <see cref="DraftService"/> (which also logs it).</summary>
    private async Task<long> CreateAsync(PerformanceForm form, string? comment) =>
        (await drafts.CreateAsync(User, form, comment: comment))!.Id;

    private async Task<IReadOnlyList<FormRow>> PublishedTargetsAsync() => DraftAccess.UnitOf(User) is { } unit
        ? [.. (await data.FormsAsync(new Scope(UnitId: unit), ct: HttpContext.RequestAborted)).Where(f => f.Kind == FormKind.Target)
            .OrderByDescending(f => f.Year).ThenBy(f => f.Name, StringComparer.Ordinal).ThenBy(f => f.Id)]
        : [];
}
