namespace Monolith.Schema;

/// <summary>One declared field of a dynamic entity, as applied to the database.</summary>
/// <param name="Name">The C# property name (PascalCase), also the camelCase JSON name's source.</param>
/// <param name="Column">The snake_case column.</param>
/// <param name="MaxLength">Only for <see cref="FieldType.String"/>.</param>
/// <param name="Default">The default as JSON text (for example "[]", "0", "\"draft\""), or null.</param>
/// <param name="References">The referenced entity's name; the column holds that entity's id.</param>
public sealed record EntityField(
    string Name,
    string Column,
    FieldType Type,
    int? MaxLength = null,
    bool Required = false,
    string? Default = null,
    string? References = null,
    bool Searchable = false,
    bool Deprecated = false);
