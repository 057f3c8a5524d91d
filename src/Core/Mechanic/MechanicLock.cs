using Monolith.Database;
using Npgsql;

namespace Monolith.Mechanic;

/// <summary>
/// Serializes every schema application across processes with a PostgreSQL session advisory lock.
/// The lock lives on its own unpooled connection, so a crashed process releases it and a pool never keeps it alive.
/// </summary>
public sealed class MechanicLock(DatabaseSettings database)
{
    /// <summary>"MonoMech" in ASCII: one fixed key for the whole database.</summary>
    private const long Key = 0x4D6F6E6F4D656368;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public async Task<IAsyncDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, ApplicationName = "monolith-mechanic-lock" };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Polling rather than a blocking pg_advisory_lock: a waiting statement holds a snapshot, and CREATE INDEX
            // CONCURRENTLY run by the lock holder waits for every older snapshot, which would deadlock the two.
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = Key });
            while (!(bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                await Task.Delay(PollInterval, cancellationToken);
            }

            return new Held(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closing the unpooled session ends it, and PostgreSQL releases the session's advisory locks.</summary>
    private sealed class Held(NpgsqlConnection connection) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
