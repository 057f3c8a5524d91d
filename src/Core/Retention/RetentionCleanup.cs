using System.Diagnostics;
using System.Globalization;
using Monolith.Audit;
using Monolith.Checkpoints;
using Monolith.Conversations;
using Npgsql;
using NpgsqlTypes;

namespace Monolith.Retention;

/// <summary>
/// Applies the retention policies: the only place rows are hard-deleted besides the admin thread delete. The owning
/// modules write the statements (<see cref="ConversationRetention"/>, <see cref="CheckpointRetention"/>); retention runs them.
/// Deletes run in batches of RETENTION_BATCH_SIZE rows, one transaction each, so a large cleanup never holds long
/// locks or writes one huge transaction; a crash between batches loses nothing but the rest of the run.
/// One cleanup at a time across processes (session advisory lock <see cref="AdvisoryLockKey"/>). Every run is audited as "cleanup".
/// </summary>
public sealed class RetentionCleanup(RetentionSettings settings, NpgsqlDataSource dataSource, AuditLog audit)
{
    public const string AuditAction = "cleanup";

    /// <summary>The bigint behind pg_try_advisory_lock: the ASCII bytes of "MONORETE".</summary>
    public const long AdvisoryLockKey = 5_570_757_366_670_251_077;

    /// <summary>A batch never waits on row locks (SKIP LOCKED), but ranking a large checkpoint table can take longer than Npgsql's default 30 s.</summary>
    private const int StatementTimeoutSeconds = 600;

