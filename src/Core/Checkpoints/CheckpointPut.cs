namespace Monolith.Checkpoints;

/// <summary>The outcome of storing a checkpoint: whether this call created it, and the stored checkpoint.</summary>
public sealed record CheckpointPut(bool Created, CheckpointView Checkpoint);
