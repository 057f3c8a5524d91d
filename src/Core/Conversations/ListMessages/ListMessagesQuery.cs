namespace Monolith.Conversations;

/// <summary>GET /api/conversations/{id}/messages: messages older than <c>before</c> (a sequence) or the cursor, and the page size.</summary>
public sealed record ListMessagesQuery(Guid Id, long? Before, int? Limit, string? Cursor);
