namespace Monolith.Conversations;

/// <summary>
/// The Conversations module's statements for removing expired rows; the Retention module runs them in its batches and
/// transactions. A deleted message takes its search_index row (entity type "message", see <see cref="MessageIndex"/>)
/// with it in the same statement, so search never returns a message that is gone. Each delete takes at most $2 rows
/// ("LIMIT"), locks them ("SKIP LOCKED", so it never waits on a row a request is using), and reports how many it removed.
/// </summary>
public static class ConversationRetention
{
    /// <summary>Messages of closed conversations not updated since $1; removed before the conversations so no cascade is unbounded.</summary>
    public static string DeleteClosedConversationMessages { get; } = """
        WITH doomed AS (
            SELECT m.id FROM messages m JOIN conversations c ON c.id = m.conversation_id
            WHERE c.status = 'closed' AND c.updated_at < $1
            LIMIT $2
            FOR UPDATE OF m SKIP LOCKED),
        unindexed AS (
            DELETE FROM search_index s USING doomed d WHERE s.entity_type = 'message' AND s.entity_id = d.id)
        DELETE FROM messages m USING doomed d WHERE m.id = d.id
        """;

    /// <summary>Closed conversations not updated since $1; the FK cascade removes a message that arrived meanwhile.</summary>
    public static string DeleteClosedConversations { get; } = """
        WITH doomed AS (
            SELECT id FROM conversations
            WHERE status = 'closed' AND updated_at < $1
            LIMIT $2
            FOR UPDATE SKIP LOCKED),
        unindexed AS (
            DELETE FROM search_index s USING messages m, doomed d
            WHERE m.conversation_id = d.id AND s.entity_type = 'message' AND s.entity_id = m.id)
        DELETE FROM conversations c USING doomed d WHERE c.id = d.id
        """;

    /// <summary>Messages created before $1.</summary>
    public static string DeleteOldMessages { get; } = """
        WITH doomed AS (
            SELECT id FROM messages WHERE created_at < $1
            LIMIT $2
            FOR UPDATE SKIP LOCKED),
        unindexed AS (
            DELETE FROM search_index s USING doomed d WHERE s.entity_type = 'message' AND s.entity_id = d.id)
        DELETE FROM messages m USING doomed d WHERE m.id = d.id
        """;

    /// <summary>
    /// Dry run: what the deletes above would remove with the same cut-offs ($1 messages, $2 closed conversations; null =
    /// policy off), as (old messages outside closed conversations, closed conversations, their messages).
    /// </summary>
    public static string CountExpired { get; } = """
        WITH closed AS (
            SELECT id FROM conversations WHERE $2::timestamptz IS NOT NULL AND status = 'closed' AND updated_at < $2::timestamptz)
        SELECT
            (SELECT count(*) FROM messages m
             WHERE $1::timestamptz IS NOT NULL AND m.created_at < $1::timestamptz AND m.conversation_id NOT IN (SELECT id FROM closed)),
            (SELECT count(*) FROM closed),
            (SELECT count(*) FROM messages m WHERE m.conversation_id IN (SELECT id FROM closed))
        """;
}
