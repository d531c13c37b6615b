using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Jixiao.Web.Tests;

/// <summary>The web app in memory, on the seeds of ../shared/seeds.</summary>
public sealed class WebFixture : WebApplicationFactory<Program>
{
    public static string SeedDirectory
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("JIXIAO_SEEDS");
            if (!string.IsNullOrEmpty(env))
            {
                return env;
            }

            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var sibling = Path.Combine(dir.FullName, "..", "shared", "seeds");
                if (File.Exists(Path.Combine(dir.FullName, "Jixiao.slnx")) && Directory.Exists(sibling))
                {
                    return Path.GetFullPath(sibling);
                }
            }

            throw new DirectoryNotFoundException("shared/seeds not found; set JIXIAO_SEEDS");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Jixiao:Seeds", SeedDirectory);
        builder.UseEnvironment("Production");
    }
}
