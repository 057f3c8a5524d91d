using System.Text.Json.Nodes;

namespace Monolith.Agents;

/// <summary>A tool offered to the model: its name and JSON Schema, and the built-in that runs it.</summary>
public sealed record ToolDefinition(string Name, string Description, JsonObject Parameters, string BuiltIn);
