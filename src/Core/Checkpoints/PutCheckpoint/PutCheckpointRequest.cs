using Microsoft.AspNetCore.Mvc;

namespace Monolith.Checkpoints;

/// <summary>PUT /api/threads/{threadId}/checkpoints/{checkpointId}: the address and the body.</summary>
public sealed record PutCheckpointRequest(string ThreadId, string CheckpointId, [FromBody] PutCheckpointBody Body) : IThreadAddressed
{
    public object WithThreadId(string threadId) => this with { ThreadId = threadId };
}
