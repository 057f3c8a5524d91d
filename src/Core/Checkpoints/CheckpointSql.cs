namespace Monolith.Checkpoints;

/// <summary>
/// Every statement the checkpoint store runs. A checkpoint's channel values live in checkpoint_blobs, once per
/// (thread, ns, channel, version), as LangGraph's Postgres saver keeps them: a put moves each value whose channel has a
/// version in channel_versions into a blob (an existing blob of that version is kept), and a read puts the blobs named
/// by channel_versions back into channel_values. Values without a version stay inline in the checkpoint row, and an
/// inline value wins over a blob (rows written before the blobs existed keep what they held).
/// </summary>
internal static class CheckpointSql
{
    /// <summary>channel_versions or channel_values of the checkpoint as an object; anything else counts as empty.</summary>
    private const string VersionsOf = "CASE WHEN jsonb_typeof(c.checkpoint->'channel_versions') = 'object' THEN c.checkpoint->'channel_versions' ELSE '{}' END";

    /// <summary>
    /// Columns of a checkpoint read, in one round trip: the row with checkpoint.id from the key and its channel values
    /// reassembled from the blobs, and its
    /// pending writes as a JSON array in LangGraph's replay order (task_path, task_id, idx; text compared by code point),
    /// and for a checkpoint of format v &lt; 4 the sends its parent's tasks wrote (__pregel_tasks), which that format kept
    /// outside the checkpoint and LangGraph reads into channel_values.
    /// </summary>
    public const string Select = $$"""
        SELECT c.thread_id, c.checkpoint_ns, c.checkpoint_id, c.parent_id,
            (CASE WHEN c.checkpoint ? 'id' THEN x.checkpoint ELSE jsonb_set(x.checkpoint, '{id}', to_jsonb(c.checkpoint_id)) END)::text,
            c.metadata::text, c.created_at,
            (SELECT coalesce(jsonb_agg(jsonb_build_object('taskId', w.task_id, 'idx', w.idx, 'channel', w.channel, 'value', coalesce(w.value, 'null'::jsonb), 'taskPath', w.task_path)
                    ORDER BY w.task_path COLLATE "C", w.task_id COLLATE "C", w.idx), '[]'::jsonb)::text
             FROM checkpoint_writes w
             WHERE w.thread_id = c.thread_id AND w.checkpoint_ns = c.checkpoint_ns AND w.checkpoint_id = c.checkpoint_id),
            CASE WHEN c.parent_id IS NOT NULL AND jsonb_typeof(c.checkpoint->'v') = 'number' THEN
                CASE WHEN (c.checkpoint->'v')::numeric < 4 THEN
                    (SELECT coalesce(jsonb_agg(coalesce(s.value, 'null'::jsonb) ORDER BY s.task_path COLLATE "C", s.task_id COLLATE "C", s.idx), '[]'::jsonb)::text
                     FROM checkpoint_writes s
                     WHERE s.thread_id = c.thread_id AND s.checkpoint_ns = c.checkpoint_ns AND s.checkpoint_id = c.parent_id AND s.channel = '__pregel_tasks')
                END
            END
        FROM langgraph_checkpoints c
        LEFT JOIN LATERAL (
            SELECT jsonb_object_agg(bl.channel, bl.value) AS vals
            FROM jsonb_each_text({{VersionsOf}}) v(channel, version)
            JOIN checkpoint_blobs bl ON bl.thread_id = c.thread_id AND bl.checkpoint_ns = c.checkpoint_ns AND bl.channel = v.channel AND bl.version = v.version
        ) b ON true
        CROSS JOIN LATERAL (
            SELECT CASE WHEN b.vals IS NULL OR jsonb_typeof(coalesce(c.checkpoint->'channel_values', '{}')) <> 'object' THEN c.checkpoint
                        ELSE jsonb_set(c.checkpoint, '{channel_values}', b.vals || coalesce(c.checkpoint->'channel_values', '{}')) END AS checkpoint
        ) x
        """;

