using System.Text.Json;
using Monolith.Audit;
using Monolith.Database;
using Monolith.Http;
using Npgsql;
using NpgsqlTypes;

namespace Monolith.Checkpoints;

/// <summary>
/// LangGraph checkpointer semantics over langgraph_checkpoints and checkpoint_writes. Checkpoint ids are opaque; within a
/// (thread, namespace) they are ordered byte-wise (the column has collation "C"), so "latest" is the greatest id.
/// </summary>
public sealed class CheckpointStore(NpgsqlDataSource dataSource)
{
    // One round trip per read: the pending writes come along as a JSON array from the writes' primary key.
    private const string SelectColumns = """
        SELECT c.thread_id, c.checkpoint_ns, c.checkpoint_id, c.parent_id, c.checkpoint::text, c.metadata::text, c.created_at,
            (SELECT coalesce(jsonb_agg(jsonb_build_object('taskId', w.task_id, 'idx', w.idx, 'channel', w.channel, 'value', coalesce(w.value, 'null'::jsonb))
                    ORDER BY w.task_id, w.idx), '[]'::jsonb)::text
             FROM checkpoint_writes w
             WHERE w.thread_id = c.thread_id AND w.checkpoint_ns = c.checkpoint_ns AND w.checkpoint_id = c.checkpoint_id)
        FROM langgraph_checkpoints c
        """;

    private const string InsertSql = """
        INSERT INTO langgraph_checkpoints (thread_id, checkpoint_ns, checkpoint_id, parent_id, checkpoint, metadata)
        VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (thread_id, checkpoint_ns, checkpoint_id) DO NOTHING
        RETURNING thread_id, checkpoint_ns, checkpoint_id, parent_id, checkpoint::text, metadata::text, created_at, '[]'
        """;

    // The parent is found inside the INSERT: one round trip, and the previous snapshot is never read back.
    private const string AppendSql = """
        INSERT INTO langgraph_checkpoints (thread_id, checkpoint_ns, checkpoint_id, parent_id, checkpoint, metadata)
        SELECT $1, $2, $3, (SELECT max(checkpoint_id) FROM langgraph_checkpoints WHERE thread_id = $1 AND checkpoint_ns = $2), $4, $5
        """;

    private const string SameContentSql = """
        SELECT parent_id IS NOT DISTINCT FROM $4 AND checkpoint = $5 AND metadata = $6
        FROM langgraph_checkpoints WHERE thread_id = $1 AND checkpoint_ns = $2 AND checkpoint_id = $3
        """;

    private const string UpsertWritesSql = """
        INSERT INTO checkpoint_writes (thread_id, checkpoint_ns, checkpoint_id, task_id, idx, channel, value)
        SELECT $1, $2, $3, $4, w.idx, w.channel, w.value FROM unnest($5::int[], $6::text[], $7::jsonb[]) AS w(idx, channel, value)
        ON CONFLICT (thread_id, checkpoint_ns, checkpoint_id, task_id, idx) DO UPDATE SET channel = EXCLUDED.channel, value = EXCLUDED.value
        """;

    /// <summary>
    /// Stores a checkpoint once. Putting the same id again with the same content is a no-op (Created = false); with
    /// different content it is a conflict, because a checkpoint id names one immutable snapshot.
    /// </summary>
    public async Task<CheckpointPut> PutAsync(
        string threadId, string ns, string checkpointId, string? parentId, JsonElement checkpoint, JsonElement? metadata, CancellationToken cancellationToken)
    {
        var data = JsonbText.Sanitize(checkpoint.GetRawText());
        var meta = metadata is { } m ? JsonbText.Sanitize(m.GetRawText()) : "{}";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var insert = Command(InsertSql, connection, threadId, ns, checkpointId, parentId, Jsonb(data), Jsonb(meta)))
        {
            var created = await ReadAsync(insert, cancellationToken);
            if (created.Count == 1)
            {
                return new CheckpointPut(true, created[0]);
            }
        }

        // A separate statement sees the row a concurrent put committed while the insert waited on it.
        await using var compare = Command(SameContentSql, connection, threadId, ns, checkpointId, parentId, Jsonb(data), Jsonb(meta));
        var same = await compare.ExecuteScalarAsync(cancellationToken);
        if (same is not bool isSame)
        {
            throw new ConflictException($"Checkpoint '{checkpointId}' of thread '{threadId}' was deleted while it was being stored; retry the put.");
        }

        if (!isSame)
        {
            throw new ConflictException(
                $"Checkpoint '{checkpointId}' of thread '{threadId}' (ns '{ns}') already exists with different content; a checkpoint id names one immutable snapshot.");
        }

