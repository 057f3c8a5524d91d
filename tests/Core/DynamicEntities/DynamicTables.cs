using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monolith.DynamicEntities;
using Monolith.Mechanic;
using Monolith.Schema;
using Monolith.Tests.Support;
using Npgsql;

namespace Monolith.Tests.Core.DynamicEntities;

/// <summary>Creates dynamic tables with plain DDL (column types as the Mechanic maps them) and publishes their shapes, as the Mechanic does after an apply.</summary>
public static class DynamicTables
{
    /// <summary>Creates (or widens) the tables, then publishes a new version holding them next to the entities already current.</summary>
    public static async Task<SchemaVersion> PublishAsync(TestHost host, string connectionString, params EntityShape[] shapes)
    {
        await CreateAsync(connectionString, shapes);
        var catalog = host.Services.GetRequiredService<SchemaCatalog>();
        var current = catalog.Current;
        var tables = shapes.Select(s => s.Table).ToHashSet(StringComparer.Ordinal);
        var version = new SchemaVersion(current.Number + 1, $"test_{current.Number + 1}", [.. current.Entities.Where(e => !tables.Contains(e.Table)), .. shapes]);
        Assert.True(catalog.Publish(version));
        return version;
    }

    public static async Task CreateAsync(string connectionString, params EntityShape[] shapes)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var shape in shapes)
        {
            var table = EntitySql.Quote(shape.Table);
            await ExecuteAsync(connection, $"""
                CREATE TABLE IF NOT EXISTS {table} (
                    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                    created_at timestamptz NOT NULL DEFAULT now(),
                    updated_at timestamptz NOT NULL DEFAULT now(),
                    is_deleted boolean NOT NULL DEFAULT false,
                    created_by bigint)
                """);
            foreach (var field in shape.Fields)
            {
                var nullability = field.Required ? " NOT NULL" : string.Empty;
                var defaultValue = field.Default is null ? string.Empty : " DEFAULT " + SqlDefault(field);
                await ExecuteAsync(connection, $"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {EntitySql.Quote(field.Column)} {DynamicModel.ColumnType(field)}{defaultValue}{nullability}");
            }
        }
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string SqlDefault(EntityField field)
    {
        var value = JsonDocument.Parse(field.Default!).RootElement;
        var text = field.Type == FieldType.Json ? value.GetRawText() : value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        return "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}
