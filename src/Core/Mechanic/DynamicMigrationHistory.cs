using Monolith.Mechanic.Authoring;
using Monolith.Schema;
using Npgsql;

namespace Monolith.Mechanic;

/// <summary>Reads dynamic_migrations: the applied schema drafts are computed against, and the version the catalog serves.</summary>
public sealed class DynamicMigrationHistory(NpgsqlDataSource dataSource) : ISchemaVersionStore
{
    private const string LatestSql = """
        SELECT version, migration_id, checksum, entity_sources::text, snapshot, entities::text
        FROM dynamic_migrations ORDER BY version DESC LIMIT 1
        """;

    public async Task<SchemaVersion> ReadLatestAsync(CancellationToken cancellationToken)
    {
        var latest = await LatestAsync(cancellationToken);
        return latest is null ? SchemaVersion.Empty : ToVersion(latest);
    }

    public async Task<AppliedSchema> ReadAppliedAsync(CancellationToken cancellationToken)
    {
        var latest = await LatestAsync(cancellationToken);
        return latest is null ? AppliedSchema.Empty : ToApplied(latest);
    }

    public async Task<DynamicMigrationRecord?> LatestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await LatestAsync(connection, null, cancellationToken);
    }

    public static async Task<DynamicMigrationRecord?> LatestAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(LatestSql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new DynamicMigrationRecord
        {
            Version = reader.GetInt64(0),
            MigrationId = reader.GetString(1),
            Checksum = reader.GetString(2),
            EntitySources = reader.GetString(3),
            Snapshot = reader.IsDBNull(4) ? null : reader.GetString(4),
            Entities = reader.GetString(5),
        };
    }

    /// <summary>Every applied migration, oldest first: version, id and checksum.</summary>
    public async Task<IReadOnlyList<(long Version, string MigrationId, string Checksum)>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT version, migration_id, checksum FROM dynamic_migrations ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<(long, string, string)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    public static SchemaVersion ToVersion(DynamicMigrationRecord record) =>
        new(record.Version, record.MigrationId, MechanicJson.Read<List<EntityShape>>(record.Entities));

    public static AppliedSchema ToApplied(DynamicMigrationRecord record) =>
        new(MechanicJson.Read<Dictionary<string, string>>(record.EntitySources), record.Snapshot, record.MigrationId);
}
