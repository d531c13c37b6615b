using System.Text.Json;
using Jixiao.Domain.Model;

namespace Jixiao.Domain.Drafts;

/// <summary>
/// A form being authored by a unit (a target declaration or a self-evaluation) on its way through review: the
/// aggregate whose methods are the only way its state changes. Each change checks the state it starts from,
/// counts a new version (the optimistic-concurrency token) and stamps the time. Who may make a change (roles,
/// units, review steps) is the application's to decide; what a change does is decided here.
/// </summary>
public sealed class Draft
{
    private Draft()
    {
    }

    public long Id { get; private set; }

    public long UnitId { get; private set; }

    public DraftState State { get; private set; } = DraftState.Draft;

    /// <summary>Which form it is; fixed when the draft is started (a column of its own, so one self-evaluation per declaration is a unique index).</summary>
    public FormKind Kind { get; private set; }

    /// <summary>The form as its interchange JSON (written and read by the formats layer; opaque here).</summary>
    public string FormJson { get; private set; } = "";

    /// <summary>Counts changes; a change is applied only to the version its author saw.</summary>
    public int Version { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The target declaration a self-evaluation evaluates, or the approved draft a new version started from.</summary>
    public long? BasedOnId { get; private set; }

    /// <summary>The stored published form a self-evaluation evaluates, when it was started from one (a declaration published elsewhere).</summary>
    public long? BasedOnFormId { get; private set; }

    /// <summary>While submitted: how many review steps approved it in this round.</summary>
    public int ReviewStep { get; private set; }

    /// <summary>The reviewer's notes of the last return (<see cref="ReviewNotes"/> as JSON); null when none are pending.</summary>
    public string? ReviewJson { get; private set; }

    public ReviewNotes? Review => ReviewJson is null ? null : JsonSerializer.Deserialize<ReviewNotes>(ReviewJson);

    /// <summary>Only drafts and returned drafts are edited; submitted, approved and published ones are read-only.</summary>
    public bool Editable => IsEditable(State);

    /// <summary>Whether a draft in <paramref name="state"/> may be edited.</summary>
    public static bool IsEditable(DraftState state) => state is DraftState.Draft or DraftState.Returned;

    /// <summary>A new draft of <paramref name="unitId"/>, version 1.</summary>
    public static Draft Start(long unitId, FormKind kind, string formJson, string by, DateTimeOffset at, long? basedOnId = null, long? basedOnFormId = null) => new()
    {
        BasedOnFormId = basedOnFormId,
        UnitId = unitId,
        Kind = kind,
        FormJson = formJson,
        Version = 1,
        CreatedBy = by,
        CreatedAt = at,
        UpdatedAt = at,
        BasedOnId = basedOnId,
    };

    /// <summary>Replaces the form (of the same kind) while the draft is editable.</summary>
    public void Edit(string formJson, FormKind kind, DateTimeOffset at)
    {
        if (!Editable)
        {
            throw new DraftStateException($"草稿 #{Id} 处于“{DraftStates.Code(State)}”状态，不能修改");
        }

        if (kind != Kind)
        {
            throw new DraftStateException($"草稿 #{Id} 是 {Kind}，不能改为 {kind}");
        }

        FormJson = formJson;
        Changed(at);
    }

    /// <summary>Submits a draft or a returned draft to the first review step; pending notes are cleared.</summary>
    public void Submit(DateTimeOffset at)
    {
        Expect("submit", DraftState.Draft, DraftState.Returned);
        State = DraftState.Submitted;
        ReviewStep = 0;
        ReviewJson = null;
        Changed(at);
    }

    /// <summary>
    /// Approves the current review step: on to the next of <paramref name="steps"/> required steps, or
    /// approved after the last.
    /// </summary>
    public void Approve(int steps, DateTimeOffset at)
    {
        Expect("approve", DraftState.Submitted);
        if (Step(steps) < steps - 1)
        {
            ReviewStep = Step(steps) + 1;
        }
        else
        {
            State = DraftState.Approved;
            ReviewStep = 0;
        }

        Changed(at);
    }

    /// <summary>
    /// Returns the draft with the reviewer's notes: back one review step, or from the first step to its filler.
    /// A return without any comment is refused.
    /// </summary>
    public void Return(ReviewNotes notes, int steps, DateTimeOffset at)
    {
        Expect("return", DraftState.Submitted);
        if (string.IsNullOrWhiteSpace(notes.Comment) && notes.Indicators.Count == 0)
        {
            throw new DraftStateException("退回须填写意见");
        }

        if (Step(steps) > 0)
        {
            ReviewStep = Step(steps) - 1;
        }
        else
        {
            State = DraftState.Returned;
            ReviewStep = 0;
        }

        ReviewJson = JsonSerializer.Serialize(notes, ReviewNotes.Options);
        Changed(at);
    }

    /// <summary>Publishes an approved draft (its form is stored among the published forms by the caller).</summary>
    public void Publish(DateTimeOffset at)
    {
        Expect("publish", DraftState.Approved);
        State = DraftState.Published;
        ReviewStep = 0;
        Changed(at);
    }

    /// <summary>The review step of this round, within the <paramref name="steps"/> the deployment requires.</summary>
    public int Step(int steps) => Math.Clamp(ReviewStep, 0, Math.Max(0, steps - 1));

    private void Expect(string change, params DraftState[] from)
    {
        if (!from.Contains(State))
        {
            throw new DraftStateException($"草稿 #{Id} 处于“{DraftStates.Code(State)}”状态，不能 {change}");
        }
    }

    private void Changed(DateTimeOffset at)
    {
        Version++;
        UpdatedAt = at;
    }
}

/// <summary>A change a draft's state does not allow (the application checks first; this is the last guard).</summary>
public sealed class DraftStateException(string message) : InvalidOperationException(message);

/// <summary>A reviewer's comments when returning a draft: one for the whole form and any per indicator row (by index).</summary>
public sealed record ReviewNotes(string? Comment, IReadOnlyDictionary<int, string> Indicators)
{
    /// <summary>Chinese kept as text in the stored JSON, as the audit log shows it.</summary>
    public static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string? For(int row) => Indicators.TryGetValue(row, out var note) ? note : null;
}
