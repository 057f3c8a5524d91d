namespace Monolith.Documents;

/// <summary>GET /api/documents?userId=&amp;limit=&amp;cursor=: one user's documents, newest first.</summary>
public sealed record ListDocumentsQuery(long? UserId, int? Limit, string? Cursor);
