using Jixiao.Domain.Checks;
using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;
using Jixiao.Formats.Json;
using Jixiao.Web.Accounts;
using Jixiao.Web.Drafts;
using Jixiao.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Pages.Drafts;

/// <summary>
/// What the two draft editors share: loading a draft the user may read (else 404), its review (rule
/// catalogue, score), state changes, the live preview the page's script asks for while the user types,
/// starting a self-evaluation or a new version, and the history.
/// </summary>
[Authorize]
public abstract class DraftPageModel(AuthoringDbContext db, DraftService drafts, Language L) : PageModel
{
    protected DraftService Drafts => drafts;

    protected Language Lang => L;

    public Draft Draft { get; private set; } = null!;

    public DraftReview Review { get; protected set; } = null!;

    public bool CanWrite { get; private set; }

    public bool Saved { get; protected set; }

    /// <summary>The state changes this user may make now.</summary>
    public IReadOnlyList<Transition> Changes { get; private set; } = [];

    public IReadOnlyList<DraftAudit> History { get; private set; } = [];

    /// <summary>Why a state change was not made.</summary>
    public string? ChangeRefused { get; protected set; }

    /// <summary>After a stale save: what the other version changed since the one this page started from, in words.</summary>
    public IReadOnlyList<string> TheirChanges { get; private set; } = [];

    /// <summary>After a stale save: what saving this page's input over the other version would change, in words.</summary>
    public IReadOnlyList<string> YourChanges { get; private set; } = [];

    /// <summary>The findings that stopped a submission.</summary>
    public IReadOnlyList<Finding> Blocking { get; private set; } = [];

    /// <summary>The self-evaluation started from this target declaration, if any.</summary>
    public Draft? Evaluation { get; private set; }

    /// <summary>The draft this one was started from.</summary>
    public Draft? BasedOn { get; private set; }

    public bool CanBuildOn => DraftService.CanBuildOn(User, Draft);

    /// <summary>The deployment's review steps.</summary>
    public ReviewSteps Steps => drafts.Steps;

    /// <summary>The page of a draft of this kind; the other kind's page redirects there.</summary>
    protected abstract FormKind Kind { get; }

    public static string UrlOf(Draft d) => d.Kind == FormKind.SelfEvaluation ? $"/drafts/{d.Id}/evaluation" : $"/drafts/{d.Id}";

    /// <summary>A state change from the version the page showed; a return carries a comment for the form and/or per indicator row.</summary>
    public async Task<IActionResult> OnPostChangeAsync(long id, string transition, int version, string? comment, Dictionary<int, string>? notes)
    {
        if (await LoadAsync(id) is { } missing)
        {
            return missing;
        }

        Reset();
        var result = await drafts.ChangeAsync(User, Draft, transition, version, comment, notes);
        switch (result.Outcome)
        {
            case DraftOutcome.Done:
                return Redirect(UrlOf(Draft));
            case DraftOutcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case DraftOutcome.Conflict:
                await LoadAsync(id);
                Reset();
                ChangeRefused = L.T($"草稿已被他人修改为版本 {Draft.Version}，请查看后再操作。", $"The draft has been changed to version {Draft.Version} meanwhile; look at it and try again.");
                break;
            case DraftOutcome.CommentRequired:
                ChangeRefused = L.T("退回时请填写整体意见或针对指标的意见。", "Say why when returning a draft: a comment for the form or for an indicator.");
                break;
            case DraftOutcome.Blocked:
                Blocking = result.Blocking!;
                ChangeRefused = L.T($"还有 {Blocking.Count} 个问题需要先修改，才能提交审核。", $"Fix the {Blocking.Count} problems below before submitting.");
                break;
            default:
                ChangeRefused = L.T("发布失败：", "Publishing failed: ") + result.Message;
                break;
        }

        return Page();
    }

    /// <summary>The draft as the interchange JSON (disclosure-json.md): what `jixiao check` and `jixiao score` read.</summary>
    public async Task<IActionResult> OnGetJsonAsync(long id)
    {
        if (await FindAsync(id) is { } missing)
        {
            return missing;
        }

        using var buffer = new MemoryStream();
        DisclosureJson.Write(buffer, new DisclosureDocument($"draft-{id}.json", [Draft.Form], []));
        return File(buffer.ToArray(), "application/json", $"draft-{id}-v{Draft.Version}.json");
    }

    /// <summary>Starts (or opens) the self-evaluation of this approved target declaration.</summary>
    public Task<IActionResult> OnPostEvaluateAsync(long id) => BuildOnAsync(id, drafts.StartEvaluationAsync);

    /// <summary>Starts a new editable version of this approved or published draft.</summary>
    public Task<IActionResult> OnPostNewVersionAsync(long id) => BuildOnAsync(id, drafts.NewVersionAsync);

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (await LoadAsync(id) is { } missing)
        {
            return missing;
        }

