namespace Monolith.Checkpoints;

/// <summary>What deleting a thread removed.</summary>
public sealed record ThreadDeletion(string ThreadId, int Checkpoints, int Writes);
