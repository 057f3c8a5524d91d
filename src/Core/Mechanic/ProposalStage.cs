namespace Monolith.Mechanic;

/// <summary>The journal steps of an application, in order; recovery resumes or rolls back from the last one recorded.</summary>
public static class ProposalStage
{
    public const string Drafted = "drafted";
    public const string BackedUp = "backed_up";
    public const string Applied = "applied";
    public const string Committed = "committed";
    public const string Audited = "audited";
}
