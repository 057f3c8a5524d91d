using System.Text.Json;

namespace Monolith.Checkpoints;

/// <summary>The body of PUT /api/threads/{threadId}/checkpoints/{checkpointId}.</summary>
public sealed record PutCheckpointBody(string? ParentId, string? Ns, JsonElement Checkpoint, JsonElement? Metadata);
