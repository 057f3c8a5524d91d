using System.Text.Json;

namespace Monolith.Registry;

/// <summary>One recorded call of a tool.</summary>
public sealed record ToolUsageView(
    Guid Id, string Tool, Guid? ConversationId, Guid? MessageId, JsonElement Arguments, JsonElement Result, int ExecutionTimeMs, string? ServerName, DateTime CreatedAt)
{
    public static ToolUsageView From(ToolUsage usage, string tool) => new(
        usage.Id, tool, usage.ConversationId, usage.MessageId, RegistryJson.Parse(usage.Arguments), RegistryJson.Parse(usage.Result ?? "null"),
        usage.ExecutionTimeMs, usage.ServerName, usage.CreatedAt);
}
