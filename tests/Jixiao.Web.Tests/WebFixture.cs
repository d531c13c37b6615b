using Microsoft.AspNetCore.Hosting;
using Jixiao.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Jixiao.Web.Tests;

/// <summary>
/// The demo web app (<c>Jixiao:Demo=true</c>: seeds and demo users; in production neither is created) in the
/// Production environment on a fresh SQLite database, filled from the seeds of ../shared/seeds on start.
/// </summary>
public sealed class WebFixture : WebApplicationFactory<Program>
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"jixiao-web-{Guid.NewGuid():N}.db");

    public static string SeedDirectory => Seeds.Directory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Jixiao:Seeds", SeedDirectory);
        builder.UseSetting("Jixiao:Db", $"Data Source={_database}");
        builder.UseSetting("Jixiao:Demo", "true");
        builder.UseEnvironment("Production");
        RelaxLimits(builder);
    }

    /// <summary>
    /// Abuse limits out of the way of tests that sign in and search many times a minute, all from the one
    /// "client" a test server has (LimitTests checks the limits themselves); uploads in a folder of their own.
    /// </summary>
    public static void RelaxLimits(IWebHostBuilder builder)
    {
        foreach (var (key, value) in RelaxedSettings())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>The settings <see cref="RelaxLimits"/> gives, as keys and values (for a server started as a process).</summary>
    public static IEnumerable<(string Key, string Value)> RelaxedSettings()
    {
        foreach (var name in Infrastructure.AbuseLimits.Defaults.Keys.Append(Infrastructure.AbuseLimits.LoginAccount))
        {
            yield return ($"{Infrastructure.AbuseLimits.Section}:{name}:PermitLimit", "1000000");
        }

        yield return (Data.PendingUploads.FolderSetting, Path.Combine(Path.GetTempPath(), $"jixiao-uploads-{Guid.NewGuid():N}"));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }
}
