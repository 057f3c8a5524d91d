namespace Monolith.Checkpoints;

/// <summary>GET /api/threads/{threadId}/checkpoints/{checkpointId}?ns=</summary>
public sealed record CheckpointQuery(string ThreadId, string CheckpointId, string? Ns);
