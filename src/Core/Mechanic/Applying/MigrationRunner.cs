using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
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
        await SetLocalSettingsAsync(connection, transaction, cancellationToken);
        try
        {
            foreach (var (step, index) in steps.Select((s, i) => (s, i)))
            {
                await ExecuteAsync(connection, transaction, step.InTransaction ? step.Sql : PlainEquivalent(step.Sql), index, step, cancellationToken);
                await RequireIndexOnItsTableAsync(connection, transaction, index, step, cancellationToken);
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
                await SetLocalSettingsAsync(connection, transaction, cancellationToken);
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
        await SetSessionSettingsAsync(connection, cancellationToken);
        foreach (var (step, index) in steps.Select((s, i) => (s, i)).Where(s => !s.s.InTransaction))
        {
            await DropInvalidIndexesAsync(connection, table, cancellationToken);
            if (DropIndexStep().Match(step.Sql) is { Success: true } drop)
            {
                // Migrations written before the Mechanic stopped emitting them begin an index with a cleanup DROP by name.
                // The cleanup above already did its work, scoped to this table; the name alone may be another table's index.
                LogDropSkipped(logger, drop.Groups["name"].Value, table);
                continue;
            }

            try
            {
                await ExecuteConcurrentAsync(connection, table, step.Sql, index, step, cancellationToken);
            }
            catch (MigrationFailedException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.DuplicateObject })
            {
                LogAlreadyThere(logger, step.Description);
            }
            catch (MigrationFailedException e)
            {
                if (!await TryDropInvalidIndexesAsync(connection, table))
                {
                    throw new MigrationFailedException(
                        $"{e.Message}; the INVALID index it left could not be dropped yet (the same open transaction blocks that) and is dropped before the next index build on {table}",
                        e.InnerException);
                }

                throw;
            }

            await RequireIndexOnItsTableAsync(connection, null, index, step, cancellationToken);
        }

        await connection.ReloadTypesAsync(cancellationToken);
    }

    /// <summary>
    /// A concurrent statement waits for every transaction that holds a write lock on (or an older snapshot than) the
    /// build, and lock_timeout bounds each wait. A short transaction in the way is waited out: the step is tried
    /// <see cref="MaxAttempts"/> times with backoff. A transaction open longer than that is not waited for: the step
    /// fails naming the oldest open transactions, so the operator can end them and propose the index again.
    /// </summary>
    private async Task ExecuteConcurrentAsync(NpgsqlConnection connection, string table, string sql, int index, MigrationStep step, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (attempt > 1)
                {
                    // The failed try left an INVALID index under the name, which IF NOT EXISTS would take for the index.
                    await DropInvalidIndexesAsync(connection, table, cancellationToken);
                }

                await ExecuteAsync(connection, null, sql, index, step, cancellationToken);
                return;
            }
            catch (Exception e) when (IsLockTimeout(e))
            {
                if (attempt >= MaxAttempts)
                {
                    throw new MigrationFailedException(
                        $"step {index + 1} ({step.Description}) failed: 55P03 it waited longer than the lock timeout, {MaxAttempts} times: a transaction stayed open throughout; "
                        + $"oldest open transactions: {await OldestTransactionsAsync(connection)}",
                        e as PostgresException ?? e.InnerException);
                }

                LogLockRetry(logger, attempt, e.Message);
                await Task.Delay(FirstBackoff * Math.Pow(2, attempt - 1), cancellationToken);
            }
        }
    }

    private static bool IsLockTimeout(Exception e) =>
        (e as PostgresException ?? e.InnerException as PostgresException) is { SqlState: PostgresErrorCodes.LockNotAvailable };

    private static async Task<bool> TryDropInvalidIndexesAsync(NpgsqlConnection connection, string table)
    {
        try
        {
            await DropInvalidIndexesAsync(connection, table, CancellationToken.None);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return false;
        }
    }

    /// <summary>Who holds the build up: pid, age, state and application of the oldest transactions other than ours.</summary>
    private static async Task<string> OldestTransactionsAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("""
            SELECT coalesce(string_agg(format('pid %s (%s, open %s s, %s)', pid, coalesce(nullif(application_name, ''), 'no application name'),
                                              round(extract(epoch FROM now() - xact_start)), state), '; ' ORDER BY xact_start), 'none now')
            FROM (SELECT * FROM pg_stat_activity
                  WHERE xact_start IS NOT NULL AND pid <> pg_backend_pid() AND datname = current_database()
                  ORDER BY xact_start LIMIT 3) oldest
            """, connection);
        return (string)(await command.ExecuteScalarAsync(CancellationToken.None))!;
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

    /// <summary>
    /// The timeouts, and standard_conforming_strings on: the Mechanic writes every text as an escape string that reads the
    /// same either way, but a migration written before that (or SQL EF renders, such as comments) was reviewed as
    /// standard strings. Set in a command of its own, before any step is parsed, so that the server and Npgsql's
    /// statement splitter both read the steps with it on.
    /// </summary>
    private static string SettingsSql(bool local) => local
        ? "SELECT set_config('lock_timeout', $1, true), set_config('statement_timeout', $2, true), set_config('standard_conforming_strings', 'on', true)"
        : "SELECT set_config('lock_timeout', $1, false), set_config('statement_timeout', $2, false), set_config('standard_conforming_strings', 'on', false)";

    private static async Task SetLocalSettingsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(SettingsSql(local: true), connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = LockTimeout });
        command.Parameters.Add(new NpgsqlParameter { Value = StatementTimeout });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task SetSessionSettingsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // Session-level settings on a pooled connection are reset (DISCARD ALL) before its next user. These are only the
        // defaults: a generated migration's own session step (MigrationPlanner.SessionPrelude) replaces them. CREATE INDEX
        // CONCURRENTLY waits for every older transaction as a lock wait, so the default lets the statement timeout bound it.
        await using var command = new NpgsqlCommand(SettingsSql(local: false), connection);
        command.Parameters.Add(new NpgsqlParameter { Value = StatementTimeout });
        command.Parameters.Add(new NpgsqlParameter { Value = StatementTimeout });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// CREATE INDEX … IF NOT EXISTS (and the "already there" path of a retry) succeeds when any relation has the name,
    /// including another table's index; such a step counts as done only when the index is on the table it names.
    /// </summary>
    private static async Task RequireIndexOnItsTableAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, int index, MigrationStep step, CancellationToken cancellationToken)
    {
        if (CreateIndexStep().Match(step.Sql) is not { Success: true } create)
        {
            return;
        }

        await using var check = new NpgsqlCommand("""
            SELECT EXISTS (
                SELECT FROM pg_index i
                JOIN pg_class c ON c.oid = i.indexrelid
                WHERE c.relname = $1 AND c.relnamespace = current_schema()::regnamespace
                  AND i.indrelid = to_regclass(quote_ident(current_schema()) || '.' || quote_ident($2)) AND i.indisvalid)
            """, connection, transaction);
        check.Parameters.Add(new NpgsqlParameter { Value = create.Groups["name"].Value });
        check.Parameters.Add(new NpgsqlParameter { Value = create.Groups["table"].Value });
        if (await check.ExecuteScalarAsync(cancellationToken) is not true)
        {
            throw new MigrationFailedException(
                $"step {index + 1} ({step.Description}) failed: the name {create.Groups["name"].Value} is taken by an object that is not a valid index on {create.Groups["table"].Value}");
        }
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
            JOIN pg_namespace tn ON tn.oid = t.relnamespace
            WHERE NOT i.indisvalid AND t.relname = $1 AND tn.nspname = current_schema() AND n.nspname = current_schema()
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

    [GeneratedRegex(@"\ADROP INDEX CONCURRENTLY IF EXISTS (""?)(?<name>[a-z_][a-z0-9_]*)\1;\z", RegexOptions.CultureInvariant)]
    private static partial Regex DropIndexStep();

    [GeneratedRegex(@"\ACREATE INDEX CONCURRENTLY IF NOT EXISTS (""?)(?<name>[a-z_][a-z0-9_]*)\1 ON (""?)(?<table>[a-z_][a-z0-9_]*)\2 ", RegexOptions.CultureInvariant)]
    private static partial Regex CreateIndexStep();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Migration attempt {Attempt} waited too long for a lock, retrying: {Reason}")]
    private static partial void LogLockRetry(ILogger logger, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped the cleanup DROP INDEX {Index}: invalid indexes on {Table} are dropped through the catalog instead")]
    private static partial void LogDropSkipped(ILogger logger, string index, string table);

    [LoggerMessage(Level = LogLevel.Information, Message = "Already applied, skipped: {Step}")]
    private static partial void LogAlreadyThere(ILogger logger, string step);
}
