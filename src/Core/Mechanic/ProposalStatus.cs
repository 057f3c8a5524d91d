namespace Monolith.Mechanic;

/// <summary>The statuses of a schema proposal; approved means "being applied" until it becomes applied or failed.</summary>
public static class ProposalStatus
{
    public const string Rejected = "rejected";
    public const string PendingReview = "pending_review";
    public const string Approved = "approved";
    public const string Applied = "applied";
    public const string Failed = "failed";

    public static IReadOnlyList<string> All { get; } = [Rejected, PendingReview, Approved, Applied, Failed];
}
