using Microsoft.Data.Sqlite;
using Npgsql;

namespace Jixiao.Storage;

/// <summary>Errors that mean "someone else wrote the same thing first": roll back and try again.</summary>
internal static class Conflicts
{
    private const int SqliteBusy = 5;
    private const int SqliteUnique = 2067;
    private const int SqlitePrimaryKey = 1555;

    /// <summary>How many times a writer tries a transaction that met a concurrent writer before it gives up.</summary>
    public const int MaxAttempts = 6;

    /// <summary>Waits a little longer after each failed <paramref name="attempt"/>, at random, so two writers that met do not meet again.</summary>
    public static void Backoff(int attempt) => Thread.Sleep(Random.Shared.Next(5, 20) * attempt);

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
