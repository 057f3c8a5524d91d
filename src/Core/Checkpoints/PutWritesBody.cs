namespace Monolith.Checkpoints;

/// <summary>The body of POST .../checkpoints/{checkpointId}/writes: a task's writes in order (LangGraph put_writes).</summary>
public sealed record PutWritesBody(string? TaskId, string? Ns, IReadOnlyList<PendingWriteInput>? Writes);
