namespace Monolith.Schema;

/// <summary>A dynamic entity as applied: its table and declared fields (the base fields are implicit).</summary>
/// <remarks>Every dynamic table also has id uuid, created_at, updated_at, is_deleted and created_by (see <see cref="BaseColumns"/>).</remarks>
public sealed record EntityShape(string Name, string Table, IReadOnlyList<EntityField> Fields, bool Retired = false)
{
    public EntityField? Field(string name) =>
        Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
