namespace Monolith.Agents;

/// <summary>A stored message as the agents see it.</summary>
public sealed record MemoryMessage(Guid Id, long Sequence, string Role, string Content, DateTime CreatedAt);
