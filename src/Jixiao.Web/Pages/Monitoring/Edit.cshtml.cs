using Jixiao.Domain.Checks;
using Jixiao.Domain.Monitoring;
using Jixiao.Storage.Entities;
using Jixiao.Web.Infrastructure;
using Jixiao.Web.Monitoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jixiao.Web.Pages.Monitoring;

/// <summary>
/// A monitoring form: the declaration's project, targets and budget (copied, read-only), the 1–N月 figures,
/// forecasts, causes and likelihoods the unit's 填报人 enters, the lights with their reasons (recomputed by
/// the server while typing, <see cref="OnPostLightsAsync"/>), the rule catalogue, the state changes and the
/// history. A form the user may not read is a 404; one they read but may not change refuses a save with 403.
/// </summary>
[Authorize]
public sealed class EditModel(MonitoringService monitoring, Language L) : PageModel
{
    public StoredMonitoringForm Record { get; private set; } = null!;

    public MonitoringForm Form { get; private set; } = null!;

    public MonitoringReview Review { get; private set; } = null!;

    [BindProperty]
    public MonitoringInput Input { get; set; } = new();

    public bool CanWrite { get; private set; }

    public bool Saved { get; private set; }

    public IReadOnlyList<MonitoringTransition> Changes { get; private set; } = [];

    public IReadOnlyList<StoredMonitoringAudit> History { get; private set; } = [];

    /// <summary>The problems of the posted input, by field: nothing was stored.</summary>
    public IReadOnlyList<InputProblem> Problems { get; private set; } = [];

    public string? ChangeRefused { get; private set; }

    /// <summary>After a stale save: the version now stored (the input stays in the page).</summary>
    public bool Conflict { get; private set; }

    public IReadOnlyList<Finding> Blocking { get; private set; } = [];

    public static string UrlOf(StoredMonitoringForm r) => $"/monitoring/{r.Id}";

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input = MonitoringInput.From(Record);
        return Page();
    }

    /// <summary>Saves the posted input from the version the page started at.</summary>
    public async Task<IActionResult> OnPostAsync(long id)
    {
        if (await monitoring.FindAsync(User, id) is not { } record)
        {
            return NotFound();
        }

        var result = await monitoring.SaveAsync(User, record, Input.Version, stored => Input.ApplyTo(stored, MonitoringService.Policy));
        switch (result.Outcome)
        {
            case MonitoringOutcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case MonitoringOutcome.Invalid:
                await LoadAsync(id);
                Problems = result.Problems!;
                Review = await monitoring.ReviewAsync(Input.ApplyTo(Form, MonitoringService.Policy).Form, Record, HttpContext.RequestAborted);
                return Page();
            case MonitoringOutcome.Conflict:
                await LoadAsync(id);
                Conflict = true;
                return Page();
        }

        await LoadAsync(id);
        Saved = true;
        ModelState.Clear();
        Input = MonitoringInput.From(Record);
        return Page();
    }

    /// <summary>The lights, reasons and findings of the posted (unsaved) input, for the page's script.</summary>
    public async Task<IActionResult> OnPostLightsAsync(long id)
    {
        if (await monitoring.FindAsync(User, id) is not { } record)
        {
            return NotFound();
        }

        var stored = record.Form;
        var (form, problems) = Input.ApplyTo(stored, MonitoringService.Policy);
        return new JsonResult(LightsView.Of(await monitoring.ReviewAsync(form, record, HttpContext.RequestAborted), form.Indicators.Count, problems));
    }

    /// <summary>A state change from the version the page showed; a return carries the reviewer's comment.</summary>
    public async Task<IActionResult> OnPostChangeAsync(long id, string transition, int version, string? comment)
    {
        if (await monitoring.FindAsync(User, id) is not { } record)
        {
            return NotFound();
        }

        var result = await monitoring.ChangeAsync(User, record, transition, version, comment);
        if (result.Outcome == MonitoringOutcome.Done)
        {
            return Redirect(UrlOf(record));
        }

        if (result.Outcome == MonitoringOutcome.Forbidden)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        await LoadAsync(id);
        Input = MonitoringInput.From(Record);
        switch (result.Outcome)
        {
            case MonitoringOutcome.Conflict:
                ChangeRefused = L.T($"监控表已被他人修改为版本 {Record.Version}，请查看后再操作。", $"The form has been changed to version {Record.Version} meanwhile; look at it and try again.");
                break;
            case MonitoringOutcome.CommentRequired:
                ChangeRefused = L.T("退回时请填写意见。", "Say why when returning the form.");
                break;
            default:
                Blocking = result.Blocking ?? [];
                ChangeRefused = L.T($"还有 {Blocking.Count} 个问题需要先修改，才能提交审核。", $"Fix the {Blocking.Count} problems below before submitting.");
                break;
        }

        return Page();
    }

    private async Task<bool> LoadAsync(long id)
    {
        if (await monitoring.FindAsync(User, id) is not { } record)
        {
            return false;
        }

        Record = record;
        Form = record.Form;
        CanWrite = MonitoringService.CanWrite(User, record);
        Review = await monitoring.ReviewAsync(record.Form, record, HttpContext.RequestAborted);
        Changes = monitoring.Available(User, record);
        History = await monitoring.HistoryAsync(record);
        return true;
    }
}
