using Microsoft.Extensions.Configuration.Json;

namespace Jixiao.Web.Infrastructure;

/// <summary>
/// One naming scheme for the web app's settings: the connection string <c>ConnectionStrings:Jixiao</c>
/// (environment <c>ConnectionStrings__Jixiao</c>) and everything else under <c>Jixiao:</c> (<c>Jixiao__Seeds</c>,
/// <c>Jixiao__Proxy__KnownProxies__0</c>, …), read by ASP.NET Core's configuration from appsettings.json,
/// appsettings.{Environment}.json, the environment and the command line.
/// </summary>
/// <remarks>
/// The older names (<c>JIXIAO_DB</c>, <c>JIXIAO_SEEDS</c>, the key <c>Jixiao:Db</c>) are still read, each with a
/// warning naming its new name. Which wins: a new name set anywhere but in an appsettings file, then an old name,
/// then the appsettings files, then the built-in default. After <see cref="Normalise"/> the chosen connection
/// string is readable under both <c>ConnectionStrings:Jixiao</c> and <c>Jixiao:Db</c>.
/// </remarks>
public static class Settings
{
    public const string ConnectionStringName = "Jixiao";
    public const string ConnectionStringKey = "ConnectionStrings:" + ConnectionStringName;
    public const string LegacyDbKey = "Jixiao:Db";

    /// <summary>Old name, whether it is an environment variable (else a configuration key), and the key it became.</summary>
    private static readonly (string Old, bool IsEnvironment, string Key)[] Renamed =
    [
        (LegacyDbKey, false, ConnectionStringKey),
        ("JIXIAO_DB", true, ConnectionStringKey),
        ("JIXIAO_SEEDS", true, "Jixiao:Seeds"),
    ];

    /// <summary>Maps the old names onto the new ones in <paramref name="configuration"/>; returns the warnings to log.</summary>
    public static IReadOnlyList<string> Normalise(IConfigurationBuilder configuration, Func<string, string?> environment)
    {
        var root = (IConfigurationRoot)configuration;
        var chosen = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var warnings = new List<string>();
        foreach (var (old, isEnvironment, key) in Renamed)
        {
            var value = isEnvironment ? environment(old) : root[old];
            var oldName = isEnvironment ? old : $"{old} ({EnvironmentName(old)})";
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (chosen.ContainsKey(key) || SetOutsideAppSettings(root, key))
            {
                warnings.Add($"{oldName} is ignored: {key} ({EnvironmentName(key)}) is set.");
                continue;
            }

            warnings.Add($"{oldName} is deprecated: use {key} ({EnvironmentName(key)}) instead.");
            chosen[key] = value;
        }

        // Code written before the rename reads Jixiao:Db; it sees the same connection string.
        var connection = chosen.GetValueOrDefault(ConnectionStringKey) ?? root[ConnectionStringKey];
        if (!string.IsNullOrEmpty(connection))
        {
            chosen[ConnectionStringKey] = connection;
            chosen[LegacyDbKey] = connection;
        }

        if (chosen.Count > 0)
        {
            configuration.Add(new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = chosen });
        }

        return warnings;
    }

    /// <summary>The environment variable naming <paramref name="key"/>.</summary>
    public static string EnvironmentName(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>Whether the last source giving <paramref name="key"/> a value is something other than an appsettings file.</summary>
    private static bool SetOutsideAppSettings(IConfigurationRoot root, string key)
    {
        var source = root.Providers.Reverse().FirstOrDefault(p => p.TryGet(key, out var v) && !string.IsNullOrEmpty(v));
        return source is not null and not JsonConfigurationProvider;
    }
}
