using System.Text.Json;

namespace Monolith.Conversations;

/// <summary>POST /api/conversations/{id}/messages: role (user, assistant, system, tool), content and optional metadata object.</summary>
public sealed record AppendMessageRequest(string? Role, string? Content, JsonElement? Metadata);
