using Npgsql;

namespace Monolith.Mechanic.Authoring;

/// <summary>What the live database says about the tables a migration touches.</summary>
/// <param name="Tables">Every table in the public schema with its estimated row count.</param>
public sealed record LiveSchemaFacts(IReadOnlyDictionary<string, long> Tables)
{
    public static async Task<LiveSchemaFacts> ReadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        const string sql = """
            SELECT c.relname, GREATEST(c.reltuples, 0)::bigint
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
            """;
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tables = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            tables[reader.GetString(0)] = reader.GetInt64(1);
        }

        return new LiveSchemaFacts(tables);
    }
}
