namespace Monolith.Mcp;

/// <summary>A tool call refused for a reason the caller can fix; it becomes a tool error result, never a protocol failure.</summary>
public sealed class McpToolRefusedException(string message) : Exception(message);
