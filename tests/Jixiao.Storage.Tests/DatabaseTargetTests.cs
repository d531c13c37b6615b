using Xunit;

namespace Jixiao.Storage.Tests;

public sealed class DatabaseTargetTests
{
    [Theory]
    [InlineData("Data Source=data/jixiao.db", DatabaseProvider.Sqlite, "data/jixiao.db")]
    [InlineData("/var/lib/jixiao/j.db", DatabaseProvider.Sqlite, "/var/lib/jixiao/j.db")]
    [InlineData("Host=db.example;Database=jixiao;Username=j", DatabaseProvider.PostgreSql, "db.example")]
    [InlineData("server=10.0.0.5; database=jixiao", DatabaseProvider.PostgreSql, "10.0.0.5")]
    [InlineData("postgres://j:s%40cret@db.example:5433/jixiao?sslmode=disable", DatabaseProvider.PostgreSql, "db.example")]
    [InlineData("postgresql://db.example/jixiao", DatabaseProvider.PostgreSql, "db.example")]
    public void A_connection_string_names_its_provider(string text, DatabaseProvider provider, string where)
    {
        var target = DatabaseTarget.Parse(text);

        Assert.Equal(provider, target.Provider);
        Assert.Contains(where, target.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_postgres_url_becomes_a_key_value_string_and_the_password_is_not_shown()
    {
        var target = DatabaseTarget.Parse("postgres://j:s%40cret@db.example:5433/jixiao?sslmode=disable");

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(target.ConnectionString);
        Assert.Equal(("db.example", 5433, "jixiao", "j", "s@cret", Npgsql.SslMode.Disable), (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password, builder.SslMode));
        Assert.DoesNotContain("cret", target.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_string_the_environment_then_the_default_file_is_used()
    {
        var saved = Environment.GetEnvironmentVariable(DatabaseTarget.EnvironmentVariable);
        var savedLegacy = Environment.GetEnvironmentVariable(DatabaseTarget.LegacyEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(DatabaseTarget.LegacyEnvironmentVariable, "legacy.db");
            Environment.SetEnvironmentVariable(DatabaseTarget.EnvironmentVariable, "Host=from-env;Database=j");
            Assert.Equal(DatabaseProvider.PostgreSql, DatabaseTarget.Resolve(null).Provider);
            Assert.Equal(DatabaseProvider.Sqlite, DatabaseTarget.Resolve("x.db").Provider);
            Environment.SetEnvironmentVariable(DatabaseTarget.EnvironmentVariable, null);
            Assert.Equal("SQLite legacy.db", DatabaseTarget.Resolve(null).ToString()); // the older JIXIAO_DB, still read
            Environment.SetEnvironmentVariable(DatabaseTarget.LegacyEnvironmentVariable, null);
            Assert.Equal("SQLite data/jixiao.db", DatabaseTarget.Resolve(null).ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable(DatabaseTarget.EnvironmentVariable, saved);
            Environment.SetEnvironmentVariable(DatabaseTarget.LegacyEnvironmentVariable, savedLegacy);
        }
    }
}
