using System.Text.Json;

namespace Monolith.Mechanic;

/// <summary>A request to change the dynamic schema: an instruction, an actor and either a structured entity or the C# source of one entity class.</summary>
public sealed record ChangeRequest(string Instruction, string Actor, JsonElement? Entity, string? Source);
