using Jixiao.Storage.Tests.Support;
using Xunit;

namespace Jixiao.Storage.Tests;

/// <summary>Shows in the test report whether the PostgreSQL half of the storage tests ran.</summary>
public sealed class PostgresTests
{
    [PostgresFact]
    public void The_test_server_is_reachable_and_takes_the_schema()
    {
        using var db = TestDatabase.Create(TestDatabase.Postgres);

        Assert.Equal(DatabaseProvider.PostgreSql, db.Database.Provider);
        Assert.Equal(JixiaoDatabase.LatestVersion, db.Database.SchemaVersion());
    }
}
