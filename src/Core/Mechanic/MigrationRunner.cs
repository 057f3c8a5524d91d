using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Monolith.Mechanic.Authoring;
using Npgsql;

namespace Monolith.Mechanic;

/// <summary>
/// Runs a migration's steps with NpgsqlCommand as written (never ExecuteSqlRaw, which would read braces as format items):
/// the dry run in a rolled-back transaction, the transactional steps in one transaction with the history row,
/// then the steps PostgreSQL refuses inside a transaction.
/// </summary>
public sealed partial class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger)
{
    private const int MaxAttempts = 4;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a step without its own prelude waits for a table lock before the attempt gives up (and is retried).</summary>
    private const string LockTimeout = "3s";

    private const string StatementTimeout = "120s";

    /// <summary>
    /// Proves the steps apply to the real database, then rolls everything back. Steps that cannot run in a transaction
    /// (CREATE INDEX CONCURRENTLY) are tried as their plain equivalent (CREATE INDEX), which checks the same things.
    /// </summary>
    /// <returns>Null when every step applied, else the error.</returns>
    public async Task<string?> DryRunAsync(IReadOnlyList<MigrationStep> steps, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await SetLocalTimeoutsAsync(connection, transaction, cancellationToken);
        try
        {
            foreach (var (step, index) in steps.Select((s, i) => (s, i)))
            {
                await ExecuteAsync(connection, transaction, step.InTransaction ? step.Sql : PlainEquivalent(step.Sql), index, step, cancellationToken);
            }

            return null;
        }
        catch (MigrationFailedException e)
        {
            return e.Message;
        }
        finally
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// Runs the transactional steps and <paramref name="record"/> in one transaction, so the DDL and its history row
    /// commit together. A lock timeout (55P03) rolls back and retries with backoff, a bounded number of times.
    /// </summary>
    public async Task ApplyTransactionalAsync(
        IReadOnlyList<MigrationStep> steps, Func<NpgsqlConnection, NpgsqlTransaction, Task> record, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                await SetLocalTimeoutsAsync(connection, transaction, cancellationToken);
                foreach (var (step, index) in steps.Select((s, i) => (s, i)).Where(s => s.s.InTransaction))
                {
                    await ExecuteAsync(connection, transaction, step.Sql, index, step, cancellationToken);
                }

                await record(connection, transaction);
                await transaction.CommitAsync(cancellationToken);
                await connection.ReloadTypesAsync(cancellationToken);
                return;
            }
            catch (MigrationFailedException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable } && attempt < MaxAttempts)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                LogLockRetry(logger, attempt, e.Message);
                await Task.Delay(FirstBackoff * Math.Pow(2, attempt - 1), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Runs the steps that must not be in a transaction. Before each, an INVALID index an interrupted run left on the
    /// table is dropped; when a step fails, the INVALID index it left is dropped and it throws. An index that already
    /// exists counts as built, so recovery can run these again.
    /// </summary>
    public async Task ApplyNonTransactionalAsync(IReadOnlyList<MigrationStep> steps, string table, CancellationToken cancellationToken)
    {
        if (steps.All(s => s.InTransaction))
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await SetSessionTimeoutsAsync(connection, cancellationToken);
        foreach (var (step, index) in steps.Select((s, i) => (s, i)).Where(s => !s.s.InTransaction))
        {
            await DropInvalidIndexesAsync(connection, table, cancellationToken);
            try
            {
                await ExecuteAsync(connection, null, step.Sql, index, step, cancellationToken);
            }
            catch (MigrationFailedException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.DuplicateObject })
            {
                LogAlreadyThere(logger, step.Description);
            }
            catch (MigrationFailedException)
            {
                if (step.CleanupSql is not null)
                {
                    await using var cleanup = new NpgsqlCommand(step.CleanupSql, connection);
                    await cleanup.ExecuteNonQueryAsync(CancellationToken.None);
                }

                await DropInvalidIndexesAsync(connection, table, CancellationToken.None);
                throw;
            }
        }

        await connection.ReloadTypesAsync(cancellationToken);
    }

    /// <summary>The plain form of a statement written with CONCURRENTLY, for the dry run inside a transaction.</summary>
    public static string PlainEquivalent(string sql) => ConcurrentlyWord().Replace(sql, " ");

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, int index, MigrationStep step, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e)
        {
            throw new MigrationFailedException($"step {index + 1} ({step.Description}) failed: {e.SqlState} {e.MessageText}", e);
        }
    }

    private static async Task SetLocalTimeoutsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT set_config('lock_timeout', $1, true), set_config('statement_timeout', $2, true)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = LockTimeout });
        command.Parameters.Add(new NpgsqlParameter { Value = StatementTimeout });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task SetSessionTimeoutsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // Session-level settings on a pooled connection are reset (DISCARD ALL) before its next user. These are only the
        // defaults: a generated migration's own session step (MigrationPlanner.SessionPrelude) replaces them. CREATE INDEX
        // CONCURRENTLY waits for every older transaction as a lock wait, so the default lets the statement timeout bound it.
        await using var command = new NpgsqlCommand("SELECT set_config('lock_timeout', $1, false), set_config('statement_timeout', $2, false)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = StatementTimeout });
        command.Parameters.Add(new NpgsqlParameter { Value = StatementTimeout });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task DropInvalidIndexesAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        var invalid = new List<string>();
        await using (var find = new NpgsqlCommand("""
            SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname)
            FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid
            JOIN pg_class t ON t.oid = i.indrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT i.indisvalid AND t.relname = $1 AND n.nspname = current_schema()
            """, connection))
        {
            find.Parameters.Add(new NpgsqlParameter { Value = table });
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                invalid.Add(reader.GetString(0));
            }
        }

        foreach (var index in invalid)
        {
            // The name comes from the catalog, already quoted by quote_ident.
            await using var drop = new NpgsqlCommand($"DROP INDEX CONCURRENTLY IF EXISTS {index}", connection);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    [GeneratedRegex(@"\s+CONCURRENTLY\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConcurrentlyWord();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Migration attempt {Attempt} waited too long for a lock, retrying: {Reason}")]
    private static partial void LogLockRetry(ILogger logger, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Already applied, skipped: {Step}")]
    private static partial void LogAlreadyThere(ILogger logger, string step);
}