    public async Task<CleanupReport> RunAsync(CleanupRequest request, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (!settings.AnyPolicy)
        {
            request.Progress?.Report("no retention policy is configured (RETENTION_MESSAGES_DAYS, RETENTION_CLOSED_CONVERSATIONS_DAYS, RETENTION_CHECKPOINTS_PER_THREAD): nothing to do");
            return new CleanupReport(CleanupOutcome.NothingConfigured, request.DryRun, CleanupCounts.None, clock.Elapsed, null);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // A dry run deletes nothing, so it needs no lock and can run beside a real cleanup.
        var locked = false;
        if (!request.DryRun)
        {
            locked = await ScalarAsync<bool>(connection, RetentionSql.TryLock, cancellationToken, AdvisoryLockKey);
            if (!locked)
            {
                request.Progress?.Report($"another cleanup is running (advisory lock {AdvisoryLockKey} is held): skipped");
                return new CleanupReport(CleanupOutcome.AlreadyRunning, false, CleanupCounts.None, clock.Elapsed, null);
            }
        }

        var run = new Run(settings, connection, request.Progress);
        try
        {
            var now = await ScalarAsync<DateTime>(connection, RetentionSql.Now, cancellationToken);
            var messagesBefore = settings.MessagesDays is { } m ? now.AddDays(-m) : (DateTime?)null;
            var closedBefore = settings.ClosedConversationsDays is { } c ? now.AddDays(-c) : (DateTime?)null;
            if (request.DryRun)
            {
                await run.CountAsync(messagesBefore, closedBefore, cancellationToken);
            }
            else
            {
                await run.DeleteAsync(messagesBefore, closedBefore, cancellationToken);
            }

            var auditId = await audit.RecordAsync(new AuditEvent(AuditAction, request.Actor, Details(request, run.Counts, clock, null)), CancellationToken.None);
            return new CleanupReport(CleanupOutcome.Completed, request.DryRun, run.Counts, clock.Elapsed, auditId);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException)
        {
            var reason = e is OperationCanceledException ? "cancelled" : e.Message;
            await TryRecordFailureAsync(new AuditEvent(AuditAction, request.Actor, Details(request, run.Counts, clock, reason), AuditEvent.Failure));
            throw;
        }
        finally
        {
            if (locked)
            {
                await UnlockAsync(connection);
            }
        }
    }

    /// <summary>Releases the lock for the next run; a broken connection ends its session, which releases it too.</summary>
    private static async Task UnlockAsync(NpgsqlConnection connection)
    {
        try
        {
            await ScalarAsync<bool>(connection, RetentionSql.Unlock, CancellationToken.None, AdvisoryLockKey);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // Closing the broken connection below ends the session, and PostgreSQL drops its advisory locks.
        }
    }

    private object Details(CleanupRequest request, CleanupCounts counts, Stopwatch clock, string? error) => new
    {
        dryRun = request.DryRun,
        counts = new { counts.Messages, counts.Conversations, counts.ConversationMessages, counts.Checkpoints, counts.CheckpointWrites },
        settings = new { settings.MessagesDays, settings.ClosedConversationsDays, settings.CheckpointsPerThread, settings.BatchSize },
        durationMs = clock.ElapsedMilliseconds,
        error,
    };

    private async Task TryRecordFailureAsync(AuditEvent failure)
    {
        try
        {
            await audit.RecordAsync(failure, CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The database the cleanup failed on may be the reason the audit row cannot be written either.
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The state of one run: its connection, and the counts so far (so a failed run audits what it did delete).</summary>
    private sealed class Run(RetentionSettings settings, NpgsqlConnection connection, IProgress<string>? progress)
    {
        public CleanupCounts Counts { get; private set; } = CleanupCounts.None;

        /// <summary>Both owners' counts in one read-only snapshot, so they describe the same moment.</summary>
        public async Task CountAsync(DateTime? messagesBefore, DateTime? closedBefore, CancellationToken cancellationToken)
        {
            await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            long messages, conversations, conversationMessages, checkpoints, writes;
            await using (var command = new NpgsqlCommand(ConversationRetention.CountExpired, connection, transaction) { CommandTimeout = StatementTimeoutSeconds })
            {
                command.Parameters.Add(new NpgsqlParameter { Value = (object?)messagesBefore ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                command.Parameters.Add(new NpgsqlParameter { Value = (object?)closedBefore ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                (messages, conversations, conversationMessages) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
            }

            await using (var command = new NpgsqlCommand(CheckpointRetention.CountSurplus, connection, transaction) { CommandTimeout = StatementTimeoutSeconds })
            {
                command.Parameters.Add(new NpgsqlParameter { Value = (object?)settings.CheckpointsPerThread ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                (checkpoints, writes) = (reader.GetInt64(0), reader.GetInt64(1));
            }

            await transaction.CommitAsync(cancellationToken);
            Counts = new CleanupCounts(messages, conversations, conversationMessages, checkpoints, writes);
            Report("messages", Counts.Messages, settings.MessagesDays is not null, "would delete");
            Report("closed conversations", Counts.Conversations, closedBefore is not null, "would delete");
            Report("messages of closed conversations", Counts.ConversationMessages, closedBefore is not null, "would delete");
            Report("checkpoints", Counts.Checkpoints, settings.CheckpointsPerThread is not null, "would delete");
            Report("checkpoint writes", Counts.CheckpointWrites, settings.CheckpointsPerThread is not null, "would delete");
        }

        /// <summary>Closed conversations first, so the messages policy does not count their messages again.</summary>
        public async Task DeleteAsync(DateTime? messagesBefore, DateTime? closedBefore, CancellationToken cancellationToken)
        {
            if (closedBefore is { } closed)
            {
                await DeleteInBatchesAsync(
                    "messages of closed conversations", ConversationRetention.DeleteClosedConversationMessages, closed,
                    (counts, deleted) => counts with { ConversationMessages = counts.ConversationMessages + deleted }, cancellationToken);
                await DeleteInBatchesAsync(
                    "closed conversations", ConversationRetention.DeleteClosedConversations, closed,
                    (counts, deleted) => counts with { Conversations = counts.Conversations + deleted }, cancellationToken);
            }

            if (messagesBefore is { } before)
            {
                await DeleteInBatchesAsync(
                    "messages", ConversationRetention.DeleteOldMessages, before,
                    (counts, deleted) => counts with { Messages = counts.Messages + deleted }, cancellationToken);
            }

            if (settings.CheckpointsPerThread is { } keep)
            {
                await DeleteCheckpointsAsync(keep, cancellationToken);
            }
        }

        /// <param name="add">Adds a committed batch to <see cref="Counts"/> at once, so a run that fails later still audits it.</param>
        private async Task DeleteInBatchesAsync(string kind, string sql, DateTime before, Func<CleanupCounts, long, CleanupCounts> add, CancellationToken cancellationToken)
        {
            long total = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = StatementTimeoutSeconds };
                command.Parameters.Add(new NpgsqlParameter { Value = before, NpgsqlDbType = NpgsqlDbType.TimestampTz });
                command.Parameters.Add(new NpgsqlParameter { Value = settings.BatchSize });
                var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                Counts = add(Counts, deleted);
                total += deleted;
                if (deleted > 0)
                {
                    Report(kind, total, true, "deleted");
                }

                if (deleted < settings.BatchSize)
                {
                    return;
                }
            }
        }

        private async Task DeleteCheckpointsAsync(int keep, CancellationToken cancellationToken)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using var command = new NpgsqlCommand(CheckpointRetention.DeleteSurplusCheckpoints, connection, transaction) { CommandTimeout = StatementTimeoutSeconds };
                command.Parameters.Add(new NpgsqlParameter { Value = keep });
                command.Parameters.Add(new NpgsqlParameter { Value = settings.BatchSize });
                long checkpoints, writes;
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
                {
                    await reader.ReadAsync(cancellationToken);
                    (checkpoints, writes) = (reader.GetInt64(0), reader.GetInt64(1));
                }

                await transaction.CommitAsync(cancellationToken);
                Counts = Counts with { Checkpoints = Counts.Checkpoints + checkpoints, CheckpointWrites = Counts.CheckpointWrites + writes };
                if (checkpoints > 0)
                {
                    Report("checkpoints", Counts.Checkpoints, true, "deleted");
                    Report("checkpoint writes", Counts.CheckpointWrites, true, "deleted");
                }

                if (checkpoints < settings.BatchSize)
                {
                    return;
                }
            }
        }

        private void Report(string kind, long count, bool enabled, string verb) =>
            progress?.Report(enabled
                ? string.Create(CultureInfo.InvariantCulture, $"{kind}: {verb} {count:N0}")
                : $"{kind}: policy off");
    }
}
