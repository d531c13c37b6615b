using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jixiao.Storage;

/// <summary>The two databases Jixiao stores into.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// Which database a connection string names. The convention: a <c>postgres://</c> or
/// <c>postgresql://</c> URL, or a key/value string with a <c>Host=</c> (or <c>Server=</c>) key, is
/// PostgreSQL; anything else is SQLite, given as <c>Data Source=path</c> or as a bare file path. With no
/// string (no <c>--db</c>, no <c>ConnectionStrings__Jixiao</c> nor the older <c>JIXIAO_DB</c>) it is the SQLite file <c>data/jixiao.db</c> under the
/// working directory, whose folder is created on first use.
/// </summary>
public sealed partial record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The environment variable of the connection string, as ASP.NET Core's configuration names it.</summary>
    public const string EnvironmentVariable = "ConnectionStrings__Jixiao";

    /// <summary>The older name, still read when <see cref="EnvironmentVariable"/> is not set.</summary>
    public const string LegacyEnvironmentVariable = "JIXIAO_DB";

    public const string DefaultConnectionString = "Data Source=data/jixiao.db";

    /// <summary>The target for an explicit string, else <c>$ConnectionStrings__Jixiao</c>, else <c>$JIXIAO_DB</c>, else the default SQLite file.</summary>
    public static DatabaseTarget Resolve(string? connectionString = null)
    {
        var chosen = !string.IsNullOrWhiteSpace(connectionString) ? connectionString
            : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnv ? fromEnv
            : Environment.GetEnvironmentVariable(LegacyEnvironmentVariable) is { Length: > 0 } fromLegacy ? fromLegacy
            : DefaultConnectionString;
        return Parse(chosen.Trim());
    }

    public static DatabaseTarget Parse(string connectionString)
    {
        if (Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) && uri.Scheme is "postgres" or "postgresql")
        {
            return new DatabaseTarget(DatabaseProvider.PostgreSql, FromUrl(uri));
        }

        if (HostKey().IsMatch(connectionString))
        {
            return new DatabaseTarget(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(connectionString).ConnectionString);
        }

        var sqlite = new SqliteConnectionStringBuilder(connectionString.Contains('=') ? connectionString : $"Data Source={connectionString}")
        {
            ForeignKeys = true,
        };
        if (sqlite.DefaultTimeout == 30)
        {
            sqlite.DefaultTimeout = 120; // how long a writer waits for another one (two imports at once)
        }

        return new DatabaseTarget(DatabaseProvider.Sqlite, sqlite.ConnectionString);
    }

    /// <summary>The connection string without its password, for messages.</summary>
    public override string ToString() => Provider == DatabaseProvider.PostgreSql
        ? $"PostgreSQL {new NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.ConnectionString}"
        : $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}";

    /// <summary>Creates the folder of a SQLite file if it is missing.</summary>
    internal void EnsureDirectory()
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        var dir = file is "" or ":memory:" ? null : Path.GetDirectoryName(Path.GetFullPath(file));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }
    }

    private static string FromUrl(Uri uri)
    {
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        var user = uri.UserInfo.Split(':', 2);
        if (user[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(user[0]);
        }

        if (user.Length > 1)
        {
            builder.Password = Uri.UnescapeDataString(user[1]);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(kv[0])] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
        }

        return builder.ConnectionString;
    }

    [GeneratedRegex(@"(^|;)\s*(host|server)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex HostKey();
}
