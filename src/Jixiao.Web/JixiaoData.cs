using Jixiao.Application;
using Jixiao.Domain.Model;
using Jixiao.Formats.Sources;
using Jixiao.Storage;
using Jixiao.Storage.Import;
using Jixiao.Storage.Queries;
using Jixiao.Web.Data;

namespace Jixiao.Web;

/// <summary>
/// Where the pages' data comes from: the database named by <c>Jixiao:Db</c> / <c>JIXIAO_DB</c> (the SQLite
/// file data/jixiao.db by default, PostgreSQL by a <c>Host=…</c> string). On first start an empty
/// database of the demo (<see cref="Accounts.DemoMode"/>) is filled with the published forms of the seed
/// folder, so a newcomer sees real data at once; in production nothing is imported but what is imported.
/// </summary>
public static class JixiaoData
{
    public static IServiceCollection AddJixiaoData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton<FormScoring>();
        services.AddScoped<AuditTimeline>();
        services.AddSingleton(provider =>
        {
            var store = JixiaoStore.Open(configuration["Jixiao:Db"]);
            store.Database.Migrate();
            SeedIfEmpty(store, Accounts.DemoMode.IsOn(configuration, environment) ? SeedDirectory(configuration, environment) : null, provider.GetRequiredService<ILoggerFactory>().CreateLogger("Jixiao.Seed"));
            return store;
        });
        // Costly reads (dashboard, units, library) are cached per data generation; see ReadCache for what can be stale.
        services.AddSingleton(p => new ReadCache(p.GetRequiredService<JixiaoStore>().ImportWatermarkAsync, p.GetRequiredService<ILogger<ZiggyCreatures.Caching.Fusion.FusionCache>>()));
        services.AddSingleton<IReadModel>(p => new StoreReadModel(p.GetRequiredService<JixiaoStore>(), p.GetRequiredService<ReadCache>()));
        services.AddSingleton<IImporter>(p => new StoreImporter(p.GetRequiredService<JixiaoStore>(), p.GetRequiredService<ReadCache>(), p.GetService<Infrastructure.PublicPages>()));
        services.AddSingleton<IImportLog>(p => new StoreImportLog(p.GetRequiredService<JixiaoStore>()));
        if (configuration.GetValue("Jixiao:WarmUp", true))
        {
            // The costly reads once in the background after start, so the first visitor does not pay for them.
            services.AddHostedService(p => new CacheWarmup(p.GetRequiredService<IReadModel>(),
                p.GetRequiredService<IHostApplicationLifetime>(), p.GetRequiredService<ILogger<CacheWarmup>>()));
        }

        return services;
    }

    private static IEnumerable<string> SeedFiles(string directory) => Directory.GetFiles(directory, "*.txt").Order(StringComparer.Ordinal);

    private static void SeedIfEmpty(JixiaoStore store, string? seeds, ILogger log)
    {
        using (var c = store.Database.CreateContext())
        {
            if (c.DocumentVersions.Any() || seeds is null)
            {
                return;
            }
        }

        var files = SeedFiles(seeds).ToList();
        log.LogInformation("First start: importing {Count} published files from {Seeds}", files.Count, seeds);
        // Each file with its findings, those comparing forms with one another included; no cache exists yet.
        foreach (var result in new ImportDocuments(store.Database).Files(files, Importer.SystemUser))
        {
            log.LogInformation("{File}: {Outcome}, {Forms} forms, {Indicators} indicators", result.File, result.Outcome, result.Forms, result.Indicators);
        }
    }

    /// <summary>The published forms a newcomer sees: <c>Jixiao:Seeds</c> (<c>Jixiao__Seeds</c>), or shared/seeds beside the repository.</summary>
    public static string? SeedDirectory(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Jixiao:Seeds"]; // JIXIAO_SEEDS is mapped onto it by Settings
        if (!string.IsNullOrEmpty(configured))
        {
            return Directory.Exists(configured) ? configured : null;
        }

        for (var dir = new DirectoryInfo(environment.ContentRootPath); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "seeds"), Path.Combine(dir.FullName, "..", "shared", "seeds") })
            {
                if (Directory.Exists(candidate))
                {
                    return Path.GetFullPath(candidate);
                }
            }
        }

        return null;
    }
}
