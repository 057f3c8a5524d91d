namespace Monolith.Mechanic;

/// <summary>GET /api/admin/mechanic/changes filters: status, and paging.</summary>
public sealed record ProposalQuery(string? Status, int? Limit, string? Cursor);
