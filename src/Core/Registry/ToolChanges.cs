using System.Text.Json;

namespace Monolith.Registry;

/// <summary>PUT /api/tools/{name} body: the tool's full editable state (absent description/schema/agent = none, isActive absent = true).</summary>
public sealed record ToolChanges(string? Description, string? ModulePath, JsonElement? Schema, string? Agent, bool? IsActive);
