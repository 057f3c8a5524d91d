namespace Monolith.Agents;

/// <summary>A remembered message found by a memory search: where it is and how well it matched.</summary>
public sealed record MemoryHit(Guid MessageId, long Sequence, string Role, string Content, DateTime CreatedAt, double Score);
