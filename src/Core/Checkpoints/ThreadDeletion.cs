namespace Monolith.Checkpoints;

/// <summary>What deleting a thread removed: checkpoint rows, pending writes and stored channel values.</summary>
public sealed record ThreadDeletion(string ThreadId, long Checkpoints, long Writes, long ChannelValues);
