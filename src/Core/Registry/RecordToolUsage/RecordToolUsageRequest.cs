using Microsoft.AspNetCore.Mvc;

namespace Monolith.Registry;

/// <summary>POST /api/tools/{name}/usage: the tool's name and the call.</summary>
public sealed record RecordToolUsageRequest(string Name, [FromBody] ToolUsageInput Body);
