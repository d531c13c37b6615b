using System.Security.Claims;
using Jixiao.Domain.Checks;
using Jixiao.Domain.Model;
using Jixiao.Domain.Monitoring;
using Jixiao.Domain.Scoring;
using Jixiao.Storage.Entities;
using Jixiao.Web.Accounts;
using Jixiao.Web.Data;
using Jixiao.Web.Drafts;
using Microsoft.EntityFrameworkCore;

namespace Jixiao.Web.Monitoring;

/// <summary>How a change of a monitoring form ended.</summary>
public enum MonitoringOutcome
{
    Done,
    Forbidden,
    Conflict,
    CommentRequired,

    /// <summary>Submission refused: <see cref="MonitoringResult.Blocking"/> must be fixed first.</summary>
    Blocked,

    /// <summary>The input has problems (<see cref="MonitoringResult.Problems"/>); nothing was stored.</summary>
    Invalid,
}

public sealed record MonitoringResult(MonitoringOutcome Outcome, IReadOnlyList<Finding>? Blocking = null, IReadOnlyList<InputProblem>? Problems = null)
{
    public static readonly MonitoringResult Done = new(MonitoringOutcome.Done);
    public static readonly MonitoringResult Forbidden = new(MonitoringOutcome.Forbidden);
    public static readonly MonitoringResult Conflict = new(MonitoringOutcome.Conflict);
}

/// <summary>
/// The lights of a monitoring form (null until the budget and the executed amount are there), the findings
/// of the rule catalogue (<c>monitoring.*</c>) and what blocks a submission (errors, a figure not entered).
/// </summary>
public sealed record MonitoringReview(MonitoringAssessment? Assessment, IReadOnlyList<InputProblem> Missing, IReadOnlyList<Finding> Findings, IReadOnlyList<Finding> Blocking);

/// <summary>
/// Every change of a monitoring form, for the pages and the API alike: start from a declaration, save, submit,
/// return, accept. Checked against who may make it (the drafts' rule: a unit its own, a department reviewer
/// its units', 财政 and 管理员 all; only the unit's 填报人 writes), applied only to the version the user saw,
/// and logged with the record before and after.
/// </summary>
public sealed class MonitoringService(AuthoringDbContext db, DraftService drafts, IReadModel data)
{
    /// <summary>A blocking finding: the figures the lights need are not all entered.</summary>
    public const string Incomplete = "monitoring.incomplete";

    /// <summary>A warning: the target declaration the form names cannot be found among the unit's.</summary>
    public const string BasedOnMissing = "monitoring.based-on-missing";

    /// <summary>The month a new monitoring form covers up to: 1–7月, the usual period.</summary>
    public const int DefaultThrough = 7;

    public static MonitoringPolicy Policy => MonitoringPolicy.Default;

    /// <summary>The monitoring forms <paramref name="user"/> may read: the same rule as <see cref="DraftAccess.VisibleAsync"/>.</summary>
    public async Task<IQueryable<StoredMonitoringForm>> VisibleAsync(ClaimsPrincipal user)
    {
        if (DraftAccess.SeesAll(user))
        {
            return db.MonitoringForms;
        }

        var units = new List<long>();
        if (DraftAccess.UnitOf(user) is { } unit)
        {
            units.Add(unit);
        }

        if (user.IsInRole(Roles.DepartmentReviewer) && DraftAccess.DepartmentOf(user) is { } department)
        {
            units.AddRange(await db.UnitsOfDepartmentAsync(department));
        }

        return db.MonitoringForms.Where(r => units.Contains(r.UnitId));
    }

    /// <summary>The record if <paramref name="user"/> may read it; null when absent or not theirs (a 404).</summary>
    public async Task<StoredMonitoringForm?> FindAsync(ClaimsPrincipal user, long id) =>
        await (await VisibleAsync(user)).FirstOrDefaultAsync(r => r.Id == id);

    public static bool CanWrite(ClaimsPrincipal user, StoredMonitoringForm record) =>
        record.Editable && user.IsInRole(Roles.Filler) && DraftAccess.UnitOf(user) == record.UnitId;

    public static bool CanStart(ClaimsPrincipal user) => user.IsInRole(Roles.Filler) && DraftAccess.UnitOf(user) is not null;

