using System.Text.Json;

namespace Monolith.Registry;

/// <summary>POST /api/tools: a new tool; agent is an agent's name, isActive defaults to true.</summary>
public sealed record CreateToolRequest(string? Name, string? Description, string? ModulePath, JsonElement? Schema, string? Agent, bool? IsActive);
