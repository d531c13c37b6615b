using System.Security.Claims;
using System.Text;
using Jixiao.Domain.Checks;
using Jixiao.Domain.Drafts;
using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;
using Jixiao.Formats.Json;
using Jixiao.Web.Accounts;
using Jixiao.Web.Data;
using Jixiao.Web.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Drafts;

/// <summary>How a change of a draft ended.</summary>
public enum DraftOutcome
{
    Done,

    /// <summary>The user may see the draft but not make this change.</summary>
    Forbidden,

    /// <summary>Someone saved another version meanwhile; nothing was changed.</summary>
    Conflict,

    /// <summary>A return needs a comment for the whole form or for an indicator.</summary>
    CommentRequired,

    /// <summary>The draft has problems that must be fixed before it is submitted (<see cref="DraftResult.Blocking"/>).</summary>
    Blocked,

    /// <summary>Publishing could not store the form (<see cref="DraftResult.Message"/>).</summary>
    Failed,
}

public sealed record DraftResult(DraftOutcome Outcome, IReadOnlyList<Finding>? Blocking = null, string? Message = null)
{
    public static readonly DraftResult Done = new(DraftOutcome.Done);
    public static readonly DraftResult Forbidden = new(DraftOutcome.Forbidden);
    public static readonly DraftResult Conflict = new(DraftOutcome.Conflict);
}

/// <summary>A draft's findings, and for a self-evaluation its live score under the unit's policy.</summary>
public sealed record DraftReview(IReadOnlyList<Finding> Findings, IReadOnlyList<Finding> Blocking, FormScore? Score, PolicyDetection? Policy);

/// <summary>
/// Every change of a draft, for the pages and the API alike: create, save, state changes, new versions and
/// self-evaluations. Each is checked against who may make it, applied only to the version the user saw
/// (optimistic concurrency), and logged with the draft before and after.
/// </summary>
public sealed class DraftService(AuthoringDbContext db, DraftAccess access, UnitPolicies policies, IImporter importer, ReviewSteps steps)
{
    /// <summary>The deployment's review steps (<c>Jixiao:Review:Steps</c>).</summary>
    public ReviewSteps Steps => steps;

    /// <summary>Who created or saved <paramref name="draft"/> (from its audit log): they never approve it.</summary>
    public IReadOnlySet<string> Authors(Draft draft) =>
        db.Audit.AsNoTracking().Where(a => a.DraftId == draft.Id && (a.Action == Workflow.Created || a.Action == Workflow.Updated))
            .Select(a => a.UserName).AsEnumerable().Append(draft.CreatedBy).ToHashSet(StringComparer.Ordinal);

    /// <summary>The state changes <paramref name="user"/> may make now: the review step's, never approving their own work.</summary>
    public IReadOnlyList<Transition> Available(ClaimsPrincipal user, Draft draft) =>
        [.. Workflow.Available(user, draft, steps, draft.State == DraftState.Submitted ? Authors(draft) : null)];

    /// <summary>A blocking finding of a self-evaluation whose total cannot be computed.</summary>
    public const string ScoreOpen = "draft.score-open";

    public Task<Draft?> FindAsync(ClaimsPrincipal user, long id) => access.FindAsync(user, id);

    /// <summary>The audit lines of <paramref name="draft"/>, oldest first (for whoever could find the draft).</summary>
    public async Task<IReadOnlyList<DraftAudit>> HistoryAsync(Draft draft) =>
        await db.Audit.AsNoTracking().Where(a => a.DraftId == draft.Id).OrderBy(a => a.Id).ToListAsync();

    /// <summary>The rule catalogue on the draft's form; a self-evaluation is also scored. Blocking: errors, a missing deviation analysis, an open total.</summary>
    public Task<DraftReview> ReviewAsync(Draft draft) => ReviewAsync(draft.Form, draft.UnitId);

