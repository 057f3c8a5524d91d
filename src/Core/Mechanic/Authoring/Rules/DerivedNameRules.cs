using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Monolith.Schema;

namespace Monolith.Mechanic;

/// <summary>
/// Every name a migration creates (table, primary key, index, foreign key) is its own: not already in the database, and
/// not derived by another entity. Names are derived by concatenation (ix_&lt;table&gt;_&lt;column&gt;), so table search +
/// field IndexEmbeddingHnsw and table search_index + an index on embedding_hnsw meet at the same name; PostgreSQL then
/// either refuses the statement or, with IF [NOT] EXISTS, acts on the other object. A collision is rejected instead.
/// </summary>
public static class DerivedNameRules
{
    public const string Rule = "name-collision";

    /// <param name="next">Every entity of the schema after the migration.</param>
    public static IReadOnlyList<SafetyFinding> Check(IReadOnlyList<MigrationOperation> operations, IReadOnlyList<EntityShape> next, LiveSchemaFacts facts)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(facts);
        var derived = next.SelectMany(Derived).ToList();
        var findings = new List<SafetyFinding>();
        foreach (var created in operations.SelectMany(Created))
        {
            // A table the database already has is the table-exists finding's; any other holder of the name is a collision.
            var live = facts.Objects.FirstOrDefault(o => o.Name == created.Name && !IsSameObject(o, created));
            if (live is not null)
            {
                findings.Add(Collision(created, live, "in the database"));
                continue;
            }

            var other = derived.FirstOrDefault(o => o.Name == created.Name && !IsSameObject(o, created));
            if (other is not null)
            {
                findings.Add(Collision(created, other, "in the dynamic schema"));
            }
        }

        return findings;
    }

    /// <summary>The names PostgreSQL holds for an entity: its table, primary key, and an index and a foreign key per reference.</summary>
    public static IEnumerable<SchemaObject> Derived(EntityShape entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        yield return new SchemaObject(entity.Table, SchemaObject.TableKind, entity.Table);
        yield return new SchemaObject(SchemaNames.PrimaryKey(entity.Table), SchemaObject.PrimaryKeyKind, entity.Table);
        foreach (var field in entity.Fields.Where(f => f.References is not null))
        {
            yield return new SchemaObject(SchemaNames.Index(entity.Table, field.Column), SchemaObject.IndexKind, entity.Table);
            yield return new SchemaObject(SchemaNames.ForeignKey(entity.Table, field.Column), SchemaObject.ForeignKeyKind, entity.Table);
        }
    }

    private static IEnumerable<SchemaObject> Created(MigrationOperation operation)
    {
        switch (operation)
        {
            case CreateTableOperation table:
                yield return new SchemaObject(table.Name, SchemaObject.TableKind, table.Name);
                if (table.PrimaryKey?.Name is { } pk)
                {
                    yield return new SchemaObject(pk, SchemaObject.PrimaryKeyKind, table.Name);
                }

                foreach (var key in table.ForeignKeys)
                {
                    yield return new SchemaObject(key.Name, SchemaObject.ForeignKeyKind, table.Name);
                }

                foreach (var unique in table.UniqueConstraints)
                {
                    yield return new SchemaObject(unique.Name, SchemaObject.UniqueKind, table.Name);
                }

                break;
            case CreateIndexOperation index:
                yield return new SchemaObject(index.Name, SchemaObject.IndexKind, index.Table);
                break;
            case AddForeignKeyOperation key:
                yield return new SchemaObject(key.Name, SchemaObject.ForeignKeyKind, key.Table);
                break;
            case AddPrimaryKeyOperation key:
                yield return new SchemaObject(key.Name, SchemaObject.PrimaryKeyKind, key.Table);
                break;
            case AddUniqueConstraintOperation unique:
                yield return new SchemaObject(unique.Name, SchemaObject.UniqueKind, unique.Table);
                break;
            case CreateSequenceOperation sequence:
                yield return new SchemaObject(sequence.Name, "sequence", sequence.Name);
                break;
        }
    }

    /// <summary>
    /// The catalog lists a primary key as an index and as a constraint, and an earlier, interrupted attempt at this very
    /// migration may have left its index on its own table: an object of the same table and name is the same object.
    /// </summary>
    private static bool IsSameObject(SchemaObject existing, SchemaObject created) =>
        existing.Table == created.Table
        && (existing.Kind == created.Kind
            || (created.Kind == SchemaObject.PrimaryKeyKind && existing.Kind is SchemaObject.IndexKind or SchemaObject.ConstraintKind)
            || (created.Kind is SchemaObject.ForeignKeyKind or SchemaObject.UniqueKind && existing.Kind is SchemaObject.ConstraintKind));

    private static SafetyFinding Collision(SchemaObject created, SchemaObject other, string where) => new(
        Rule,
        SafetyFinding.Error,
        $"the {created} this change would create has the same name as the {other} {where}; PostgreSQL would refuse it or act on the other object. Choose another table or field name");
}
