namespace Monolith.Agents;

/// <summary>The agent that answers a chat: its name, its configuration and the tools it may call.</summary>
public sealed record ResolvedAgent(string Name, AgentConfig Config, IReadOnlyList<ToolDefinition> Tools);
