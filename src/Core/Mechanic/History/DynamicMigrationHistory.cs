using Monolith.Database;
using Monolith.Schema;
using Npgsql;
using NpgsqlTypes;

namespace Monolith.Mechanic;

/// <summary>Reads and records dynamic_migrations: the applied schema drafts are computed against, and the version the catalog serves.</summary>
public sealed class DynamicMigrationHistory(NpgsqlDataSource dataSource) : ISchemaVersionStore
{
    private const string LatestSql = """
        SELECT version, migration_id, entity_sources::text, snapshot
        FROM dynamic_migrations ORDER BY version DESC LIMIT 1
        """;

    /// <summary>The served schema: only the version's number, id and shapes, never the entity sources and snapshot drafts need.</summary>
    public async Task<SchemaVersion> ReadLatestAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT version, migration_id, entities::text FROM dynamic_migrations ORDER BY version DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new SchemaVersion(reader.GetInt64(0), reader.GetString(1), MechanicJson.Read<List<EntityShape>>(reader.GetString(2)))
            : SchemaVersion.Empty;
    }

    /// <summary>What <see cref="SchemaWatcher"/> polls and readiness re-checks: one index-only read.</summary>
    public async Task<long> ReadLatestNumberAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT coalesce(max(version), 0) FROM dynamic_migrations");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>What a draft is computed against: the newest row's entity sources, snapshot and migration id.</summary>
    public async Task<AppliedSchema> ReadAppliedAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await LatestAsync(connection, null, cancellationToken) is { } latest
            ? new AppliedSchema(MechanicJson.Read<Dictionary<string, string>>(latest.EntitySources), latest.Snapshot, latest.MigrationId)
            : AppliedSchema.Empty;
    }

    /// <summary>The newest row's version, id, entity sources and snapshot (not its shapes or checksum), in the caller's transaction.</summary>
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
            EntitySources = reader.GetString(2),
            Snapshot = reader.IsDBNull(3) ? null : reader.GetString(3),
        };
    }

    /// <summary>
    /// Records an applied migration in the caller's (the DDL's) transaction and announces the new version on
    /// <see cref="SchemaWatcher.Channel"/> (delivered at commit); for an application and for the start-up replay alike.
    /// </summary>
    public static async Task InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, MigrationManifest manifest, string checksum, string entitySources, Guid? changeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        await using var insert = new NpgsqlCommand("""
            INSERT INTO dynamic_migrations (version, migration_id, checksum, entity_sources, snapshot, entities, change_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """, connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter { Value = manifest.Version });
        insert.Parameters.Add(new NpgsqlParameter { Value = manifest.MigrationId });
        insert.Parameters.Add(new NpgsqlParameter { Value = checksum });
        insert.Parameters.Add(new NpgsqlParameter { Value = JsonbText.Sanitize(entitySources), NpgsqlDbType = NpgsqlDbType.Jsonb });
        insert.Parameters.Add(new NpgsqlParameter { Value = (object?)manifest.Snapshot ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        insert.Parameters.Add(new NpgsqlParameter { Value = JsonbText.Sanitize(MechanicJson.Write(manifest.Entities)), NpgsqlDbType = NpgsqlDbType.Jsonb });
        insert.Parameters.Add(new NpgsqlParameter { Value = (object?)changeId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        await insert.ExecuteNonQueryAsync(cancellationToken);
        await using var notify = new NpgsqlCommand("SELECT pg_notify($1, $2)", connection, transaction);
        notify.Parameters.Add(new NpgsqlParameter { Value = SchemaWatcher.Channel });
        notify.Parameters.Add(new NpgsqlParameter { Value = manifest.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await notify.ExecuteNonQueryAsync(cancellationToken);
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
}
