namespace Monolith.Conversations;

/// <summary>GET /api/users/{userId}/stats: how much a user has talked and when last.</summary>
public sealed record UserStatsView(long Conversations, long Messages, long ToolCalls, DateTime? LastActivity);