    public IReadOnlyList<MonitoringTransition> Available(ClaimsPrincipal user, StoredMonitoringForm record) =>
        [.. MonitoringWorkflow.Available(user, record)];

    public async Task<IReadOnlyList<StoredMonitoringAudit>> HistoryAsync(StoredMonitoringForm record) =>
        await db.MonitoringAudit.AsNoTracking().Where(a => a.MonitoringId == record.Id).OrderBy(a => a.Id).ToListAsync();

    /// <summary>The lights and findings of the stored form.</summary>
    public MonitoringReview Review(StoredMonitoringForm record) => Review(record.Form, record);

    /// <summary>
    /// The lights and findings of <paramref name="form"/> (typed, not yet saved, or stored) of <paramref name="record"/>,
    /// computed in memory: what lists need for their lights. <see cref="ReviewAsync"/> adds what needs the database.
    /// </summary>
    public MonitoringReview Review(MonitoringForm form, StoredMonitoringForm record)
    {
        var missing = MonitoringValidation.Problems(form, Policy).Where(MonitoringInput.IsMissing).ToList();
        var findings = new List<Finding>();
        MonitoringAssessment? assessment = null;
        if (missing.Count > 0)
        {
            findings.AddRange(missing.Select(p => new Finding(Incomplete, Severity.Error, "", 0, form.Name, null, $"{p.Field}: {p.Message}，填写后显示红绿灯")));
        }
        else if (MonitoringValidation.Problems(form, Policy).Count == 0)
        {
            assessment = MonitoringAssessor.Assess(form, Policy);
            findings.AddRange(assessment.Findings);
        }

        return new MonitoringReview(assessment, missing, findings, [.. findings.Where(f => f.Severity == Severity.Error)]);
    }

    /// <summary>The review of <see cref="Review(MonitoringForm, StoredMonitoringForm)"/>, and a warning when the declaration it names cannot be found.</summary>
    public async Task<MonitoringReview> ReviewAsync(MonitoringForm form, StoredMonitoringForm record, CancellationToken ct = default)
    {
        var review = Review(form, record);
        if (record.BasedOnFormId is not null || record.BasedOnDraftId is not null || await DeclarationExistsAsync(form, record.UnitId, ct))
        {
            return review;
        }

        var missing = new Finding(BasedOnMissing, Severity.Warning, "", 0, form.Name, null,
            form.BasedOn is { } b ? $"找不到本单位 {b.Year} 年的申报表“{b.Name}”：无法核对指标和预算" : "未注明所依据的绩效目标申报表（basedOn）");
        return review with { Findings = [.. review.Findings, missing] };
    }

    /// <summary>Whether the unit has published (or has an approved draft of) the target declaration <paramref name="form"/> names.</summary>
    private async Task<bool> DeclarationExistsAsync(MonitoringForm form, long unitId, CancellationToken ct)
    {
        if (form.BasedOn is not { } basis)
        {
            return false;
        }

        if ((await data.FormsAsync(new Scope(basis.Year, null, unitId), ct: ct)).Any(f => f.Kind == FormKind.Target && f.Name == basis.Name))
        {
            return true;
        }

        var approved = await db.Drafts.AsNoTracking().Where(d => d.UnitId == unitId && (d.State == DraftState.Approved || d.State == DraftState.Published)).ToListAsync(ct);
        return approved.Any(d => d.Kind == FormKind.Target && d.Form is { } f && f.Name == basis.Name && f.Year == basis.Year);
    }

    /// <summary>The target declarations the user's unit may start monitoring: its published ones (latest year first) and its approved or published drafts.</summary>
    public async Task<(IReadOnlyList<FormRow> Published, IReadOnlyList<Draft> Drafts)> StartableAsync(ClaimsPrincipal user)
    {
        if (!CanStart(user) || DraftAccess.UnitOf(user) is not { } unit)
        {
            return ([], []);
        }

        var published = (await data.FormsAsync(new Scope(UnitId: unit))).Where(f => f.Kind == FormKind.Target)
            .OrderByDescending(f => f.Year).ThenBy(f => f.Name, StringComparer.Ordinal).ToList();
        var approved = (await db.Drafts.AsNoTracking().Where(d => d.UnitId == unit && (d.State == DraftState.Approved || d.State == DraftState.Published)).ToListAsync())
            .Where(d => d.Kind == FormKind.Target).OrderByDescending(d => d.Id).ToList();
        return (published, approved);
    }

