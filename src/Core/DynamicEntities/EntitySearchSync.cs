using System.Text.Json.Nodes;
using Monolith.Schema;
using Npgsql;

namespace Monolith.DynamicEntities;

/// <summary>Keeps search_index in step with a row's searchable fields, inside the write's transaction.</summary>
/// <remarks>The row's content is written with a NULL embedding; the search module embeds rows whose embedding is missing.</remarks>
public static class EntitySearchSync
{
    public static bool HasSearchableFields(EntityShape shape) => shape.Fields.Any(f => f.Searchable);

    /// <summary>Writes the row's searchable text, or removes its search row when that text is empty.</summary>
    public static async Task WriteAsync(EntityShape shape, JsonObject row, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var id = row["id"]!.GetValue<Guid>();
        var content = string.Join("\n", shape.Fields.Where(f => f.Searchable)
            .Select(f => FieldCodec.SearchText(row[FieldCodec.JsonName(f)]))
            .Where(text => !string.IsNullOrWhiteSpace(text)));
        if (content.Length == 0 || row["createdBy"] is null)
        {
            await RemoveAsync(shape, id, transaction, cancellationToken);
            return;
        }

        await using var command = new NpgsqlCommand(
            """
            INSERT INTO search_index (entity_type, entity_id, content, user_id) VALUES ($1, $2, $3, $4)
            ON CONFLICT (entity_type, entity_id) DO UPDATE
            SET content = excluded.content, user_id = excluded.user_id, embedding = NULL, updated_at = now()
            """,
            transaction.Connection,
            transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = shape.Table });
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = content });
        command.Parameters.Add(new NpgsqlParameter { Value = row["createdBy"]!.GetValue<long>() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task RemoveAsync(EntityShape shape, Guid id, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "DELETE FROM search_index WHERE entity_type = $1 AND entity_id = $2", transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = shape.Table });
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
