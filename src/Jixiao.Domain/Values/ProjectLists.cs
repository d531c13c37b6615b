namespace Jixiao.Domain.Values;

/// <summary>The budget system's closed lists a form's 项目性质 and 项目类别 take their values from.</summary>
public static class ProjectLists
{
    /// <summary>项目性质 as a declaration is filled in now.</summary>
    public static readonly IReadOnlyList<string> Natures = ["经常性专项业务费", "其他经常性项目", "其他一次性项目"];

    /// <summary>项目性质 as published forms print it: today's words and the older short ones, a longer word before a word it holds.</summary>
    public static readonly IReadOnlyList<string> PrintedNatures = [.. Natures, "经常性项目", "一次性项目"];

    /// <summary>项目类别.</summary>
    public static readonly IReadOnlyList<string> Categories = ["特定目标类", "其他运转类", "其他人员类"];
}
