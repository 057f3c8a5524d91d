namespace Monolith.Conversations;

/// <summary>GET /api/conversations/{id}: the conversation, and optionally the user who must own it.</summary>
public sealed record GetConversationQuery(Guid Id, long? UserId);
