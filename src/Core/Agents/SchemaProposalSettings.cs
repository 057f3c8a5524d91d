using Monolith.Configuration;

namespace Monolith.Agents;

/// <summary>How many schema changes one user's assistant may propose per UTC day (AGENT_SCHEMA_PROPOSALS_PER_DAY).</summary>
public sealed record SchemaProposalSettings(int PerUserPerDay)
{
    public const string Variable = "AGENT_SCHEMA_PROPOSALS_PER_DAY";

    public static SchemaProposalSettings Read(SettingReader settings) => new(settings.Number(Variable, 3, 0, 1000));
}
