namespace Monolith.Mechanic;

/// <summary>The applied dynamic schema a draft is computed against.</summary>
/// <param name="EntitySources">Entity name → the C# source of its applied class file.</param>
/// <param name="Snapshot">The serialized model snapshot of the last applied migration, or null for an empty schema.</param>
/// <param name="LastMigrationId">The last applied migration id, or null.</param>
public sealed record AppliedSchema(IReadOnlyDictionary<string, string> EntitySources, string? Snapshot, string? LastMigrationId)
{
    public static AppliedSchema Empty { get; } = new(new Dictionary<string, string>(), null, null);
}
