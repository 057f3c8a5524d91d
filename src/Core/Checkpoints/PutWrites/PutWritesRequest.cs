using Microsoft.AspNetCore.Mvc;

namespace Monolith.Checkpoints;

/// <summary>POST /api/threads/{threadId}/checkpoints/{checkpointId}/writes: the address and the body.</summary>
public sealed record PutWritesRequest(string ThreadId, string CheckpointId, [FromBody] PutWritesBody Body) : IThreadAddressed
{
    public object WithThreadId(string threadId) => this with { ThreadId = threadId };
}
