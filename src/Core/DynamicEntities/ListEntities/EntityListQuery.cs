namespace Monolith.DynamicEntities;

/// <summary>GET /api/entities/{table} filters: the owner (createdBy) and paging.</summary>
public sealed record EntityListQuery(long? CreatedBy, int? Limit, string? Cursor);
