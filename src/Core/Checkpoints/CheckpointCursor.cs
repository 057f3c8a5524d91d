namespace Monolith.Checkpoints;

/// <summary>The sort key of the last checkpoint of a list page: lists order by checkpoint id, thread, namespace, descending.</summary>
public sealed record CheckpointCursor(string CheckpointId, string ThreadId, string Ns);
