namespace Monolith.Checkpoints;

/// <summary>A pending write of a task against a checkpoint (LangGraph put_writes).</summary>
public sealed class CheckpointWrite
{
    public string ThreadId { get; set; } = null!;

    public string CheckpointNs { get; set; } = string.Empty;

    public string CheckpointId { get; set; } = null!;

    public string TaskId { get; set; } = null!;

    public string TaskPath { get; set; } = string.Empty;

    public int Idx { get; set; }

    public string Channel { get; set; } = null!;

    public string? Value { get; set; }

    public DateTime CreatedAt { get; set; }
}