    public async Task<DraftReview> ReviewAsync(PerformanceForm form, long unitId)
    {
        FormScore? score = null;
        PolicyDetection? policy = null;
        if (form.Kind == FormKind.SelfEvaluation)
        {
            policy = await policies.ForAsync(unitId, form.Year);
            score = Scorer.Score(form, policy.Policy);
            form = Scored(form, score);
        }

        var findings = Checker.Check(form).ToList();
        if (score is { Total: null })
        {
            findings.Insert(0, new Finding(ScoreOpen, Severity.Error, "", 0, form.Name, null, score.TotalExplanation + "：请填写实际完成值，无法自动计分的指标请填写得分"));
        }

        var blocking = findings.Where(f => f.Severity == Severity.Error || (form.Kind == FormKind.SelfEvaluation && f.Code == "deviation.missing")).ToList();
        return new DraftReview(findings, blocking, score, policy);
    }

    /// <summary>A new draft of the user's unit; null when the user is not a 填报人 of a unit.</summary>
    public async Task<Draft?> CreateAsync(ClaimsPrincipal user, PerformanceForm form, long? basedOn = null, string? comment = null) =>
        await CreateAsync(user, form, basedOn, null, comment);

    private async Task<Draft?> CreateAsync(ClaimsPrincipal user, PerformanceForm form, long? basedOn, long? basedOnForm, string? comment)
    {
        if (!user.IsInRole(Roles.Filler) || DraftAccess.UnitOf(user) is not { } unit || await db.UnitNamesAsync(unit) is not { } names)
        {
            return null;
        }

        var saved = await AsSavedAsync(form with { Unit = names.Unit, Department = names.Department }, unit);
        var draft = DraftForms.Start(unit, saved, user.Identity!.Name!, DateTimeOffset.UtcNow, basedOn, basedOnForm);
        db.Drafts.Add(draft);
        db.Log(draft, Workflow.Created, draft.CreatedBy, before: null, comment);
        await db.SaveChangesAsync();
        return draft;
    }

    /// <summary>Saves <paramref name="edit"/> of the form as a new version, if <paramref name="version"/> is still the current one.</summary>
    public async Task<DraftResult> SaveAsync(ClaimsPrincipal user, Draft draft, int version, Func<PerformanceForm, PerformanceForm> edit)
    {
        if (!DraftAccess.CanWrite(user, draft))
        {
            return DraftResult.Forbidden;
        }

        if (version != draft.Version)
        {
            return DraftResult.Conflict;
        }

        var saved = await AsSavedAsync(edit(draft.Form), draft.UnitId);
        return await CommitAsync(user, draft, Workflow.Updated, null, (d, at) => d.Edit(saved, at));
    }

    /// <summary>The form as a save stores it: a self-evaluation scored under the unit's policy, its total and grade set.</summary>
    public async Task<PerformanceForm> AsSavedAsync(PerformanceForm form, long unitId) =>
        form.Kind == FormKind.SelfEvaluation ? Scored(form, Scorer.Score(form, (await policies.ForAsync(unitId, form.Year)).Policy)) : form;

    /// <summary>
    /// The state change named <paramref name="transition"/>. A return needs a comment (for the form or an
    /// indicator); a submission is refused while blocking findings remain; publishing stores the form among
    /// the published ones (a new version of the same document when a later version of the draft is published).
    /// </summary>
    public async Task<DraftResult> ChangeAsync(ClaimsPrincipal user, Draft draft, string transition, int version, string? comment, IReadOnlyDictionary<int, string>? notes = null)
    {
        if (Available(user, draft).FirstOrDefault(t => string.Equals(t.Name, transition, StringComparison.OrdinalIgnoreCase)) is not { } change)
        {
            return DraftResult.Forbidden;
        }

        if (version != draft.Version)
        {
            return DraftResult.Conflict;
        }

        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var rowNotes = (notes ?? new Dictionary<int, string>())
            .Where(n => !string.IsNullOrWhiteSpace(n.Value) && n.Key >= 0 && n.Key < draft.Form.Indicators.Count)
            .ToDictionary(n => n.Key, n => n.Value.Trim());
        if (change.NeedsComment && comment is null && rowNotes.Count == 0)
        {
            return new DraftResult(DraftOutcome.CommentRequired);
        }

        if (change.Name == "Submit" && (await ReviewAsync(draft)).Blocking is { Count: > 0 } blocking)
        {
            return new DraftResult(DraftOutcome.Blocked, blocking);
        }

        if (change.Name == "Publish" && await PublishAsync(draft, user.Identity!.Name!) is { } failure)
        {
            return new DraftResult(DraftOutcome.Failed, Message: failure);
        }

        var form = draft.Form;
        var logged = rowNotes.Count == 0 ? comment
            : string.Join('\n', new[] { comment }.Concat(rowNotes.OrderBy(n => n.Key).Select(n => $"[{form.Indicators[n.Key].Name}] {n.Value}")).OfType<string>());
        var required = steps.Required.Count;
        return await CommitAsync(user, draft, change.Name.ToLowerInvariant(), logged, change.Name switch
        {
            "Submit" => (d, at) => d.Submit(at),
            "Approve" => (d, at) => d.Approve(required, at),
            "Return" => (d, at) => d.Return(new ReviewNotes(comment, rowNotes), required, at),
            "Publish" => (d, at) => d.Publish(at),
            var other => throw new InvalidOperationException($"unknown transition {other}"),
        });
    }

