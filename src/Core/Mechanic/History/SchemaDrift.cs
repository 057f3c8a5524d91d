using Monolith.Schema;
using Npgsql;

namespace Monolith.Mechanic;

/// <summary>Compares the columns of every dynamic table in information_schema with the applied shapes: missing tables, missing and undeclared columns.</summary>
public sealed class SchemaDrift(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<string>> DetectAsync(SchemaVersion version, CancellationToken cancellationToken)
    {
        if (version.Entities.Count == 0)
        {
            return [];
        }

        var actual = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        await using (var command = dataSource.CreateCommand("""
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = ANY($1)
            """))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = version.Entities.Select(e => e.Table).ToArray() });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var table = reader.GetString(0);
                if (!actual.TryGetValue(table, out var columns))
                {
                    actual[table] = columns = new HashSet<string>(StringComparer.Ordinal);
                }

                columns.Add(reader.GetString(1));
            }
        }

        var drift = new List<string>();
        foreach (var entity in version.Entities.OrderBy(e => e.Table, StringComparer.Ordinal))
        {
            if (!actual.TryGetValue(entity.Table, out var columns))
            {
                drift.Add($"table {entity.Table} ({entity.Name}) is missing");
                continue;
            }

            var expected = BaseColumns.All.Concat(entity.Fields.Select(f => f.Column)).ToHashSet(StringComparer.Ordinal);
            drift.AddRange(expected.Where(c => !columns.Contains(c)).Order(StringComparer.Ordinal).Select(c => $"column {entity.Table}.{c} is missing"));
            drift.AddRange(columns.Where(c => !expected.Contains(c)).Order(StringComparer.Ordinal).Select(c => $"column {entity.Table}.{c} is not declared by {entity.Name}"));
        }

        return drift;
    }
}