    /// <summary>
    /// Stores a checkpoint ($1 thread, $2 ns, $3 id, $4 parent, $5 checkpoint, $6 metadata) and its versioned channel
    /// values in one statement; channel_values leaves the row when every value moved, and checkpoint.id (the validator
    /// made sure it equals $3) is kept once, in the key. A put of an existing id overwrites
    /// it, as LangGraph's savers do. Blobs are inserted in
    /// key order (jsonb_each), so concurrent puts of the same values never deadlock. Returns whether the row is new,
    /// its creation time and the writes that arrived for it already.
    /// </summary>
    public const string Put = """
        WITH input AS (SELECT $5::jsonb AS cp),
        versions AS (
            SELECT v.key AS channel, v.value AS version FROM input,
                jsonb_each_text(CASE WHEN jsonb_typeof(cp->'channel_versions') = 'object' THEN cp->'channel_versions' ELSE '{}' END) v),
        moved AS (
            SELECT e.key AS channel, versions.version, e.value FROM input,
                jsonb_each(CASE WHEN jsonb_typeof(cp->'channel_values') = 'object' THEN cp->'channel_values' ELSE '{}' END) e
            JOIN versions ON versions.channel = e.key),
        blobs AS (
            INSERT INTO checkpoint_blobs (thread_id, checkpoint_ns, channel, version, value)
            SELECT $1, $2, channel, version, value FROM moved
            ON CONFLICT (thread_id, checkpoint_ns, channel, version) DO NOTHING),
        upsert AS (
            INSERT INTO langgraph_checkpoints (thread_id, checkpoint_ns, checkpoint_id, parent_id, checkpoint, metadata)
            SELECT $1, $2, $3, $4,
                CASE WHEN NOT EXISTS (SELECT 1 FROM moved) THEN cp
                     WHEN (cp->'channel_values') - ARRAY(SELECT channel FROM moved) = '{}' THEN cp - 'channel_values'
                     ELSE jsonb_set(cp, '{channel_values}', (cp->'channel_values') - ARRAY(SELECT channel FROM moved)) END - 'id',
                $6
            FROM input
            ON CONFLICT (thread_id, checkpoint_ns, checkpoint_id)
                DO UPDATE SET parent_id = EXCLUDED.parent_id, checkpoint = EXCLUDED.checkpoint, metadata = EXCLUDED.metadata
            RETURNING xmax = 0 AS created, created_at)
        SELECT u.created, u.created_at,
            (SELECT coalesce(jsonb_agg(jsonb_build_object('taskId', w.task_id, 'idx', w.idx, 'channel', w.channel, 'value', coalesce(w.value, 'null'::jsonb), 'taskPath', w.task_path)
                    ORDER BY w.task_path COLLATE "C", w.task_id COLLATE "C", w.idx), '[]'::jsonb)::text
             FROM checkpoint_writes w WHERE w.thread_id = $1 AND w.checkpoint_ns = $2 AND w.checkpoint_id = $3)
        FROM upsert u
        """;

    /// <summary>The parent is found inside the INSERT: one round trip, and the previous snapshot is never read back.</summary>
    public const string Append = """
        INSERT INTO langgraph_checkpoints (thread_id, checkpoint_ns, checkpoint_id, parent_id, checkpoint, metadata)
        SELECT $1, $2, $3, (SELECT max(checkpoint_id) FROM langgraph_checkpoints WHERE thread_id = $1 AND checkpoint_ns = $2), $4, $5
        """;

    /// <summary>
    /// A task's writes ($1 thread, $2 ns, $3 checkpoint, $4 task, $5 task path; idx, channel, value arrays). No check that
    /// the checkpoint exists: LangGraph sends writes while the put of their checkpoint may still be on its way.
    /// Special channels (negative idx) replace the stored write; an ordinary write keeps the first one stored, so a
    /// retried task does not change what its first attempt wrote.
    /// </summary>
    public const string PutWrites = """
        INSERT INTO checkpoint_writes (thread_id, checkpoint_ns, checkpoint_id, task_id, task_path, idx, channel, value)
        SELECT $1, $2, $3, $4, $5, w.idx, w.channel, w.value FROM unnest($6::int[], $7::text[], $8::jsonb[]) AS w(idx, channel, value)
        ON CONFLICT (thread_id, checkpoint_ns, checkpoint_id, task_id, idx)
            DO UPDATE SET channel = EXCLUDED.channel, value = EXCLUDED.value, task_path = EXCLUDED.task_path
            WHERE checkpoint_writes.idx < 0
        """;

    /// <summary>Checkpoints first, so a count of 0 everywhere means the thread had nothing.</summary>
    public const string DeleteThread = """
        WITH checkpoints AS (DELETE FROM langgraph_checkpoints WHERE thread_id = $1 RETURNING 1),
        writes AS (DELETE FROM checkpoint_writes WHERE thread_id = $1 RETURNING 1),
        blobs AS (DELETE FROM checkpoint_blobs WHERE thread_id = $1 RETURNING 1)
        SELECT (SELECT count(*) FROM checkpoints), (SELECT count(*) FROM writes), (SELECT count(*) FROM blobs)
        """;
}
