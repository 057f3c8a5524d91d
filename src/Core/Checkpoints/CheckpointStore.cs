using System.Text.Json;
using Monolith.Audit;
using Monolith.Database;
using Npgsql;
using NpgsqlTypes;

namespace Monolith.Checkpoints;

/// <summary>
/// LangGraph checkpointer semantics over langgraph_checkpoints, checkpoint_blobs and checkpoint_writes. Checkpoint ids
/// are opaque; within a (thread, namespace) they are ordered byte-wise (the column has collation "C"), so "latest" is
/// the greatest id.
/// </summary>
public sealed class CheckpointStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Stores a checkpoint; a put of an existing id overwrites it (Created = false), as LangGraph's own savers do.
    /// Channel values with a version go to the blobs, so only what the caller sends is stored again.
    /// </summary>
    public async Task<CheckpointPut> PutAsync(
        string threadId, string ns, string checkpointId, string? parentId, JsonElement checkpoint, JsonElement? metadata, CancellationToken cancellationToken)
    {
        var data = JsonbText.Sanitize(checkpoint.GetRawText());
        var meta = metadata is { } m ? JsonbText.Sanitize(m.GetRawText()) : "{}";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var put = Command(CheckpointSql.Put, connection, threadId, ns, checkpointId, parentId, Jsonb(data), Jsonb(meta));
        await using var reader = await put.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var view = new CheckpointView(
            threadId, ns, checkpointId, parentId, JsonbText.Element(data), JsonbText.Element(meta), reader.GetDateTime(1),
            JsonSerializer.Deserialize<List<PendingWriteView>>(reader.GetString(2), JsonSerializerOptions.Web)!, null);
        return new CheckpointPut(reader.GetBoolean(0), view);
    }

    /// <summary>
    /// Stores a new checkpoint whose parent is the thread and namespace's latest (none for the first). For a writer that
    /// owns the thread and mints fresh, increasing ids (the bot's turns); a taken id fails with the unique index.
    /// </summary>
    public async Task AppendAsync(string threadId, string ns, string checkpointId, JsonElement checkpoint, JsonElement metadata, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var append = Command(
            CheckpointSql.Append, connection, threadId, ns, checkpointId,
            Jsonb(JsonbText.Sanitize(checkpoint.GetRawText())), Jsonb(JsonbText.Sanitize(metadata.GetRawText())));
        await append.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The checkpoint with this id, or the latest of the thread and namespace when checkpointId is null.</summary>
    public async Task<CheckpointView?> FindAsync(string threadId, string ns, string? checkpointId, CancellationToken cancellationToken)
    {
        var sql = CheckpointSql.Select + " WHERE c.thread_id = $1 AND c.checkpoint_ns = $2"
            + (checkpointId is null ? string.Empty : " AND c.checkpoint_id = $3")
            + " ORDER BY c.checkpoint_id DESC LIMIT 1";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = checkpointId is null
            ? Command(sql, connection, threadId, ns)
            : Command(sql, connection, threadId, ns, checkpointId);
        var rows = await ReadAsync(command, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>
    /// Checkpoints newest first (checkpoint id, then thread and namespace, descending), of one thread or of every thread,
    /// of one namespace or of all; up to limit rows after the filter's bounds.
    /// </summary>
    public async Task<IReadOnlyList<CheckpointView>> ListAsync(CheckpointFilter filter, int limit, CancellationToken cancellationToken)
    {
        var parameters = new List<object?> { limit };
        var conditions = new List<string>();
        string Next(object? value)
        {
            parameters.Add(value);
            return "$" + parameters.Count;
        }

        if (filter.ThreadId is not null)
        {
            conditions.Add($"c.thread_id = {Next(filter.ThreadId)}");
        }

        if (filter.Ns is not null)
        {
            conditions.Add($"c.checkpoint_ns = {Next(filter.Ns)}");
        }

        if (filter.CheckpointId is not null)
        {
            conditions.Add($"c.checkpoint_id = {Next(filter.CheckpointId)}");
        }

        if (filter.Before is not null)
        {
            conditions.Add($"c.checkpoint_id < {Next(filter.Before)}");
        }

        if (filter.Metadata is not null)
        {
            conditions.Add($"c.metadata @> {Next(Jsonb(JsonbText.Sanitize(filter.Metadata)))}");
        }

        if (filter.After is { } after)
        {
            conditions.Add($"(c.checkpoint_id, c.thread_id, c.checkpoint_ns) < ({Next(after.CheckpointId)}, {Next(after.ThreadId)}, {Next(after.Ns)})");
        }

        var sql = CheckpointSql.Select
            + (conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions))
            + " ORDER BY c.checkpoint_id DESC, c.thread_id DESC, c.checkpoint_ns DESC LIMIT $1";
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = Command(sql, connection, [.. parameters]);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>
    /// Stores a task's writes, whether or not their checkpoint has arrived yet. Special channels get LangGraph's fixed
    /// negative indexes and replace each other; other writes are indexed by position and the first stored one wins.
    /// </summary>
    public async Task PutWritesAsync(
        string threadId, string ns, string checkpointId, string taskId, string taskPath, IReadOnlyList<PendingWriteInput> writes, CancellationToken cancellationToken)
    {
        var indexed = PendingWriteIndex.Assign(writes);
        if (indexed.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var upsert = Command(
            CheckpointSql.PutWrites, connection, threadId, ns, checkpointId, taskId, taskPath,
            indexed.Select(w => w.Idx).ToArray(),
            indexed.Select(w => w.Channel).ToArray(),
            new NpgsqlParameter { Value = indexed.Select(w => JsonbText.Sanitize(w.Value.GetRawText())).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Deletes every checkpoint, channel value and write of the thread, in all namespaces, with its audit row in one
    /// transaction. Null (and no audit row) when the thread had nothing, so a mistyped id is visible.
    /// </summary>
    public async Task<ThreadDeletion?> DeleteThreadAsync(string threadId, string actor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var delete = Command(CheckpointSql.DeleteThread, connection, threadId);
        delete.Transaction = transaction;
        ThreadDeletion deletion;
        await using (var reader = await delete.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            deletion = new ThreadDeletion(threadId, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        }

        if (deletion.Checkpoints + deletion.Writes + deletion.ChannelValues == 0)
        {
            return null;
        }

        await AuditLog.RecordAsync(new AuditEvent("thread_delete", actor, deletion), connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deletion;
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
                JsonSerializer.Deserialize<List<PendingWriteView>>(reader.GetString(7), JsonSerializerOptions.Web)!,
                reader.IsDBNull(8) ? null : JsonSerializer.Deserialize<List<JsonElement>>(reader.GetString(8))));
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
