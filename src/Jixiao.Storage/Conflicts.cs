using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jixiao.Storage;

/// <summary>Errors that mean "someone else wrote the same thing first": roll back and try again.</summary>
internal static class Conflicts
{
    private const int SqliteBusy = 5;
    private const int SqliteUnique = 2067;
    private const int SqlitePrimaryKey = 1555;

    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: SqliteBusy }:
                case SqliteException { SqliteExtendedErrorCode: SqliteUnique or SqlitePrimaryKey }:
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected }:
                    return true;
            }
        }

        return false;
    }
}
