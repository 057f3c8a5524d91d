using System.Text.Json;

namespace Monolith.Checkpoints;

/// <summary>
/// A checkpoint as the API shows it, with its pending writes (LangGraph's checkpoint tuple). PendingSends is null but
/// for a checkpoint of format v &lt; 4 with a parent: the values its parent's tasks wrote to __pregel_tasks.
/// </summary>
public sealed record CheckpointView(
    string ThreadId,
    string Ns,
    string CheckpointId,
    string? ParentId,
    JsonElement Checkpoint,
    JsonElement Metadata,
    DateTime CreatedAt,
    IReadOnlyList<PendingWriteView> PendingWrites,
    IReadOnlyList<JsonElement>? PendingSends);
