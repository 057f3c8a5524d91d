using Monolith.Schema;

namespace Monolith.Mechanic;

/// <summary>GET /api/admin/schema: the applied dynamic entities with their fields, and the schema version.</summary>
public sealed record SchemaView(long Version, string? MigrationId, IReadOnlyList<EntityView> Entities)
{
    public static SchemaView From(SchemaVersion version) =>
        new(version.Number, version.MigrationId, [.. version.Entities.Select(EntityView.From)]);
}

/// <summary>One dynamic entity; field types use the change request's names (string, bigint, datetime, ...).</summary>
public sealed record EntityView(string Name, string Table, bool Retired, IReadOnlyList<string> BaseColumns, IReadOnlyList<FieldView> Fields)
{
    public static EntityView From(EntityShape shape) =>
        new(shape.Name, shape.Table, shape.Retired, Schema.BaseColumns.All, [.. shape.Fields.Select(FieldView.From)]);
}

/// <summary>One declared field of a dynamic entity.</summary>
public sealed record FieldView(
    string Name, string Column, string Type, int? MaxLength, bool Required, string? Default, string? References, bool Searchable, bool Deprecated)
{
    public static FieldView From(EntityField field) => new(
        field.Name, field.Column, field.Type.ToString().ToLowerInvariant(), field.MaxLength, field.Required, field.Default, field.References, field.Searchable, field.Deprecated);
}
