using System.Text.Json;

namespace Monolith.Checkpoints;

/// <summary>One write a task sends: the channel and any JSON value (null included).</summary>
public sealed record PendingWriteInput(string? Channel, JsonElement Value);
