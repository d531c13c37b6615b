using Jixiao.Domain.Model;
using Jixiao.Formats.Sources;
using Jixiao.Web.Data;

namespace Jixiao.Web;

/// <summary>Where the pages' data comes from.</summary>
public static class JixiaoData
{
    public static IServiceCollection AddJixiaoData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var seeds = SeedDirectory(configuration, environment);
        var documents = seeds is null ? [] : Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).SelectMany(DocumentLoader.Load).ToList();
        var model = new InMemoryReadModel(documents, Findings.Check);
        services.AddSingleton<IReadModel>(model);
        services.AddSingleton<FormScoring>();
        services.AddSingleton<IImporter, PreviewOnlyImporter>();
        return services;
    }

    /// <summary>The published forms a newcomer sees: <c>Jixiao:Seeds</c> / <c>JIXIAO_SEEDS</c>, or shared/seeds beside the repository.</summary>
    public static string? SeedDirectory(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Jixiao:Seeds"] ?? Environment.GetEnvironmentVariable("JIXIAO_SEEDS");
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

        public ImportOutcome Import(byte[] content, string fileName) => new(false, false, 0, 0, "未配置数据库，无法导入。");
    }
}
