using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Monolith.Conversations;
using Monolith.Database;
using Npgsql;

namespace Monolith.Agents;

/// <summary>
/// The agents' memory of a chat, kept in the conversations module's tables: the chat's open conversation, its
/// messages with gap-free sequences, full-text recall over one user's messages, and redaction.
/// </summary>
public sealed class ConversationMemory(ConversationsDbContext db, NpgsqlDataSource dataSource)
{
    /// <summary>Marks a message the user asked to forget; its sequence stays so the conversation keeps no gap.</summary>
    public const string ForgottenText = "[forgotten]";

    public async Task<Conversation> StartOrContinueAsync(long userId, long chatId, CancellationToken cancellationToken)
    {
        var open = await db.Conversations
            .Where(c => c.UserId == userId && c.ChatId == chatId && c.Status == ConversationStatus.Open)
            .OrderByDescending(c => c.UpdatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
        {
            return open;
        }

        var conversation = new Conversation { UserId = userId, ChatId = chatId, Title = "Telegram chat " + chatId };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync(cancellationToken);
        return conversation;
    }

    /// <summary>Appends a message with the next sequence; the conversation row is locked so sequences never collide or skip.</summary>
    public async Task<Message> AppendAsync(Guid conversationId, string role, string content, JsonObject metadata, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM conversations WHERE id = {conversationId} FOR UPDATE", cancellationToken);
        var last = await db.Messages.Where(m => m.ConversationId == conversationId).MaxAsync(m => (long?)m.Sequence, cancellationToken) ?? 0;
        var message = new Message
        {
            ConversationId = conversationId,
            Sequence = last + 1,
            Role = role,
            Content = JsonbText.SanitizeText(content),
            Metadata = JsonbText.Sanitize(metadata.ToJsonString()),
        };
        db.Messages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"UPDATE conversations SET updated_at = now() WHERE id = {conversationId}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.Entry(message).State = EntityState.Detached;
        return message;
    }

    /// <summary>The last messages of a conversation, oldest first.</summary>
    public async Task<IReadOnlyList<Message>> RecentAsync(Guid conversationId, int limit, CancellationToken cancellationToken)
    {
        var newest = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId)
            .OrderByDescending(m => m.Sequence)
            .Take(limit)
            .ToListAsync(cancellationToken);
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
        search.Parameters.Add(new NpgsqlParameter { Value = excluding is { } id ? id : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
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
        var changed = await db.Database.ExecuteSqlAsync($"""
            UPDATE messages SET content = {ForgottenText}, metadata = metadata || '{"forgotten": true}'::jsonb
            WHERE conversation_id = {conversationId} AND sequence = {sequence} AND role IN ('user', 'system') AND content <> {ForgottenText}
            """, cancellationToken);
        return changed > 0;
    }

    /// <summary>Applies an edit the user made in the chat to the stored message whose metadata contains <paramref name="match"/>.</summary>
    public async Task<bool> ReviseAsync(long userId, long chatId, JsonObject match, string content, CancellationToken cancellationToken)
    {
        var filter = match.ToJsonString();
        var text = JsonbText.SanitizeText(content);
        var changed = await db.Database.ExecuteSqlAsync($"""
            UPDATE messages SET content = {text}, metadata = metadata || jsonb_build_object('editedAt', now())
            WHERE role = 'user' AND metadata @> {filter}::jsonb
              AND conversation_id IN (SELECT id FROM conversations WHERE user_id = {userId} AND chat_id = {chatId})
            """, cancellationToken);
        return changed > 0;
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
