namespace Monolith.Registry;

/// <summary>The details of a registry_change audit row: what changed on which agent or tool.</summary>
public sealed record RegistryChange(string Entity, string Name, string Operation, IReadOnlyDictionary<string, object?> Changes, int? Version = null)
{
    public const string Action = "registry_change";
}
