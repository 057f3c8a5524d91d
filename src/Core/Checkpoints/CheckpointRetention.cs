namespace Monolith.Checkpoints;

/// <summary>
/// The Checkpoints module's statements for removing surplus checkpoints; the Retention module runs them in its batches
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

    /// <summary>Dry run: what the delete above would remove keeping $1 per thread (null = policy off), as (checkpoints, writes).</summary>
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
        """;
}
