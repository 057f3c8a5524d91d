namespace Monolith.Checkpoints;

/// <summary>GET /api/threads/{threadId}/checkpoints?ns=&amp;before=&amp;limit=&amp;metadata=&amp;cursor=</summary>
/// <param name="Metadata">A JSON object the checkpoint's metadata must contain (jsonb @>).</param>
public sealed record ListCheckpointsQuery(string ThreadId, string? Ns, string? Before, int? Limit, string? Metadata, string? Cursor);
