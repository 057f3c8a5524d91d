namespace Monolith.Agents;

/// <summary>What the bot knows about one user: counts and the time of the last message.</summary>
public sealed record UserStats(long Conversations, long Messages, long ToolCalls, DateTime? LastActivity);
