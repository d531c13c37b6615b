namespace Jixiao.Domain.Drafts;

/// <summary>Where a draft stands in its review: draft → submitted → (returned →) approved → published.</summary>
public enum DraftState
{
    Draft,
    Submitted,
    Returned,
    Approved,
    Published,
}

/// <summary>The words a draft's state is stored and exchanged as (<c>draft</c>, <c>submitted</c> …); unknown words are an error.</summary>
public static class DraftStates
{
    /// <summary>Every state, in the order a draft goes through them.</summary>
    public static readonly IReadOnlyList<DraftState> All = [DraftState.Draft, DraftState.Submitted, DraftState.Returned, DraftState.Approved, DraftState.Published];

    /// <summary>The stored word of a state.</summary>
    public static string Code(DraftState state) => state switch
    {
        DraftState.Draft => "draft",
        DraftState.Submitted => "submitted",
        DraftState.Returned => "returned",
        DraftState.Approved => "approved",
        DraftState.Published => "published",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "未知的草稿状态"),
    };

    /// <summary>The state a stored word names; false for anything else.</summary>
    public static bool TryParse(string? code, out DraftState state)
    {
        foreach (var s in All)
        {
            if (Code(s) == code)
            {
                state = s;
                return true;
            }
        }

        state = default;
        return false;
    }

    /// <summary>The state a stored word names; throws <see cref="FormatException"/> naming the word otherwise.</summary>
    public static DraftState Parse(string? code) =>
        TryParse(code, out var state) ? state : throw new FormatException($"未知的草稿状态 \"{code}\"（应为 draft、submitted、returned、approved 或 published）");
}
