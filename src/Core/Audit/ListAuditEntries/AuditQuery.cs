namespace Monolith.Audit;

/// <summary>GET /api/admin/audit filters: action, actor, since, and paging.</summary>
public sealed record AuditQuery(string? Action, string? Actor, DateTimeOffset? Since, int? Limit, string? Cursor);
