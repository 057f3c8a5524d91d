namespace Monolith.Registry;

/// <summary>An agent as the API and other modules see it.</summary>
public sealed record AgentView(
    Guid Id, string Name, string? Description, string ConfigPath, bool IsActive, int Version, DateTime CreatedAt, DateTime UpdatedAt, string CreatedBy)
{
    public static AgentView From(Agent agent) =>
        new(agent.Id, agent.Name, agent.Description, agent.ConfigPath, agent.IsActive, agent.Version, agent.CreatedAt, agent.UpdatedAt, agent.CreatedBy);
}
