namespace Jixiao.Tests.Support;

/// <summary>
/// A fact that needs programs on PATH: skipped, visibly and naming what is missing, when one is not installed
/// (as <c>PostgresFact</c> is without a database) — never a silent pass. ./test.sh installs them
/// (scripts/test-setup.d).
/// </summary>
public sealed class ToolFactAttribute : FactAttribute
{
    /// <param name="tools">Each program the test needs; alternatives separated by <c>|</c> (<c>soffice|libreoffice</c>).</param>
    public ToolFactAttribute(params string[] tools)
    {
        var missing = tools.Where(t => Tools.Find(t) is null).ToList();
        if (missing.Count > 0)
        {
            Skip = $"not installed: {string.Join(", ", missing)} (see scripts/test-setup.d)";
        }
    }
}

/// <summary>External programs as the tests find them: the first of a list of alternatives found on PATH.</summary>
public static class Tools
{
    /// <summary>The full path of the first program of <paramref name="alternatives"/> (<c>soffice|libreoffice</c>) on PATH; null when none is.</summary>
    public static string? Find(string alternatives) =>
        alternatives.Split('|').Select(OnPath).FirstOrDefault(p => p is not null);

    private static string? OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool)).FirstOrDefault(File.Exists);
}
