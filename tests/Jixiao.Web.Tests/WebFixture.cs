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
