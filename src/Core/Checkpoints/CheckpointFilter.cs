namespace Monolith.Checkpoints;

/// <summary>
/// Which checkpoints a list returns: a thread or all (null), a namespace or all (null), one checkpoint id or all (null), ids below <see cref="Before"/>,
/// metadata containing <see cref="Metadata"/> (a JSON object, jsonb @&gt;), and what comes after a page's last row.
/// </summary>
public sealed record CheckpointFilter(string? ThreadId, string? Ns, string? CheckpointId, string? Before, string? Metadata, CheckpointCursor? After);
