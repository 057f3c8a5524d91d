using Npgsql;

namespace Monolith.Mechanic;

/// <summary>What the live database says about the tables a migration touches and the names already taken.</summary>
/// <param name="Tables">Every table in the public schema with its estimated row count.</param>
/// <param name="Objects">Every named relation (table, index, sequence, view, …) and constraint in the public schema.</param>
public sealed record LiveSchemaFacts(IReadOnlyDictionary<string, long> Tables, IReadOnlyList<SchemaObject> Objects)
{
    public LiveSchemaFacts(IReadOnlyDictionary<string, long> tables)
        : this(tables, [.. tables.Keys.Select(t => new SchemaObject(t, SchemaObject.TableKind, t))])
    {
    }

    public static async Task<LiveSchemaFacts> ReadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        const string tablesSql = """
            SELECT c.relname, GREATEST(c.reltuples, 0)::bigint
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
            """;

        // Relations share one namespace per schema (a new index cannot take a table's or another table's index's name);
        // constraints are listed with the table they are on, which is what a collision message must name.
        const string objectsSql = """
            SELECT c.relname,
                   CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'i' THEN 'index' WHEN 'I' THEN 'index'
                                  WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'
                                  WHEN 'f' THEN 'foreign table' WHEN 'c' THEN 'type' ELSE 'relation' END,
                   COALESCE(t.relname, c.relname)
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_index i ON i.indexrelid = c.oid
            LEFT JOIN pg_class t ON t.oid = i.indrelid
            WHERE n.nspname = 'public'
            UNION ALL
            SELECT con.conname, 'constraint', t.relname
            FROM pg_constraint con
            JOIN pg_namespace n ON n.oid = con.connamespace
            JOIN pg_class t ON t.oid = con.conrelid
            WHERE n.nspname = 'public'
            """;
        var tables = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var command = dataSource.CreateCommand(tablesSql))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                tables[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        var objects = new List<SchemaObject>();
        await using (var command = dataSource.CreateCommand(objectsSql))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                objects.Add(new SchemaObject(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        return new LiveSchemaFacts(tables, objects);
    }
}
