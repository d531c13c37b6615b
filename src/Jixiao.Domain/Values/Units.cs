namespace Jixiao.Domain.Values;

/// <summary>
/// When two printed units are the same unit. The forms print percentages as <c>%</c>, <c>％</c> or
/// <c>百分比</c>; every other unit is compared as printed. A missing unit matches anything (a bare
/// number is read in the other side's unit), so only two different printed units disagree.
/// </summary>
public static class Units
{
    public static bool IsPercent(string? unit) => unit is "%" or "％" or "百分比";

    public static bool Same(string? a, string? b) =>
        a is null || b is null || string.Equals(a, b, StringComparison.Ordinal) || IsPercent(a) && IsPercent(b);
}
