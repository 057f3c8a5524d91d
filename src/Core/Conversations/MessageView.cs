using System.Text.Json;

namespace Monolith.Conversations;

/// <summary>A message as the API and other modules see it.</summary>
public sealed record MessageView(
    Guid Id, Guid ConversationId, long Sequence, string Role, string Content, JsonElement Metadata, DateTime CreatedAt);
