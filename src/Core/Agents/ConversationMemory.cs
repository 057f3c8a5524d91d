using System.Text.Json.Nodes;
using System.Globalization;
using Monolith.Database;
using Npgsql;
using NpgsqlTypes;

namespace Monolith.Agents;

/// <summary>
/// The agents' memory of a chat, kept in the conversations module's tables: the chat's open conversation, its
/// messages with gap-free sequences, full-text recall over one user's messages, and redaction.
/// </summary>
public sealed class ConversationMemory(NpgsqlDataSource dataSource)
{
    /// <summary>Marks a message the user asked to forget; its sequence stays so the conversation keeps no gap.</summary>
    public const string ForgottenText = "[forgotten]";

    /// <summary>The newest open conversation of this user in this chat, or a new one; returns its id and metadata.</summary>
    public async Task<ChatConversation> StartOrContinueAsync(long userId, long chatId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var serialize = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('conversations:' || $1 || ':' || $2, 0))", connection, transaction))
        {
            serialize.Parameters.Add(new NpgsqlParameter<string> { TypedValue = userId.ToString(CultureInfo.InvariantCulture) });
            serialize.Parameters.Add(new NpgsqlParameter<string> { TypedValue = chatId.ToString(CultureInfo.InvariantCulture) });
            await serialize.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var find = new NpgsqlCommand("""
            WITH open AS (
                SELECT id, metadata::text FROM conversations WHERE user_id = $1 AND chat_id = $2 AND status = 'open'
                ORDER BY created_at DESC, id DESC LIMIT 1),
            created AS (
                INSERT INTO conversations (user_id, chat_id, title) SELECT $1, $2, $3 WHERE NOT EXISTS (SELECT 1 FROM open)
                RETURNING id, metadata::text)
            SELECT * FROM open UNION ALL SELECT * FROM created
            """, connection, transaction);
        find.Parameters.Add(new NpgsqlParameter<long> { TypedValue = userId });
        find.Parameters.Add(new NpgsqlParameter<long> { TypedValue = chatId });
        find.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "Telegram chat " + chatId.ToString(CultureInfo.InvariantCulture) });
        ChatConversation conversation;
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            conversation = new ChatConversation(reader.GetGuid(0), reader.GetString(1));
        }

        await transaction.CommitAsync(cancellationToken);
        return conversation;
    }

    /// <summary>Appends a message with the next sequence; the conversation row is locked so sequences never collide or skip.</summary>
    public async Task<MemoryMessage> AppendAsync(Guid conversationId, string role, string content, JsonObject metadata, CancellationToken cancellationToken)
    {
        var text = JsonbText.SanitizeText(content);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The row lock serializes appenders of this conversation; the INSERT's own snapshot then sees the latest sequence.
        await using (var lockRow = new NpgsqlCommand("UPDATE conversations SET updated_at = now() WHERE id = $1", connection, transaction))
        {
            lockRow.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = conversationId });
            if (await lockRow.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                throw new InvalidOperationException($"conversation {conversationId} does not exist");
            }
        }

        await using var append = new NpgsqlCommand("""
            INSERT INTO messages (conversation_id, sequence, role, content, metadata)
            SELECT $1, coalesce(max(sequence), 0) + 1, $2, $3, $4 FROM messages WHERE conversation_id = $1
            RETURNING id, sequence, created_at
            """, connection, transaction);
        append.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = conversationId });
        append.Parameters.Add(new NpgsqlParameter<string> { TypedValue = role });
        append.Parameters.Add(new NpgsqlParameter<string> { TypedValue = text });
        append.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JsonbText.Sanitize(metadata.ToJsonString()), NpgsqlDbType = NpgsqlDbType.Jsonb });
        MemoryMessage message;
        await using (var reader = await append.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            message = new MemoryMessage(reader.GetGuid(0), reader.GetInt64(1), role, text, reader.GetDateTime(2));
        }

        await transaction.CommitAsync(cancellationToken);
        return message;
    }

    /// <summary>The last messages of a conversation, oldest first.</summary>
    public async Task<IReadOnlyList<MemoryMessage>> RecentAsync(Guid conversationId, int limit, CancellationToken cancellationToken)
    {
        await using var recent = dataSource.CreateCommand(
            "SELECT id, sequence, role, content, created_at FROM messages WHERE conversation_id = $1 ORDER BY sequence DESC LIMIT $2");
        recent.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = conversationId });
        recent.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var reader = await recent.ExecuteReaderAsync(cancellationToken);
        var newest = new List<MemoryMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            newest.Add(new MemoryMessage(reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetDateTime(4)));
        }

        newest.Reverse();
        return newest;
    }

    /// <summary>Full-text recall over one user's messages in one chat, best first; forgotten messages never match.</summary>
    public async Task<IReadOnlyList<MemoryHit>> SearchAsync(long userId, long chatId, string query, int limit, Guid? excluding, CancellationToken cancellationToken)
    {
        await using var search = dataSource.CreateCommand("""
            WITH q AS (
                SELECT websearch_to_tsquery('simple', $3) || websearch_to_tsquery('english', $3) || websearch_to_tsquery('russian', $3) AS query)
            SELECT m.id, m.sequence, m.role, m.content, m.created_at, ts_rank(m.search_vector, q.query) AS score
            FROM messages m JOIN conversations c ON c.id = m.conversation_id, q
            WHERE c.user_id = $1 AND c.chat_id = $2 AND m.search_vector @@ q.query
              AND m.role IN ('user', 'system') AND m.id IS DISTINCT FROM $5
            ORDER BY score DESC, m.created_at DESC
            LIMIT $4
            """);
        search.Parameters.Add(new NpgsqlParameter<long> { TypedValue = userId });
        search.Parameters.Add(new NpgsqlParameter<long> { TypedValue = chatId });
        search.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JsonbText.SanitizeText(query) });
        search.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        search.Parameters.Add(new NpgsqlParameter { Value = excluding is { } id ? id : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        await using var reader = await search.ExecuteReaderAsync(cancellationToken);
        var hits = new List<MemoryHit>();
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add(new MemoryHit(reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetDateTime(4), reader.GetFloat(5)));
        }

        return hits;
    }

    /// <summary>Replaces the text of the user's own message (by its sequence in this chat's conversation) with a marker.</summary>
    public async Task<bool> ForgetAsync(Guid conversationId, long sequence, CancellationToken cancellationToken)
    {
        await using var forget = dataSource.CreateCommand("""
            UPDATE messages SET content = $3, metadata = metadata || '{"forgotten": true}'::jsonb
            WHERE conversation_id = $1 AND sequence = $2 AND role IN ('user', 'system') AND content <> $3
            """);
        forget.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = conversationId });
        forget.Parameters.Add(new NpgsqlParameter<long> { TypedValue = sequence });
        forget.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ForgottenText });
        return await forget.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Applies an edit the user made in the chat to the stored message whose metadata contains <paramref name="match"/>.</summary>
    public async Task<bool> ReviseAsync(long userId, long chatId, JsonObject match, string content, CancellationToken cancellationToken)
    {
        await using var revise = dataSource.CreateCommand("""
            UPDATE messages SET content = $4, metadata = metadata || jsonb_build_object('editedAt', now())
            WHERE role = 'user' AND metadata @> $3
              AND conversation_id IN (SELECT id FROM conversations WHERE user_id = $1 AND chat_id = $2)
            """);
        revise.Parameters.Add(new NpgsqlParameter<long> { TypedValue = userId });
        revise.Parameters.Add(new NpgsqlParameter<long> { TypedValue = chatId });
        revise.Parameters.Add(new NpgsqlParameter<string> { TypedValue = match.ToJsonString(), NpgsqlDbType = NpgsqlDbType.Jsonb });
        revise.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JsonbText.SanitizeText(content) });
        return await revise.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<UserStats> StatsAsync(long userId, CancellationToken cancellationToken)
    {
        await using var stats = dataSource.CreateCommand("""
            SELECT (SELECT count(*) FROM conversations WHERE user_id = $1),
                   (SELECT count(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.user_id = $1),
                   (SELECT count(*) FROM tool_usage u JOIN conversations c ON c.id = u.conversation_id WHERE c.user_id = $1),
                   (SELECT max(m.created_at) FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.user_id = $1)
            """);
        stats.Parameters.Add(new NpgsqlParameter<long> { TypedValue = userId });
        await using var reader = await stats.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new UserStats(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetDateTime(3));
    }
}
