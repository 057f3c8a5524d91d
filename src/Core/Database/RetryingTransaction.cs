using System.Diagnostics;
using Npgsql;

namespace Monolith.Database;

/// <summary>
/// Runs a unit of work in a transaction of its own and, when a transient failure stops it before COMMIT is sent, runs
/// it again whole within a short budget. The failed attempt's transaction never committed (PostgreSQL rolls back a
/// transaction whose connection dies), so a re-run cannot duplicate a write. A failure during COMMIT is never retried:
/// whether it committed is unknown, so it surfaces (as a 503) instead.
/// </summary>
public static class RetryingTransaction
{
    /// <summary>How long attempts may go on; past it the last failure surfaces and answers 503 with Retry-After.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    public static async Task<T> InTransactionAsync<T>(
        this NpgsqlDataSource dataSource, Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 0; ; attempt++)
        {
            await using var connection = dataSource.CreateConnection();
            NpgsqlTransaction transaction;
            T result;
            var delay = TimeSpan.FromMilliseconds(Math.Min(50 << Math.Min(attempt, 4), 500));
            try
            {
                await connection.OpenAsync(cancellationToken);
                transaction = await connection.BeginTransactionAsync(cancellationToken);
                result = await work(connection, transaction, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && TransientDatabaseFailure.IsRetryable(e)
                && Stopwatch.GetElapsedTime(started) + delay < Budget)
            {
                if (TransientDatabaseFailure.BrokeConnections(e))
                {
                    // After a restart every idle pooled connection is dead; without this each would fail one attempt.
                    dataSource.Clear();
                }

                await Task.Delay(delay, cancellationToken);
                continue;
            }

            await using (transaction)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return result;
        }
    }
}
