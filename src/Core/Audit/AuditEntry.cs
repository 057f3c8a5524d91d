namespace Monolith.Audit;

/// <summary>One append-only audit_log row: who did what, with the git commit when code changed.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public string Action { get; set; } = null!;

    public string Actor { get; set; } = null!;

    public string Details { get; set; } = "{}";

    public string? GitCommit { get; set; }

    public string? GitBranch { get; set; }

    public string Status { get; set; } = "success";

    public DateTime CreatedAt { get; set; }
}
