namespace Monolith.Retention;

/// <summary>
/// Every statement retention runs, in one place. The tables belong to the Conversations and Checkpoints modules;
/// retention reads and deletes them with SQL rather than through those modules because it is a maintenance job
/// over the whole schema, like backup: it needs set-based, batched deletes the modules' APIs do not (and should
/// not) offer, and it changes no row, only removes whole rows the owning module would also consider expired.
/// A deleted message takes its search_index row (entity type "message", see Conversations.MessageIndex) with it in
/// the same statement, so search never returns a message that retention removed.
/// Each delete statement takes at most $batch rows ("LIMIT"), locks them ("SKIP LOCKED", so it never waits on a
/// row a request is using), and returns how many it removed.
/// </summary>
internal static class RetentionSql
{
    /// <summary>Messages of closed conversations not updated since $1; removed before the conversations so no cascade is unbounded.</summary>
    public const string DeleteClosedConversationMessages = """
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
    public const string DeleteClosedConversations = """
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
    public const string DeleteOldMessages = """
        WITH doomed AS (
            SELECT id FROM messages WHERE created_at < $1
            LIMIT $2
            FOR UPDATE SKIP LOCKED),
        unindexed AS (
            DELETE FROM search_index s USING doomed d WHERE s.entity_type = 'message' AND s.entity_id = d.id)
        DELETE FROM messages m USING doomed d WHERE m.id = d.id
        """;

    /// <summary>
    /// Checkpoints beyond the newest $1 of their (thread_id, checkpoint_ns), newest by checkpoint_id compared byte-wise
    /// as the Checkpoints module orders them, with their pending writes, in one statement. Returns (checkpoints, writes).
    /// </summary>
    public const string DeleteSurplusCheckpoints = """
        WITH ranked AS (
            SELECT id, row_number() OVER (PARTITION BY thread_id, checkpoint_ns ORDER BY checkpoint_id COLLATE "C" DESC) AS newer
            FROM langgraph_checkpoints),
        doomed AS (
            SELECT c.id FROM langgraph_checkpoints c JOIN ranked r ON r.id = c.id
            WHERE r.newer > $1
            LIMIT $2
            FOR UPDATE OF c SKIP LOCKED),
        gone AS (
            DELETE FROM langgraph_checkpoints c USING doomed d WHERE c.id = d.id
            RETURNING c.thread_id, c.checkpoint_ns, c.checkpoint_id),
        writes AS (
            DELETE FROM checkpoint_writes w USING gone g
            WHERE w.thread_id = g.thread_id AND w.checkpoint_ns = g.checkpoint_ns AND w.checkpoint_id = g.checkpoint_id
            RETURNING 1)
        SELECT (SELECT count(*) FROM gone), (SELECT count(*) FROM writes)
        """;

    /// <summary>Dry run: what the statements above would delete, with the same cut-offs ($1 messages, $2 closed conversations, $3 checkpoints to keep; null = policy off).</summary>
    public const string CountAll = """
        WITH closed AS (
            SELECT id FROM conversations WHERE $2::timestamptz IS NOT NULL AND status = 'closed' AND updated_at < $2::timestamptz),
        ranked AS (
            SELECT thread_id, checkpoint_ns, checkpoint_id,
                   row_number() OVER (PARTITION BY thread_id, checkpoint_ns ORDER BY checkpoint_id COLLATE "C" DESC) AS newer
            FROM langgraph_checkpoints
            WHERE $3::integer IS NOT NULL),
        surplus AS (
            SELECT thread_id, checkpoint_ns, checkpoint_id FROM ranked WHERE newer > $3::integer)
        SELECT
            (SELECT count(*) FROM messages m
             WHERE $1::timestamptz IS NOT NULL AND m.created_at < $1::timestamptz AND m.conversation_id NOT IN (SELECT id FROM closed)),
            (SELECT count(*) FROM closed),
            (SELECT count(*) FROM messages m WHERE m.conversation_id IN (SELECT id FROM closed)),
            (SELECT count(*) FROM surplus),
            (SELECT count(*) FROM checkpoint_writes w JOIN surplus s
                ON w.thread_id = s.thread_id AND w.checkpoint_ns = s.checkpoint_ns AND w.checkpoint_id = s.checkpoint_id)
        """;

    public const string TryLock = "SELECT pg_try_advisory_lock($1)";

    public const string Unlock = "SELECT pg_advisory_unlock($1)";

    public const string Now = "SELECT now()";
}
