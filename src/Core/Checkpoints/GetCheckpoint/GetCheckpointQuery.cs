namespace Monolith.Checkpoints;

/// <summary>GET /api/threads/{threadId}/checkpoints/{checkpointId}?ns=</summary>
public sealed record GetCheckpointQuery(string ThreadId, string CheckpointId, string? Ns) : IThreadAddressed
{
    public object WithThreadId(string threadId) => this with { ThreadId = threadId };
}