    /// <summary>Whether <paramref name="user"/> may start a self-evaluation or a new version from <paramref name="draft"/>.</summary>
    public static bool CanBuildOn(ClaimsPrincipal user, Draft draft) =>
        draft.State is DraftState.Approved or DraftState.Published && user.IsInRole(Roles.Filler) && DraftAccess.UnitOf(user) == draft.UnitId;

    /// <summary>The self-evaluation of an approved target declaration: the one already started, or a new one from <see cref="EvaluationTemplate"/>.</summary>
    public async Task<Draft?> StartEvaluationAsync(ClaimsPrincipal user, Draft target) => (await OpenEvaluationAsync(user, target))?.Draft;

    /// <summary>
    /// As <see cref="StartEvaluationAsync"/>, saying whether this call started it (<c>Created</c>) or found it
    /// started; null when <paramref name="user"/> may not start one.
    /// </summary>
    public async Task<(Draft Draft, bool Created)?> OpenEvaluationAsync(ClaimsPrincipal user, Draft target)
    {
        if (target.Kind != FormKind.Target || !CanBuildOn(user, target))
        {
            return null;
        }

        return await OpenChildAsync(user, target, FormKind.SelfEvaluation, async () =>
        {
            var (form, carried) = await EvaluationTemplateAsync(target.UnitId, target.Form, null, target.Id);
            return (form, $"基于已审核通过的申报表 #{target.Id}（第 {target.Version} 版）开始自评{carried}");
        });
    }

