using Jixiao.Domain.Drafts;
using System.Security.Claims;
using Jixiao.Web.Accounts;

namespace Jixiao.Web.Drafts;

/// <summary>
/// The review chain of a deployment: 单位审核 → 主管部门审核 → 财政审核, each step required unless
/// <c>Jixiao:Review:Steps</c> lists fewer (a list, or one comma-separated value, of those role names; the
/// order is always the chain's). A submitted draft is at step <see cref="Draft.ReviewStep"/> (0-based): the
/// role of that step approves (on to the next step, or approved after the last) or returns it (back one step,
/// or to the filler from the first).
/// </summary>
public sealed class ReviewSteps
{
    public const string Setting = "Jixiao:Review:Steps";

    /// <summary>Every step a deployment may require, in order.</summary>
    public static readonly IReadOnlyList<string> Chain = [Roles.UnitHead, Roles.DepartmentReviewer, Roles.Finance];

    public static readonly ReviewSteps All = new(Chain);

    public ReviewSteps(IEnumerable<string> required)
    {
        var wanted = required.Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        if (wanted.FirstOrDefault(s => !Chain.Contains(s)) is { } unknown)
        {
            throw new InvalidOperationException($"{Setting}: \"{unknown}\" 不是审核环节，可用：{string.Join("、", Chain)}");
        }

        Required = [.. Chain.Where(wanted.Contains)];
        if (Required.Count == 0)
        {
            throw new InvalidOperationException($"{Setting}: 至少需要一个审核环节（{string.Join("、", Chain)}）");
        }
    }

    /// <summary>The required steps, in the chain's order.</summary>
    public IReadOnlyList<string> Required { get; }

    /// <summary>The steps of <c>Jixiao:Review:Steps</c>; all three when it is not set.</summary>
    public static ReviewSteps From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Setting);
        var listed = section.GetChildren().Select(c => c.Value ?? "").ToList();
        if (listed.Count == 0 && section.Value is { Length: > 0 } value)
        {
            listed = [.. value.Split(',', '，', '、')];
        }

        return listed.Count == 0 ? All : new ReviewSteps(listed);
    }

    /// <summary>The role whose turn it is on a submitted draft; null in any other state.</summary>
    public string? Current(Draft draft) => draft.State == DraftState.Submitted ? Required[Step(draft)] : null;

    /// <summary>The draft's step as an index into <see cref="Required"/> (a deployment may have dropped steps since).</summary>
    public int Step(Draft draft) => draft.Step(Required.Count);

    /// <summary>Whether the step of <paramref name="draft"/> is the last required one.</summary>
    public bool AtLast(Draft draft) => Step(draft) == Required.Count - 1;

    /// <summary>
    /// Whether <paramref name="user"/> reviews the draft at its current step: holds the step's role, and for
    /// 单位审核 belongs to the draft's unit (a 主管部门审核 only ever sees the drafts of their department's units).
    /// </summary>
    public bool Reviews(ClaimsPrincipal user, Draft draft) => Current(draft) switch
    {
        null => false,
        Roles.UnitHead => user.IsInRole(Roles.UnitHead) && DraftAccess.UnitOf(user) == draft.UnitId,
        Roles.DepartmentReviewer => user.IsInRole(Roles.DepartmentReviewer) && DraftAccess.DepartmentOf(user) is not null,
        var role => user.IsInRole(role),
    };
}
