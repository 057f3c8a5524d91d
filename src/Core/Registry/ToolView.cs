using System.Text.Json;
using Monolith.Database;

namespace Monolith.Registry;

/// <summary>A tool as the API and other modules see it; agent is the owning agent's name.</summary>
public sealed record ToolView(
    Guid Id, string Name, string? Description, string ModulePath, JsonElement? Schema, Guid? AgentId, string? Agent, bool IsActive, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static ToolView From(Tool tool) => new(
        tool.Id, tool.Name, tool.Description, tool.ModulePath, tool.Schema is null ? null : JsonbText.Element(tool.Schema),
        tool.AgentId, tool.Agent?.Name, tool.IsActive, tool.CreatedAt, tool.UpdatedAt);
}
