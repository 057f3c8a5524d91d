namespace Monolith.Mcp;

/// <summary>POST /api/admin/mcp/user-keys body: the user the key will act for.</summary>
public sealed record IssueUserKeyRequest(long? UserId);
