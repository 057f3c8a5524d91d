namespace Monolith.Checkpoints;

/// <summary>A LangGraph checkpoint of one thread and namespace; checkpoint ids are opaque and sort in time order.</summary>
public sealed class Checkpoint
{
    public string ThreadId { get; set; } = null!;

    public string CheckpointNs { get; set; } = string.Empty;

    public string CheckpointId { get; set; } = null!;

    public string? ParentId { get; set; }

    public string Data { get; set; } = null!;

    public string Metadata { get; set; } = "{}";

    public DateTime CreatedAt { get; set; }
}
