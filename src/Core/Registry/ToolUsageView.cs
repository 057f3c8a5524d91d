using System.Text.Json;
using Monolith.Database;

namespace Monolith.Registry;

/// <summary>One recorded call of a tool.</summary>
public sealed record ToolUsageView(
    Guid Id, string Tool, Guid? ConversationId, Guid? MessageId, JsonElement Arguments, JsonElement Result, int ExecutionTimeMs, string? ServerName, DateTime CreatedAt)
{
    public static ToolUsageView From(ToolUsage usage, string tool) => new(
        usage.Id, tool, usage.ConversationId, usage.MessageId, JsonbText.Element(usage.Arguments), JsonbText.Element(usage.Result ?? "null"),
        usage.ExecutionTimeMs, usage.ServerName, usage.CreatedAt);
}
