namespace Monolith.Registry;

/// <summary>GET /api/tools/{name}/usage?limit=&amp;cursor=, newest first.</summary>
public sealed record ToolUsageQuery(string Name, int? Limit, string? Cursor);
