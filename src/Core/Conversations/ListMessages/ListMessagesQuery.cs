namespace Monolith.Conversations;

/// <summary>
/// GET /api/conversations/{id}/messages: messages older than <c>before</c> (a sequence) or the cursor, the page size,
/// and optionally the user who must own the conversation.
/// </summary>
public sealed record ListMessagesQuery(Guid Id, long? Before, int? Limit, string? Cursor, long? UserId);
