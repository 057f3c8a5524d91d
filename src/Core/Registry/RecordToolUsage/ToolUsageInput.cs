using System.Text.Json;

namespace Monolith.Registry;

/// <summary>POST /api/tools/{name}/usage body: one call of the tool.</summary>
public sealed record ToolUsageInput(Guid? ConversationId, Guid? MessageId, JsonElement Arguments, JsonElement Result, int? ExecutionTimeMs, string? ServerName);
