namespace Monolith.Checkpoints;

/// <summary>
/// The Checkpoints module's statements for removing surplus checkpoints, writes whose checkpoint never came and channel
/// values no checkpoint names any more; the Retention module runs them in its batches
/// and transactions. "Newest" is checkpoint_id compared byte-wise, as <see cref="CheckpointStore"/> orders them.
/// </summary>
public static class CheckpointRetention
{
    /// <summary>
    /// Checkpoints beyond the newest $1 of their (thread_id, checkpoint_ns), at most $2 of them, locked with SKIP LOCKED,
    /// with their pending writes, in one statement. Returns (checkpoints, writes).
    /// </summary>
    public static string DeleteSurplusCheckpoints { get; } = """
        WITH ranked AS (
            SELECT thread_id, checkpoint_ns, checkpoint_id,
                   row_number() OVER (PARTITION BY thread_id, checkpoint_ns ORDER BY checkpoint_id COLLATE "C" DESC) AS newer
            FROM langgraph_checkpoints),
        doomed AS (
            SELECT c.thread_id, c.checkpoint_ns, c.checkpoint_id FROM langgraph_checkpoints c
            JOIN ranked r ON r.thread_id = c.thread_id AND r.checkpoint_ns = c.checkpoint_ns AND r.checkpoint_id = c.checkpoint_id
            WHERE r.newer > $1
            LIMIT $2
            FOR UPDATE OF c SKIP LOCKED),
        gone AS (
            DELETE FROM langgraph_checkpoints c USING doomed d
            WHERE c.thread_id = d.thread_id AND c.checkpoint_ns = d.checkpoint_ns AND c.checkpoint_id = d.checkpoint_id
            RETURNING c.thread_id, c.checkpoint_ns, c.checkpoint_id),
        writes AS (
            DELETE FROM checkpoint_writes w USING gone g
            WHERE w.thread_id = g.thread_id AND w.checkpoint_ns = g.checkpoint_ns AND w.checkpoint_id = g.checkpoint_id
            RETURNING 1)
        SELECT (SELECT count(*) FROM gone), (SELECT count(*) FROM writes)
        """;

    /// <summary>
    /// Pending writes created before $1 whose checkpoint does not exist, at most $2 of them (LangGraph may send writes
    /// before their checkpoint; these are the ones whose checkpoint never came, or came and was deleted).
    /// </summary>
    public static string DeleteOrphanWrites { get; } = """
        WITH doomed AS (
            SELECT w.ctid FROM checkpoint_writes w
            WHERE w.created_at < $1 AND NOT EXISTS (SELECT 1 FROM langgraph_checkpoints c
                WHERE c.thread_id = w.thread_id AND c.checkpoint_ns = w.checkpoint_ns AND c.checkpoint_id = w.checkpoint_id)
            LIMIT $2
            FOR UPDATE SKIP LOCKED)
        DELETE FROM checkpoint_writes w USING doomed d WHERE w.ctid = d.ctid
        """;

    /// <summary>
    /// Channel values ($1 per batch) that no checkpoint of their thread and namespace names in channel_versions any more.
    /// A put stores its values and its checkpoint in one statement, and the newest checkpoint of a thread (always kept)
    /// names every current version, so a value a put is about to reuse is never among these.
    /// </summary>
    public static string DeleteUnreferencedChannelValues { get; } = """
        WITH doomed AS (
            SELECT b.ctid FROM checkpoint_blobs b
            WHERE NOT EXISTS (SELECT 1 FROM langgraph_checkpoints c
                WHERE c.thread_id = b.thread_id AND c.checkpoint_ns = b.checkpoint_ns AND c.checkpoint->'channel_versions'->>b.channel = b.version)
            LIMIT $1
            FOR UPDATE SKIP LOCKED)
        DELETE FROM checkpoint_blobs b USING doomed d WHERE b.ctid = d.ctid
        """;

    /// <summary>
    /// Dry run: what the deletes above would remove keeping $1 per thread (null = policy off), as (checkpoints, writes);
    /// writes count those of surplus checkpoints and those created before $2 whose checkpoint never came.
    /// </summary>
    public static string CountSurplus { get; } = """
        WITH ranked AS (
            SELECT thread_id, checkpoint_ns, checkpoint_id,
                   row_number() OVER (PARTITION BY thread_id, checkpoint_ns ORDER BY checkpoint_id COLLATE "C" DESC) AS newer
            FROM langgraph_checkpoints
            WHERE $1::integer IS NOT NULL),
        surplus AS (
            SELECT thread_id, checkpoint_ns, checkpoint_id FROM ranked WHERE newer > $1::integer)
        SELECT
            (SELECT count(*) FROM surplus),
            (SELECT count(*) FROM checkpoint_writes w JOIN surplus s
                ON w.thread_id = s.thread_id AND w.checkpoint_ns = s.checkpoint_ns AND w.checkpoint_id = s.checkpoint_id)
            + (SELECT count(*) FROM checkpoint_writes w
               WHERE $1::integer IS NOT NULL AND w.created_at < $2 AND NOT EXISTS (SELECT 1 FROM langgraph_checkpoints c
                   WHERE c.thread_id = w.thread_id AND c.checkpoint_ns = w.checkpoint_ns AND c.checkpoint_id = w.checkpoint_id))
        """;
}
