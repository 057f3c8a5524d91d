namespace Monolith.Registry;

/// <summary>PUT /api/agents/{name} body: the agent's full editable state (description absent = none, isActive absent = true).</summary>
public sealed record AgentChanges(string? Description, string? ConfigPath, bool? IsActive)
{
    public const int MaxDescriptionLength = 10_000;
    public const int MaxPathLength = 1_000;
}
