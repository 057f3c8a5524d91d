namespace Monolith.Registry;

/// <summary>GET /api/agents and /api/tools: ordered by name, optionally only active or inactive ones.</summary>
public sealed record RegistryListQuery(bool? Active, int? Limit, string? Cursor);
