using System.Text.Json;

namespace Monolith.Checkpoints;

/// <summary>A checkpoint as the API shows it, with its pending writes (LangGraph's checkpoint tuple).</summary>
public sealed record CheckpointView(
    string ThreadId,
    string Ns,
    string CheckpointId,
    string? ParentId,
    JsonElement Checkpoint,
    JsonElement Metadata,
    DateTime CreatedAt,
    IReadOnlyList<PendingWriteView> PendingWrites);
