using System.Text.Json;
using Monolith.Schema;
using Npgsql;

namespace Monolith.Tests.Core.Schema;

/// <summary>A real <see cref="ISchemaVersionStore"/> over a test table, standing in for the Mechanic's migration history.</summary>
public sealed class TableSchemaVersionStore(string connectionString) : ISchemaVersionStore
{
    public const string CreateSql = "CREATE TABLE IF NOT EXISTS test_schema_versions (number bigint PRIMARY KEY, entities jsonb NOT NULL)";

    public async Task<SchemaVersion> ReadLatestAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT number, entities::text FROM test_schema_versions ORDER BY number DESC LIMIT 1", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return SchemaVersion.Empty;
        }

        var number = reader.GetInt64(0);
        return new SchemaVersion(number, $"test_{number}", JsonSerializer.Deserialize<List<EntityShape>>(reader.GetString(1))!);
    }

    public async Task<long> ReadLatestNumberAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT coalesce(max(number), 0) FROM test_schema_versions", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Records a version as the Mechanic's apply would; with <paramref name="notify"/> it also announces it.</summary>
    public static async Task AppendAsync(NpgsqlConnection connection, long number, IReadOnlyList<EntityShape> entities, bool notify)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO test_schema_versions (number, entities) VALUES ($1, $2::jsonb)", connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = number });
            insert.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(entities) });
            await insert.ExecuteNonQueryAsync();
        }

        if (notify)
        {
            await using var announce = new NpgsqlCommand("SELECT pg_notify($1, $2)", connection, transaction);
            announce.Parameters.Add(new NpgsqlParameter { Value = SchemaWatcher.Channel });
            announce.Parameters.Add(new NpgsqlParameter { Value = number.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            await announce.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
