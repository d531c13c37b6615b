namespace Jixiao.Web.Infrastructure;

/// <summary>Whether a new database gets the demo accounts of <see cref="Accounts.DemoUsers"/>.</summary>
public static class DemoData
{
    /// <summary>
    /// <c>Jixiao:DemoUsers</c> when set; otherwise only when there are demo data to go with them (a seed folder,
    /// configured or found beside the repository). A deployment has neither, so nobody can sign in with the
    /// demo password published in the README: its first account is made with <c>jixiao users add</c>.
    /// </summary>
    public static bool WantsDemoUsers(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>("Jixiao:DemoUsers") ?? JixiaoData.SeedDirectory(configuration, environment) is not null;
}
