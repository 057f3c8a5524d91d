namespace Monolith.Agents;

/// <summary>One executed tool call: JSON arguments and result (an error is a result too) and its duration.</summary>
public sealed record ToolCall(string Name, string Arguments, string Result, int ExecutionTimeMs);
