using System.Text.Json;

namespace Monolith.Conversations;

/// <summary>POST /api/conversations: the Telegram user and chat, an optional title and metadata object.</summary>
public sealed record StartConversationRequest(long? UserId, long? ChatId, string? Title, JsonElement? Metadata);
