namespace Monolith.Mechanic;

/// <summary>One entry of a proposal's progress journal: a <see cref="ProposalStage"/> reached, or one of the decisions named here.</summary>
public sealed record JournalEntry(string Stage, DateTime At, string? Detail)
{
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Redrafted = "redrafted";

    /// <summary>An application interrupted before its migration reached the database, put back for review.</summary>
    public const string RolledBack = "rolled_back";

    public const string Failed = ProposalStatus.Failed;
}
