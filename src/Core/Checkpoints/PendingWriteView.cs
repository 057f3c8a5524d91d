using System.Text.Json;

namespace Monolith.Checkpoints;

/// <summary>
/// One pending write of a task against a checkpoint: idx is its position in the task's writes, or LangGraph's fixed
/// negative index of a special channel; taskPath is the path LangGraph sent ("" when none).
/// </summary>
public sealed record PendingWriteView(string TaskId, int Idx, string Channel, JsonElement Value, string TaskPath);
