using Microsoft.AspNetCore.Mvc;

namespace Monolith.Registry;

/// <summary>PUT /api/agents/{name}: the agent's name and its new editable state.</summary>
public sealed record UpdateAgentRequest(string Name, [FromBody] AgentChanges Body);
