using System.CommandLine;
using Jixiao.Domain.Scoring;

namespace Jixiao.Cli;

/// <summary>The <c>--policy</c> option shared by <c>check</c> and <c>score</c>.</summary>
internal static class PolicyOption
{
    public static Option<string?> Create()
    {
        var option = new Option<string?>("--policy")
        {
            Description = $"计分口径：{string.Join("、", ScoringPolicy.BuiltIn.Select(p => p.Name))}；不指定则按表中数字自动判定",
        };
        option.AcceptOnlyFromAmong([.. ScoringPolicy.BuiltIn.Select(p => p.Name)]);
        return option;
    }
}