    /// <summary>
    /// The self-evaluation of a published target declaration of the user's unit (one published elsewhere and
    /// imported, so it has no approved draft here); null when it is not the unit's target declaration.
    /// </summary>
    public async Task<Draft?> StartEvaluationAsync(ClaimsPrincipal user, StoredFormView stored)
    {
        if (stored.Form.Kind != FormKind.Target || stored.UnitId != DraftAccess.UnitOf(user))
        {
            return null;
        }

        // One per stored form (the unique index on based_on_form_id and kind): of two starts at once one
        // stores its draft and the other finds it.
        Task<Draft?> Started() => db.Drafts.FirstOrDefaultAsync(d => d.BasedOnFormId == stored.Id && d.Kind == FormKind.SelfEvaluation);
        if (await Started() is { } started)
        {
            return started;
        }

        try
        {
            var (form, carried) = await EvaluationTemplateAsync(stored.UnitId, stored.Form, stored.Id, null);
            return await CreateAsync(user, form, null, stored.Id, $"基于已发布的申报表 #{stored.Id}（{stored.Form.Year} 年）开始自评{carried}");
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await Started() is { } other)
            {
                return other;
            }

            throw;
        }
    }

    /// <summary>
    /// <see cref="EvaluationTemplate"/> of a declaration, with the forecasts and causes of its monitoring when the
    /// unit has one accepted or submitted (<see cref="MonitoringCarry"/>); the words the create line adds for it.
    /// </summary>
    private async Task<(PerformanceForm Form, string Carried)> EvaluationTemplateAsync(long unitId, PerformanceForm declaration, long? formId, long? draftId)
    {
        var template = EvaluationTemplate.From(declaration);
        return await MonitoringCarry.ForEvaluationAsync(db, unitId, declaration, formId, draftId) is { } monitoring
            ? MonitoringCarry.Apply(template, monitoring)
            : (template, "");
    }

    /// <summary>The self-evaluation already started from <paramref name="target"/>, if any.</summary>
    public Task<Draft?> EvaluationOfAsync(Draft target) => ChildAsync(target, FormKind.SelfEvaluation);

    /// <summary>
    /// A new, editable version of an approved or published draft (those stay read-only); the one already
    /// started from it when there is one.
    /// </summary>
    public async Task<Draft?> NewVersionAsync(ClaimsPrincipal user, Draft approved) =>
        CanBuildOn(user, approved)
            ? (await OpenChildAsync(user, approved, approved.Kind, () => Task.FromResult((approved.Form, $"基于已通过的草稿 #{approved.Id}（第 {approved.Version} 版）修订"))))?.Draft
            : null;

    /// <summary>The draft of <paramref name="kind"/> based on <paramref name="parent"/>, if any.</summary>
    private async Task<Draft?> ChildAsync(Draft parent, FormKind kind) =>
        await db.Drafts.FirstOrDefaultAsync(d => d.BasedOnId == parent.Id && d.Kind == kind);

    /// <summary>
    /// The draft of <paramref name="kind"/> based on <paramref name="parent"/>: the one there is, or a new one of
    /// the form <paramref name="start"/> gives, with its audit comment. There is at most one — the unique index on (based_on_id, kind) — so of two
    /// starts at once (a double click, two fillers, two servers) one stores its draft and the other finds it.
    /// </summary>
    private async Task<(Draft Draft, bool Created)?> OpenChildAsync(ClaimsPrincipal user, Draft parent, FormKind kind, Func<Task<(PerformanceForm Form, string Comment)>> start)
    {
        if (await ChildAsync(parent, kind) is { } started)
        {
            return (started, false);
        }

        try
        {
            var (form, comment) = await start();
            return await CreateAsync(user, form, parent.Id, comment) is { } created ? (created, true) : null;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await ChildAsync(parent, kind) is { } other)
            {
                return (other, false);
            }

            throw;
        }
    }

    /// <summary>The document a published draft is stored as: one per chain of versions and per kind, so a republished version replaces the last.</summary>
    public async Task<string> DocumentNameAsync(Draft draft)
    {
        var root = draft;
        while (root.BasedOnId is { } parent && await db.Drafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == parent) is { } p && p.Kind == draft.Kind)
        {
            root = p;
        }

        return $"draft-{root.Id}-{(draft.Kind == FormKind.Target ? "target" : "evaluation")}.json";
    }

    /// <summary>Stores the draft's form as a published form; the reason when that fails.</summary>
    /// <remarks>
    /// Stored before the state change is saved: if that then meets a conflict, the form is published and the
    /// draft still approved, and publishing again stores nothing new (imports are idempotent by content).
    /// </remarks>
    private async Task<string?> PublishAsync(Draft draft, string user)
    {
        var name = await DocumentNameAsync(draft);
        using var buffer = new MemoryStream();
        DisclosureJson.Write(buffer, new DisclosureDocument(name, [draft.Form], []));
        var outcome = importer.Import(buffer.ToArray(), name, user);
        return outcome.Imported || outcome.AlreadyPresent ? null : outcome.Message;
    }

    /// <summary>The form with its computed scores, total and grade; an open total stays open.</summary>
    private static PerformanceForm Scored(PerformanceForm form, FormScore score) =>
        score.ApplyTo(form with { TotalScore = null, Grade = null }) with { TotalWeight = (form.Budget?.Total?.Weight ?? 0) + form.Indicators.Sum(i => i.Weight ?? 0) };

    /// <summary>Applies <paramref name="change"/> as a new version with its audit line; a conflict (draft reloaded) when someone saved first.</summary>
    private async Task<DraftResult> CommitAsync(ClaimsPrincipal user, Draft draft, string action, string? comment, Action<Draft, DateTimeOffset> change)
    {
        var before = DraftAudit.Snapshot(draft);
        change(draft, DateTimeOffset.UtcNow);
        db.Log(draft, action, user.Identity!.Name!, before, comment);
        try
        {
            await db.SaveChangesAsync();
            return DraftResult.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return DraftResult.Conflict;
        }
    }
}