        Reset();
        return Page();
    }

    /// <summary>The live review of the posted (unsaved) input.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(long id) =>
        await FindAsync(id) is { } missing ? missing : await PreviewAsync(Apply(Draft.Form));

    /// <summary>The stored form with the page's posted input applied.</summary>
    protected abstract PerformanceForm Apply(PerformanceForm form);

    /// <summary>Shows the version someone else saved meanwhile beside the input that was not saved.</summary>
    protected abstract void ShowTheirs();

    /// <summary>Saves the posted input from the version the page started at; a conflict keeps the input and shows theirs.</summary>
    protected async Task<IActionResult> SaveAsync(long id, int version)
    {
        if (await FindAsync(id) is { } missing)
        {
            return missing;
        }

        switch ((await drafts.SaveAsync(User, Draft, version, Apply)).Outcome)
        {
            case DraftOutcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case DraftOutcome.Conflict:
                await LoadAsync(id);
                ShowTheirs();
                await CompareAsync(version);
                return Page();
        }

        await LoadAsync(id);
        Saved = true;
        Reset();
        ModelState.Clear();
        return Page();
    }

    /// <summary>
    /// What changed since <paramref name="version"/> (the one this page started from, read back from the audit
    /// trail), and how the unsaved input differs from the version now stored, both as a save would store them.
    /// </summary>
    private async Task CompareAsync(int version)
    {
        var theirs = Draft.Form;
        TheirChanges = DraftChanges.AtVersion(History, version) is { } started ? DraftChanges.Between(started, theirs, L) : [];
        YourChanges = DraftChanges.Between(theirs, await drafts.AsSavedAsync(Apply(theirs), Draft.UnitId), L);
    }

    private async Task<IActionResult> BuildOnAsync(long id, Func<System.Security.Claims.ClaimsPrincipal, Draft, Task<Draft?>> build)
    {
        if (await FindAsync(id) is { } missing)
        {
            return missing;
        }

        return await build(User, Draft) is { } built
            ? Redirect(UrlOf(built))
            : StatusCode(StatusCodes.Status403Forbidden);
    }

    /// <summary>Fills the page's input from the stored draft (after a load or a state change).</summary>
    protected abstract void Reset();

    /// <summary>The draft and everything shown beside it; a result (404, or a redirect to the page of the draft's kind) when the page cannot show it.</summary>
    protected async Task<IActionResult?> LoadAsync(long id)
    {
        if (await FindAsync(id) is { } missing)
        {
            return missing;
        }

        var draft = Draft;
        CanWrite = DraftAccess.CanWrite(User, draft);
        Review = await drafts.ReviewAsync(draft);
        Changes = drafts.Available(User, draft);
        History = await db.Audit.AsNoTracking().Where(a => a.DraftId == id).OrderBy(a => a.Id).ToListAsync();
        BasedOn = draft.BasedOnId is { } b ? await drafts.FindAsync(User, b) : null;
        if (draft.Kind == FormKind.Target)
        {
            Evaluation = await drafts.EvaluationOfAsync(draft);
        }

        return null;
    }

    /// <summary>
    /// Only the draft, for handlers that answer without the page (the live preview on every pause in typing,
    /// the JSON download, a save before it reloads, starting a self-evaluation or a new version): 404 when the
    /// user may not read it, a redirect when it is the other kind's.
    /// </summary>
    protected async Task<IActionResult?> FindAsync(long id)
    {
        if (await drafts.FindAsync(User, id) is not { } draft)
        {
            return NotFound();
        }

        if (draft.Kind != Kind)
        {
            return Redirect(UrlOf(draft));
        }

        Draft = draft;
        return null;
    }

    /// <summary>
    /// The live review of an unsaved form, for the page's script: findings, what each target was understood
    /// as, and for a self-evaluation every score with its explanation, the total and the grade.
    /// </summary>
    protected async Task<JsonResult> PreviewAsync(PerformanceForm form)
    {
        var review = await drafts.ReviewAsync(form, Draft.UnitId);
        var score = review.Score;
        return new JsonResult(new
        {
            findings = review.Findings.Select(f => new { code = f.Code, severity = f.Severity.ToString().ToLowerInvariant(), message = f.Message, indicator = f.Indicator }),
            blocking = review.Blocking.Count,
            understood = form.Indicators.Select(i => IndicatorInput.Describe(i.TargetValue, L)),
            score = score is null ? null : new
            {
                policy = review.Policy!.Policy.Name,
                policyReason = review.Policy.Reason,
                weights = Numbers.Fixed((form.Budget?.Total?.Weight ?? 0) + form.Indicators.Sum(i => i.Weight ?? 0)),
                total = Fixed(score.Total),
                totalText = score.TotalExplanation,
                grade = score.Grade,
                gradeText = score.GradeExplanation,
                budget = score.Budget is { } b ? new { rate = b.IsScored ? Numbers.Fixed(b.Rate) : null, score = b.IsScored ? Numbers.Fixed(b.Score) : null, explanation = b.Explanation } : null,
                rows = score.Indicators.Select((s, i) => new
                {
                    score = Fixed(s.Value ?? form.Indicators[i].Score),
                    auto = s.Value is not null,
                    explanation = s.Explanation,
                    below = (s.Value ?? form.Indicators[i].Score) < form.Indicators[i].Weight,
                }),
            },
        });
    }

    private static string? Fixed(decimal? value) => value is { } v ? Numbers.Fixed(v) : null;
}