        var existing = await FindAsync(connection, null, threadId, ns, checkpointId, cancellationToken)
            ?? throw new ConflictException($"Checkpoint '{checkpointId}' of thread '{threadId}' was deleted while it was being stored; retry the put.");
        return new CheckpointPut(false, existing);
    }

    /// <summary>
    /// Stores a new checkpoint whose parent is the thread and namespace's latest (none for the first). For a writer that
    /// owns the thread and mints fresh, increasing ids (the bot's turns); a taken id fails with the primary key.
    /// </summary>
    public async Task AppendAsync(string threadId, string ns, string checkpointId, JsonElement checkpoint, JsonElement metadata, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var append = Command(
            AppendSql, connection, threadId, ns, checkpointId,
            Jsonb(JsonbText.Sanitize(checkpoint.GetRawText())), Jsonb(JsonbText.Sanitize(metadata.GetRawText())));
        await append.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The checkpoint with this id, or the latest of the thread and namespace when checkpointId is null.</summary>
    public async Task<CheckpointView?> FindAsync(string threadId, string ns, string? checkpointId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await FindAsync(connection, null, threadId, ns, checkpointId, cancellationToken);
    }

    /// <summary>Checkpoints of a thread and namespace, newest first: ids below every bound in <paramref name="below"/>, metadata containing the filter; up to limit rows.</summary>
    public async Task<IReadOnlyList<CheckpointView>> ListAsync(
        string threadId, string ns, IEnumerable<string> below, string? metadataFilter, int limit, CancellationToken cancellationToken)
    {
        var parameters = new List<object?> { threadId, ns, limit };
        var sql = SelectColumns + " WHERE c.thread_id = $1 AND c.checkpoint_ns = $2";
        foreach (var bound in below)
        {
            parameters.Add(bound);
            sql += $" AND c.checkpoint_id < ${parameters.Count}";
        }

        if (metadataFilter is not null)
        {
            parameters.Add(Jsonb(JsonbText.Sanitize(metadataFilter)));
            sql += $" AND c.metadata @> ${parameters.Count}";
        }

        sql += " ORDER BY c.checkpoint_id DESC LIMIT $3";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(sql, connection, [.. parameters]);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>Upserts a task's writes (idx = position), so a retried put_writes replaces rather than duplicates. Throws NotFoundException when the checkpoint does not exist.</summary>
    public async Task<CheckpointView> PutWritesAsync(
        string threadId, string ns, string checkpointId, string taskId, IReadOnlyList<PendingWriteInput> writes, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // FOR SHARE holds off a concurrent thread deletion until these writes commit, so no write outlives its checkpoint.
        await using (var exists = Command(
            "SELECT 1 FROM langgraph_checkpoints WHERE thread_id = $1 AND checkpoint_ns = $2 AND checkpoint_id = $3 FOR SHARE",
            connection, threadId, ns, checkpointId))
        {
            exists.Transaction = transaction;
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                throw new NotFoundException($"Thread '{threadId}' has no checkpoint '{checkpointId}' in ns '{ns}'.");
            }
        }

        if (writes.Count > 0)
        {
            await using var upsert = Command(
                UpsertWritesSql, connection, threadId, ns, checkpointId, taskId,
                Enumerable.Range(0, writes.Count).ToArray(),
                writes.Select(w => w.Channel!).ToArray(),
                new NpgsqlParameter { Value = writes.Select(w => JsonbText.Sanitize(w.Value.GetRawText())).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
            upsert.Transaction = transaction;
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        var stored = await FindAsync(connection, transaction, threadId, ns, checkpointId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return stored!;
    }

    /// <summary>Deletes every checkpoint and write of the thread, in all namespaces, with its audit row in one transaction. Throws NotFoundException when the thread had nothing.</summary>
    public async Task<ThreadDeletion> DeleteThreadAsync(string threadId, string actor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Checkpoints first: that waits for writers holding FOR SHARE, and the writes deletion that follows then sees their rows.
        var checkpoints = await ExecuteAsync("DELETE FROM langgraph_checkpoints WHERE thread_id = $1", connection, transaction, threadId, cancellationToken);
        var writes = await ExecuteAsync("DELETE FROM checkpoint_writes WHERE thread_id = $1", connection, transaction, threadId, cancellationToken);
        if (checkpoints + writes == 0)
        {
            throw new NotFoundException($"Thread '{threadId}' has no checkpoints or writes.");
        }

        var deletion = new ThreadDeletion(threadId, checkpoints, writes);
        await AuditLog.RecordAsync(new AuditEvent("thread_delete", actor, deletion), connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deletion;
    }

    private static async Task<CheckpointView?> FindAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string threadId, string ns, string? checkpointId, CancellationToken cancellationToken)
    {
        var sql = SelectColumns + " WHERE c.thread_id = $1 AND c.checkpoint_ns = $2"
            + (checkpointId is null ? string.Empty : " AND c.checkpoint_id = $3")
            + " ORDER BY c.checkpoint_id DESC LIMIT 1";
        await using var command = checkpointId is null
            ? Command(sql, connection, threadId, ns)
            : Command(sql, connection, threadId, ns, checkpointId);
        command.Transaction = transaction;
        var rows = await ReadAsync(command, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    private static async Task<int> ExecuteAsync(string sql, NpgsqlConnection connection, NpgsqlTransaction transaction, string threadId, CancellationToken cancellationToken)
    {
        await using var command = Command(sql, connection, threadId);
        command.Transaction = transaction;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<CheckpointView>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<CheckpointView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new CheckpointView(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                JsonbText.Element(reader.GetString(4)),
                JsonbText.Element(reader.GetString(5)),
                reader.GetDateTime(6),
                JsonSerializer.Deserialize<List<PendingWriteView>>(reader.GetString(7), JsonSerializerOptions.Web)!));
        }

        return rows;
    }

    private static NpgsqlParameter Jsonb(string json) => new() { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb };

    private static NpgsqlCommand Command(string sql, NpgsqlConnection connection, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(value switch
            {
                NpgsqlParameter parameter => parameter,
                null => new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Varchar },
                _ => new NpgsqlParameter { Value = value },
            });
        }

        return command;
    }
}
