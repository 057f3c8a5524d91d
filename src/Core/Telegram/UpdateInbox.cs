using Monolith.Database;
using Npgsql;
using NpgsqlTypes;

namespace Monolith.Telegram;

/// <summary>
/// The durable side of the queue: telegram_updates remembers every update_id (so a repeat is processed once, even
/// after a restart) and keeps each accepted update's JSON until a worker marks it finished.
/// </summary>
public sealed class UpdateInbox(NpgsqlDataSource dataSource, UpdateLanes lanes)
{
    /// <summary>After this many claims an update found unfinished at start-up is given up as failed rather than retried again.</summary>
    public const int MaxAttempts = 3;

    /// <summary>Stores and queues an update unless it is a repeat or the queue is full.</summary>
    public async Task<InboxAnswer> AcceptAsync(long updateId, long chatId, string payload, long receivedAt, CancellationToken cancellationToken)
    {
        if (!lanes.TryReserve())
        {
            return InboxAnswer.Busy;
        }

        try
        {
            await using var insert = dataSource.CreateCommand(
                "INSERT INTO telegram_updates (update_id, chat_id, payload, attempts) VALUES ($1, $2, $3, 0) ON CONFLICT (update_id) DO NOTHING");
            insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = updateId });
            insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = chatId });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JsonbText.Sanitize(payload), NpgsqlDbType = NpgsqlDbType.Jsonb });
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                lanes.Release();
                return InboxAnswer.Duplicate;
            }
        }
        catch
        {
            lanes.Release();
            throw;
        }

        lanes.Enqueue(new QueuedUpdate(updateId, chatId, receivedAt));
        return InboxAnswer.Accepted;
    }

    /// <summary>Takes an update for processing: its JSON, or null when it is already finished.</summary>
    public async Task<string?> ClaimAsync(long updateId, CancellationToken cancellationToken)
    {
        await using var claim = dataSource.CreateCommand(
            "UPDATE telegram_updates SET attempts = attempts + 1 WHERE update_id = $1 AND status = 'received' RETURNING payload::text");
        claim.Parameters.Add(new NpgsqlParameter<long> { TypedValue = updateId });
        return await claim.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task FinishAsync(long updateId, string status, string? error, CancellationToken cancellationToken)
    {
        await using var finish = dataSource.CreateCommand(
            "UPDATE telegram_updates SET status = $2, error = $3, processed_at = now() WHERE update_id = $1");
        finish.Parameters.Add(new NpgsqlParameter<long> { TypedValue = updateId });
        finish.Parameters.Add(new NpgsqlParameter<string> { TypedValue = status });
        finish.Parameters.Add(new NpgsqlParameter { Value = error is null ? DBNull.Value : JsonbText.SanitizeText(error) });
        await finish.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Re-queues, in update order, what was accepted but not finished before the last stop.</summary>
    public async Task<int> ResumeAsync(CancellationToken cancellationToken)
    {
        await using (var giveUp = dataSource.CreateCommand(
            "UPDATE telegram_updates SET status = 'failed', error = 'gave up after repeated attempts', processed_at = now() WHERE status = 'received' AND attempts >= $1"))
        {
            giveUp.Parameters.Add(new NpgsqlParameter<int> { TypedValue = MaxAttempts });
            await giveUp.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var pending = dataSource.CreateCommand("SELECT update_id, chat_id FROM telegram_updates WHERE status = 'received' ORDER BY update_id");
        await using var reader = await pending.ExecuteReaderAsync(cancellationToken);
        var count = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            lanes.Resume(new QueuedUpdate(reader.GetInt64(0), reader.GetInt64(1), System.Diagnostics.Stopwatch.GetTimestamp()));
            count++;
        }

        return count;
    }
}
