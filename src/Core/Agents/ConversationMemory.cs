using System.Text.Json;
using System.Text.Json.Nodes;
using Monolith.Conversations;
using Monolith.Database;
using Npgsql;
using NpgsqlTypes;

namespace Monolith.Agents;

/// <summary>
/// The agents' memory of a chat: the chat's conversation and its messages through the conversations module's
/// <see cref="ConversationLog"/>, plus what the bot needs beyond it: full-text recall limited to one user and chat,
/// redaction (/forget), edits and the user's counts.
/// </summary>
public sealed class ConversationMemory(ConversationLog log, NpgsqlDataSource dataSource)
{
    /// <summary>Marks a message the user asked to forget; its sequence stays so the conversation keeps no gap.</summary>
    public const string ForgottenText = "[forgotten]";

    /// <summary>The newest open conversation of this user in this chat, or a new one.</summary>
    public async Task<ChatConversation> StartOrContinueAsync(long userId, long chatId, CancellationToken cancellationToken)
    {
        var conversation = await log.StartOrContinueAsync(userId, chatId, cancellationToken);
        return new ChatConversation(conversation.Id, conversation.Metadata.GetRawText());
    }

    /// <summary>Appends a message with the conversation's next gap-free sequence.</summary>
    public async Task<MemoryMessage> AppendAsync(Guid conversationId, string role, string content, JsonObject metadata, CancellationToken cancellationToken)
    {
        var message = await log.AppendAsync(conversationId, role, content, JsonSerializer.SerializeToElement(metadata), cancellationToken);
        return new MemoryMessage(message.Id, message.Sequence, message.Role, message.Content, message.CreatedAt);
    }

    /// <summary>The last messages of a conversation, oldest first.</summary>
    public async Task<IReadOnlyList<MemoryMessage>> RecentAsync(Guid conversationId, int limit, CancellationToken cancellationToken)
    {
        var newest = await log.HistoryAsync(conversationId, null, limit, cancellationToken);
        return [.. newest.Reverse().Select(m => new MemoryMessage(m.Id, m.Sequence, m.Role, m.Content, m.CreatedAt))];
    }

    /// <summary>Full-text recall over one user's messages in one chat, best first; forgotten messages never match.</summary>
    public async Task<IReadOnlyList<MemoryHit>> SearchAsync(long userId, long chatId, string query, int limit, Guid? excluding, CancellationToken cancellationToken)
    {
        await using var search = dataSource.CreateCommand($"""
            WITH q AS (
                SELECT {FullTextLanguages.Query("$3")} AS query)
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