    /// <summary>
    /// The monitoring of a published target declaration of the user's unit: the one already started, or a new
    /// one with name, goal, targets and budget copied. Null when the form is not the unit's target declaration
    /// (a 404) or the user is not its filler.
    /// </summary>
    public async Task<(StoredMonitoringForm Record, bool Created)?> StartFromFormAsync(ClaimsPrincipal user, long formId)
    {
        if (!CanStart(user) || await data.FormAsync(formId) is not { Form.Kind: FormKind.Target } stored || stored.UnitId != DraftAccess.UnitOf(user))
        {
            return null;
        }

        if (await db.MonitoringForms.FirstOrDefaultAsync(r => r.BasedOnFormId == formId && r.UnitId == stored.UnitId) is { } started)
        {
            return (started, false);
        }

        return await CreateAsync(user, Template(stored.Form), formId, null, $"基于已发布的 {stored.Form.Year} 年申报表 #{formId} 开始运行监控") is { } created ? (created, true) : null;
    }

    /// <summary>As <see cref="StartFromFormAsync"/>, from an approved or published target declaration draft of the user's unit.</summary>
    public async Task<(StoredMonitoringForm Record, bool Created)?> StartFromDraftAsync(ClaimsPrincipal user, long draftId)
    {
        if (!CanStart(user) || await drafts.FindAsync(user, draftId) is not { } draft || !DraftService.CanBuildOn(user, draft) || draft.Kind != FormKind.Target)
        {
            return null;
        }

        if (await db.MonitoringForms.FirstOrDefaultAsync(r => r.BasedOnDraftId == draftId) is { } started)
        {
            return (started, false);
        }

        return await CreateAsync(user, Template(draft.Form), null, draftId, $"基于已通过的申报表草稿 #{draftId} 开始运行监控") is { } created ? (created, true) : null;
    }

    /// <summary>
    /// A new monitoring form of the user's unit from a whole form (the API's create); the unit and department
    /// are the user's. Null when the user is not a unit's 填报人; problems of the input store nothing.
    /// </summary>
    public async Task<(StoredMonitoringForm? Record, IReadOnlyList<InputProblem> Problems)> CreateAsync(ClaimsPrincipal user, MonitoringForm form)
    {
        if (MonitoringInput.Blocking(form, [], Policy) is { Count: > 0 } problems)
        {
            return (null, problems);
        }

        return (await CreateAsync(user, form, null, null, null), []);
    }

    private async Task<StoredMonitoringForm?> CreateAsync(ClaimsPrincipal user, MonitoringForm form, long? formId, long? draftId, string? comment)
    {
        if (!CanStart(user) || DraftAccess.UnitOf(user) is not { } unit || await db.UnitNamesAsync(unit) is not { } names)
        {
            return null;
        }

        var now = DateTimeOffset.UtcNow;
        var record = new StoredMonitoringForm
        {
            UnitId = unit,
            State = MonitoringStates.Draft,
            Version = 1,
            CreatedBy = user.Identity!.Name!,
            CreatedAt = now,
            UpdatedAt = now,
            BasedOnFormId = formId,
            BasedOnDraftId = draftId,
            Form = form with { Unit = names.Unit, Department = names.Department, Line = 0 },
        };
        db.MonitoringForms.Add(record);
        Log(record, MonitoringWorkflow.Created, record.CreatedBy, null, comment);
        await db.SaveChangesAsync();
        return record;
    }

