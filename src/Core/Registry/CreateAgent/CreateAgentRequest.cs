namespace Monolith.Registry;

/// <summary>POST /api/agents: a new agent; isActive defaults to true.</summary>
public sealed record CreateAgentRequest(string? Name, string? Description, string? ConfigPath, bool? IsActive);
