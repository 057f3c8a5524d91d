namespace Monolith.Checkpoints;

/// <summary>GET /api/threads/{threadId}/checkpoints/latest?ns=</summary>
public sealed record LatestCheckpointQuery(string ThreadId, string? Ns) : IThreadAddressed
{
    public object WithThreadId(string threadId) => this with { ThreadId = threadId };
}
