namespace Monolith.Audit;

/// <summary>What a module records: an action by an actor, with details and the git commit when code changed.</summary>
public sealed record AuditEvent(
    string Action,
    string Actor,
    object? Details = null,
    string Status = AuditEvent.Success,
    string? GitCommit = null,
    string? GitBranch = null)
{
    public const string Success = "success";
    public const string Failure = "failure";
}
