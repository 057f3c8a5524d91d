using Microsoft.AspNetCore.Mvc;

namespace Monolith.Registry;

/// <summary>PUT /api/tools/{name}: the tool's name and its new editable state.</summary>
public sealed record UpdateToolRequest(string Name, [FromBody] ToolChanges Body);
