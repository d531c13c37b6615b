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
        if (configuration["Jixiao:Store"] == "memory")
        {
            // Tests and demos without a database: the seeds read into memory.
            var seeds = SeedDirectory(configuration, environment);
            var documents = seeds is null ? [] : SeedFiles(seeds).SelectMany(DocumentLoader.Load).ToList();
            services.AddSingleton<IReadModel>(new InMemoryReadModel(documents, Findings.Check));
            services.AddSingleton<IImporter, PreviewOnlyImporter>();
            services.AddSingleton<IImportLog, NoImportLog>();
            return services;
        }

        services.AddSingleton(provider =>
        {
            var store = JixiaoStore.Open(configuration["Jixiao:Db"]);
            store.Database.Migrate();
            SeedIfEmpty(store, Accounts.DemoMode.IsOn(configuration, environment) ? SeedDirectory(configuration, environment) : null, provider.GetRequiredService<ILoggerFactory>().CreateLogger("Jixiao.Seed"));
            return store;
        });
        // Costly reads (dashboard, units, library) are cached per data generation; see ReadCache for what can be stale.
        services.AddSingleton(p => new ReadCache(p.GetRequiredService<JixiaoStore>().ImportWatermark, p.GetRequiredService<ILogger<ReadCache>>()));
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

    private sealed class PreviewOnlyImporter : IImporter
    {
        public DisclosureDocument Preview(byte[] content, string fileName) => DocumentLoader.LoadBytes(content, fileName).FirstOrDefault() ?? new DisclosureDocument(fileName, [], []);

        public Data.ImportSummary Import(byte[] content, string fileName, string user) => new(false, false, 0, 0, "内存模式，不保存导入。");
    }

    /// <summary>Memory mode stores no import, so it logs none.</summary>
    private sealed class NoImportLog : IImportLog
    {
        public IReadOnlyList<ImportAuditView> OfForm(long formId) => [];

        public IReadOnlyList<ImportAuditView> Lines(string? user, Storage.Import.ImportOutcome? outcome, int skip, int take) => [];

        public IReadOnlyList<string> Users() => [];
    }
}
