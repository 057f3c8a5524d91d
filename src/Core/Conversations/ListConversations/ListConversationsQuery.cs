namespace Monolith.Conversations;

/// <summary>GET /api/conversations filters: the user (required), the status, and paging.</summary>
public sealed record ListConversationsQuery(long? UserId, string? Status, int? Limit, string? Cursor);
