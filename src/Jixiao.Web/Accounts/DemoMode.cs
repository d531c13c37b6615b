namespace Jixiao.Web.Accounts;

/// <summary>
/// The demo: the seed forms imported into an empty database and the demo users of <see cref="DemoUsers"/>
/// created. Only in the Development environment (what <c>dotnet run --project src/Jixiao.Web</c> and
/// <c>./run.sh</c> give, see Properties/launchSettings.json) or when asked for (<c>--demo</c>,
/// <c>Jixiao:Demo=true</c>, <c>Jixiao__Demo=true</c>). Anywhere else nothing is created silently: the
/// first administrator is added with <c>jixiao users add</c>.
/// </summary>
public static class DemoMode
{
    public const string Setting = "Jixiao:Demo";

    public static bool IsOn(IConfiguration configuration, IHostEnvironment environment) =>
        environment.IsDevelopment() || configuration.GetValue(Setting, false);

    /// <summary>The command line with a bare <c>--demo</c> turned into the setting (the configuration reads only key=value).</summary>
    public static string[] Args(string[] args) =>
        [.. args.Select(a => a == "--demo" ? $"--{Setting}=true" : a)];
}
