namespace Monolith.Registry;

/// <summary>Where a page of tool usage ended: newest first by (createdAt, id).</summary>
public sealed record ToolUsageCursor(DateTime CreatedAt, Guid Id);
