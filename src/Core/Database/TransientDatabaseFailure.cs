using Npgsql;

namespace Monolith.Database;

/// <summary>
/// Tells passing database conditions (a restart, a failover, refused or dropped connections, contention) from faults of
/// the request: the former answer 503 with Retry-After, and some of them may be retried.
/// </summary>
public static class TransientDatabaseFailure
{
    /// <summary>The server is going down, starting up, out of connection slots, or the connection to it failed.</summary>
    public static bool IsUnavailable(string sqlState) =>
        sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.TooManyConnections
        || sqlState.StartsWith("08", StringComparison.Ordinal);

    /// <summary>Another transaction got in the way; running the whole transaction again can succeed.</summary>
    public static bool IsContention(string sqlState) =>
        sqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable;

    /// <summary>True when the error (or one it wraps) is a transient database condition.</summary>
    public static bool IsTransient(Exception exception) => Find(exception) switch
    {
        null => false,
        PostgresException postgres => IsUnavailable(postgres.SqlState) || IsContention(postgres.SqlState),
        _ => true,
    };

    /// <summary>
    /// True when a transaction that failed with this error may be run again whole. Only the caller knows the
    /// transaction did not commit (it failed before COMMIT was sent); 08007 (transaction resolution unknown) and
    /// timeouts (an exhausted pool, a slow statement) are never retried.
    /// </summary>
    public static bool IsRetryable(Exception exception) => Find(exception) switch
    {
        null => false,
        PostgresException postgres => postgres.SqlState != PostgresErrorCodes.TransactionResolutionUnknown
            && (IsUnavailable(postgres.SqlState) || postgres.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected),
        var npgsql => npgsql.InnerException is not TimeoutException,
    };

    /// <summary>True when the failure means the server dropped or refused connections, so pooled ones are likely dead too.</summary>
    public static bool BrokeConnections(Exception exception) => Find(exception) switch
    {
        null => false,
        PostgresException postgres => IsUnavailable(postgres.SqlState),
        var npgsql => npgsql.InnerException is not TimeoutException,
    };

    private static NpgsqlException? Find(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is NpgsqlException npgsql)
            {
                return npgsql;
            }
        }

        return null;
    }
}
