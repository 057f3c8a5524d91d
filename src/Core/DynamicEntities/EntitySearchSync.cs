using System.Text.Json.Nodes;
using Monolith.Schema;
using Monolith.Search;
using Npgsql;

namespace Monolith.DynamicEntities;

/// <summary>Keeps search_index in step with a row's searchable fields, inside the write's transaction.</summary>
/// <remarks>Through the search module's outbox: the row commits with the write and the embedding worker embeds it afterwards.</remarks>
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

        var document = new IndexedDocument(shape.Table, id, row["createdBy"]!.GetValue<long>(), content);
        await SearchIndexer.EnqueueAsync(document, transaction.Connection!, transaction, cancellationToken);
    }

    public static Task RemoveAsync(EntityShape shape, Guid id, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        SearchIndexer.DeleteAsync(shape.Table, id, transaction.Connection!, transaction, cancellationToken);
}
