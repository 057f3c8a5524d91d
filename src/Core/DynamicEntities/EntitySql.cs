using Monolith.Schema;

namespace Monolith.DynamicEntities;

/// <summary>SQL text for a dynamic entity: identifiers come only from its shape and are always quoted.</summary>
public static class EntitySql
{
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The columns every read returns: the base fields, then the declared fields in order.</summary>
    public static string Columns(EntityShape shape) =>
        string.Join(", ", new[] { BaseColumns.Id, BaseColumns.CreatedAt, BaseColumns.UpdatedAt, BaseColumns.CreatedBy }
            .Concat(shape.Fields.Select(f => f.Column))
            .Select(Quote));

    /// <summary>The ordinal of the first declared field in a row read with <see cref="Columns"/>.</summary>
    public const int FirstFieldOrdinal = 4;
}
