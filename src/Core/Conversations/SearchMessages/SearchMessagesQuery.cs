namespace Monolith.Conversations;

/// <summary>GET /api/conversations/search: the user whose messages are searched, the query text and how many hits.</summary>
public sealed record SearchMessagesQuery(long? UserId, string? Q, int? Limit);
