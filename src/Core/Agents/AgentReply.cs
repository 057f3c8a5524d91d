namespace Monolith.Agents;

/// <summary>What an agent answered in one turn and the tool calls it made on the way.</summary>
public sealed record AgentReply(string Text, IReadOnlyList<ToolCall> ToolCalls);
