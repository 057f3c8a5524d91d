namespace Monolith.Schema;

/// <summary>An immutable applied state of the dynamic schema; requests hold the version they started with.</summary>
/// <param name="Number">Increases with every applied dynamic migration; 0 is the empty schema.</param>
public sealed record SchemaVersion(long Number, string? MigrationId, IReadOnlyList<EntityShape> Entities)
{
    public static SchemaVersion Empty { get; } = new(0, null, []);

    public EntityShape? ByTable(string table) =>
        Entities.FirstOrDefault(e => string.Equals(e.Table, table, StringComparison.Ordinal));

    public EntityShape? ByName(string name) =>
        Entities.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.Ordinal));
}
