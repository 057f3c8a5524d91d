namespace Monolith.Checkpoints;

/// <summary>The body of POST .../checkpoints/{checkpointId}/writes: a task's writes in order (LangGraph put_writes) and its task path.</summary>
public sealed record PutWritesBody(string? TaskId, string? Ns, string? TaskPath, IReadOnlyList<PendingWriteInput>? Writes);
