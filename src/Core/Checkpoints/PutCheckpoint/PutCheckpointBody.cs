using System.Text.Json;

namespace Monolith.Checkpoints;

/// <summary>
/// The body of a checkpoint put. checkpoint.channel_values holds the values of the channels whose version is new;
/// a channel listed in channel_versions but not sent is read back from the value stored earlier with that version.
/// </summary>
public sealed record PutCheckpointBody(string? ParentId, string? Ns, JsonElement Checkpoint, JsonElement? Metadata);
