namespace Monolith.Checkpoints;

/// <summary>One channel value of a thread and namespace at one version, shared by every checkpoint that names that version.</summary>
public sealed class CheckpointBlob
{
    public string ThreadId { get; set; } = null!;

    public string CheckpointNs { get; set; } = string.Empty;

    public string Channel { get; set; } = null!;

    public string Version { get; set; } = null!;

    public string Value { get; set; } = null!;
}