    /// <summary>The monitoring form of a target declaration: name, goal, targets and money copied (元 → 万元), the figures of the year left to fill.</summary>
    public static MonitoringForm Template(PerformanceForm target, int through = DefaultThrough)
    {
        var funds = target.Funds;
        MonitoringBudgetRow? Row(decimal? yuan, BudgetRow? budget) =>
            (EvaluationTemplate.Wan(yuan) ?? budget?.Initial ?? budget?.Full) is { } wan ? new MonitoringBudgetRow(wan, null, null, null, null) : null;
        return new MonitoringForm
        {
            Year = target.Year,
            Through = through,
            Name = target.Name,
            Department = target.Department,
            Unit = target.Unit,
            BasedOn = new MonitoringBasis(target.Name, target.Year),
            Budget = new MonitoringBudget(
                Row(funds?.AnnualTotal, target.Budget?.Total) ?? new MonitoringBudgetRow(null, null, null, null, null),
                Row(funds?.CurrentYear, target.Budget?.CurrentYear),
                Row(funds?.Other, target.Budget?.Other)),
            Goal = target.Goal,
            Indicators = [.. target.Indicators.Select(i => new MonitoringIndicator
            {
                Level1 = i.Level1,
                Level2 = i.Level2,
                Name = i.Name,
                Target = i.Target,
                TargetValue = i.TargetValue,
            })],
        };
    }

    /// <summary>Saves <paramref name="edit"/> of the form as a new version if <paramref name="version"/> is current and the input has no problems.</summary>
    public async Task<MonitoringResult> SaveAsync(ClaimsPrincipal user, StoredMonitoringForm record, int version, Func<MonitoringForm, (MonitoringForm Form, IReadOnlyList<InputProblem> Problems)> edit)
    {
        if (!CanWrite(user, record))
        {
            return MonitoringResult.Forbidden;
        }

        if (version != record.Version)
        {
            return MonitoringResult.Conflict;
        }

        var stored = record.Form;
        var (form, problems) = edit(stored);
        if (problems.Count > 0)
        {
            return new MonitoringResult(MonitoringOutcome.Invalid, Problems: problems);
        }

        // What the declaration fixed stays: the unit, department, name and year; of a declared project also the goal and its basis.
        var declared = record.BasedOnFormId is not null || record.BasedOnDraftId is not null;
        form = form with
        {
            Unit = stored.Unit, Department = stored.Department, Name = stored.Name, Year = stored.Year, Line = 0,
            BasedOn = declared ? stored.BasedOn : form.BasedOn,
            Goal = declared ? stored.Goal : form.Goal,
        };
        return await CommitAsync(user, record, MonitoringWorkflow.Updated, null, r => r.Form = form);
    }

    /// <summary>The state change named <paramref name="transition"/>: a return needs a comment, a submission no blocking finding.</summary>
    public async Task<MonitoringResult> ChangeAsync(ClaimsPrincipal user, StoredMonitoringForm record, string transition, int version, string? comment)
    {
        if (Available(user, record).FirstOrDefault(t => string.Equals(t.Name, transition, StringComparison.OrdinalIgnoreCase)) is not { } change)
        {
            return MonitoringResult.Forbidden;
        }

        if (version != record.Version)
        {
            return MonitoringResult.Conflict;
        }

        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (change.NeedsComment && comment is null)
        {
            return new MonitoringResult(MonitoringOutcome.CommentRequired);
        }

        if (change.Name == "Submit" && Review(record).Blocking is { Count: > 0 } blocking)
        {
            return new MonitoringResult(MonitoringOutcome.Blocked, blocking);
        }

        return await CommitAsync(user, record, change.Name.ToLowerInvariant(), comment, r =>
        {
            r.State = change.To;
            r.ReviewComment = change.Name == "Return" ? comment : change.Name == "Submit" ? null : r.ReviewComment;
        });
    }

    private void Log(StoredMonitoringForm record, string action, string user, string? before, string? comment) =>
        db.MonitoringAudit.Add(new StoredMonitoringAudit { Record = record, Action = action, UserName = user, At = DateTimeOffset.UtcNow, Comment = comment, BeforeJson = before, AfterJson = StoredMonitoringAudit.Snapshot(record) });

    private async Task<MonitoringResult> CommitAsync(ClaimsPrincipal user, StoredMonitoringForm record, string action, string? comment, Action<StoredMonitoringForm> change)
    {
        var before = StoredMonitoringAudit.Snapshot(record);
        change(record);
        record.Version++;
        record.UpdatedAt = DateTimeOffset.UtcNow;
        Log(record, action, user.Identity!.Name!, before, comment);
        try
        {
            await db.SaveChangesAsync();
            return MonitoringResult.Done;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return MonitoringResult.Conflict;
        }
    }
}
