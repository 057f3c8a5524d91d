namespace Monolith.Conversations;

/// <summary>The user whose stats are read (from the route).</summary>
public sealed record UserStatsQuery(long UserId);
