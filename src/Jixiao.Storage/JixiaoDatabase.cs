using System.Data.Common;
using Jixiao.Storage.Migrations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jixiao.Storage;

/// <summary>Raised when the database cannot be used as asked (no schema yet, a newer schema, unreachable).</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A Jixiao database: where it is (<see cref="DatabaseTarget"/>), its schema version and migrations, and
/// short-lived <see cref="JixiaoDbContext"/>s over it.
/// </summary>
public sealed class JixiaoDatabase
{
    private readonly DbContextOptions<JixiaoDbContext> _options;

    public JixiaoDatabase(DatabaseTarget target)
    {
        Target = target;
        var builder = new DbContextOptionsBuilder<JixiaoDbContext>();
        if (target.Provider == DatabaseProvider.Sqlite)
        {
            builder.UseSqlite(target.ConnectionString).AddInterceptors(SqliteSession.Instance);
        }
        else
        {
            builder.UseNpgsql(target.ConnectionString);
        }

        _options = builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).Options;
    }

    /// <summary>The database a connection string names (<c>--db</c>), else <c>$ConnectionStrings__Jixiao</c> (or the older <c>$JIXIAO_DB</c>), else <c>data/jixiao.db</c>.</summary>
    public static JixiaoDatabase Open(string? connectionString = null) => new(DatabaseTarget.Resolve(connectionString));

    public DatabaseTarget Target { get; }

    public DatabaseProvider Provider => Target.Provider;

    /// <summary>The schema version this code reads and writes.</summary>
    public static int LatestVersion => Migrator.Latest;

    public JixiaoDbContext CreateContext() => new(_options);

    /// <summary>The schema version of the database; 0 when it is new.</summary>
    public int SchemaVersion() => WithConnection(c => Migrator.CurrentVersion(c, Provider));

    /// <summary>Creates or upgrades the schema (to <paramref name="version"/>, the latest by default); returns the versions applied.</summary>
    public IReadOnlyList<Migration> Migrate(int? version = null)
    {
        Target.EnsureDirectory();
        return WithConnection(c =>
        {
            var current = Migrator.CurrentVersion(c, Provider);
            if (current > LatestVersion)
            {
                throw new StoreException($"数据库的结构版本 {current} 比本程序支持的 {LatestVersion} 新，请升级 jixiao。");
            }

            return Migrator.MigrateTo(c, Provider, version);
        });
    }

    /// <summary>Throws a <see cref="StoreException"/> unless the schema is at the version this code uses.</summary>
    public void EnsureCurrentSchema()
    {
        var version = SchemaVersion();
        if (version != LatestVersion)
        {
            throw new StoreException(version == 0
                ? $"{Target} 还没有数据表，请先运行 jixiao db init 或 jixiao import。"
                : $"{Target} 的结构版本是 {version}，本程序需要 {LatestVersion}：请运行 jixiao db init 升级。");
        }
    }

    private T WithConnection<T>(Func<DbConnection, T> work)
    {
        using var context = CreateContext();
        var connection = context.Database.GetDbConnection();
        try
        {
            context.Database.OpenConnection();
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            throw new StoreException($"无法连接 {Target}：{ex.Message}", ex);
        }

        try
        {
            return work(connection);
        }
        finally
        {
            context.Database.CloseConnection();
        }
    }

    /// <summary>
    /// Per-connection SQLite settings: WAL commits without fsync (safe against a killed process, not
    /// against a power cut); checkpoints every 10,000 pages rather than 1,000, as imports commit once per
    /// file; a 64 MB page cache (kept across transactions), so the indexes an import walks stay in memory.
    /// </summary>
    private sealed class SqliteSession : DbConnectionInterceptor
    {
        public static readonly SqliteSession Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 10000; PRAGMA cache_size = -65536;";
            command.ExecuteNonQuery();
        }
    }
}
