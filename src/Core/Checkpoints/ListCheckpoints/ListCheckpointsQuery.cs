namespace Monolith.Checkpoints;

/// <summary>
/// GET /api/threads/{threadId}/checkpoints?ns=&amp;before=&amp;limit=&amp;metadata=&amp;cursor= and
/// GET /api/checkpoints?threadId=&amp;ns=&amp;checkpointId=&amp;... (every thread when threadId is absent). No ns means every namespace.
/// </summary>
/// <param name="Metadata">A JSON object the checkpoint's metadata must contain (jsonb @>).</param>
public sealed record ListCheckpointsQuery(string? ThreadId, string? Ns, string? CheckpointId, string? Before, int? Limit, string? Metadata, string? Cursor) : IThreadAddressed
{
    public object WithThreadId(string threadId) => this with { ThreadId = threadId };
}
