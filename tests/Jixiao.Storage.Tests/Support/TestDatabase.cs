using Jixiao.Storage;
using Jixiao.Storage.Queries;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit;

namespace Jixiao.Storage.Tests.Support;

/// <summary>
/// A fresh, empty database for one test: a SQLite file in a temporary folder, or a schema of its own in
/// the PostgreSQL database named by <c>$JIXIAO_TEST_POSTGRES</c> (see scripts/postgres-test.sh).
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string PostgresVariable = "JIXIAO_TEST_POSTGRES";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly string? _folder;
    private readonly string? _schema;

    private TestDatabase(string provider, bool migrate)
    {
        Provider = provider;
        if (provider == Sqlite)
        {
            _folder = Directory.CreateTempSubdirectory("jixiao-test-").FullName;
            ConnectionString = $"Data Source={Path.Combine(_folder, "jixiao.db")}";
        }
        else
        {
            var server = PostgresConnectionString ?? throw new InvalidOperationException($"{PostgresVariable} is not set");
            _schema = "t_" + Guid.NewGuid().ToString("N")[..12];
            Admin($"CREATE SCHEMA {_schema}");
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = _schema }.ConnectionString;
        }

        Database = JixiaoDatabase.Open(ConnectionString);
        Store = new JixiaoStore(Database);
        if (migrate)
        {
            Database.Migrate();
        }
    }

    public static string? PostgresConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    /// <summary>SQLite always; PostgreSQL when <c>$JIXIAO_TEST_POSTGRES</c> is set.</summary>
    public static IReadOnlyList<string> ProviderNames => PostgresConnectionString is null ? [Sqlite] : [Sqlite, Postgres];

    public static TheoryData<string> Providers => [.. ProviderNames];

    public string Provider { get; }
    public string ConnectionString { get; }
    public JixiaoDatabase Database { get; }
    public JixiaoStore Store { get; }

    public static TestDatabase Create(string provider, bool migrate = true) => new(provider, migrate);

    public void Dispose()
    {
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            Admin($"DROP SCHEMA {_schema} CASCADE");
        }
    }

    /// <summary>Runs SQL on the test database directly (raw checks, version-1 data).</summary>
    public long Scalar(string sql)
    {
        using var context = Database.CreateContext();
        var connection = context.Database.GetDbConnection();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Execute(string sql)
    {
        using var context = Database.CreateContext();
        var connection = context.Database.GetDbConnection();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(PostgresConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>A fact that runs only when a PostgreSQL test database is given.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.PostgresConnectionString is null)
        {
            Skip = $"PostgreSQL not configured: set {TestDatabase.PostgresVariable} or run scripts/postgres-test.sh";
        }
    }
}
