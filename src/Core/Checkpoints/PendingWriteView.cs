using System.Text.Json;

namespace Monolith.Checkpoints;

/// <summary>One pending write of a task against a checkpoint; idx is its position in the task's writes.</summary>
public sealed record PendingWriteView(string TaskId, int Idx, string Channel, JsonElement Value);
