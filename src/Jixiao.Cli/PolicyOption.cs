using System.CommandLine;
using Jixiao.Domain.Model;
using Jixiao.Domain.Scoring;
using Jixiao.Formats.Sources;

namespace Jixiao.Cli;

/// <summary>Options and input handling shared by <c>check</c> and <c>score</c>.</summary>
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

    /// <summary>Loads every file; an unreadable one is reported on stderr and makes <paramref name="unreadable"/> true.</summary>
    public static List<DisclosureDocument> Load(IEnumerable<string> paths, out bool unreadable)
    {
        var documents = new List<DisclosureDocument>();
        unreadable = false;
        foreach (var path in paths)
        {
            try
            {
                documents.AddRange(DocumentLoader.Load(path));
            }
            catch (UnreadableSourceException ex)
            {
                Console.Error.WriteLine($"jixiao: {ex.Message}");
                unreadable = true;
            }
        }

        return documents;
    }
}
