namespace Monolith.Mechanic;

/// <summary>A named object of the schema: a relation or a constraint, with the table it belongs to.</summary>
/// <param name="Kind">"table", "index", "primary key", "foreign key", "sequence", "constraint", …</param>
/// <param name="Table">The table the object is on (a table's own name for a table).</param>
public sealed record SchemaObject(string Name, string Kind, string Table)
{
    public const string TableKind = "table";
    public const string IndexKind = "index";
    public const string PrimaryKeyKind = "primary key";
    public const string ForeignKeyKind = "foreign key";
    public const string UniqueKind = "unique constraint";

    /// <summary>What the catalog calls any constraint (pg_constraint), whatever its type.</summary>
    public const string ConstraintKind = "constraint";

    public override string ToString() => Kind == TableKind ? $"table {Name}" : $"{Kind} {Name} on table {Table}";
}
