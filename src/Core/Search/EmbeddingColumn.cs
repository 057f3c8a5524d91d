using Npgsql;

namespace Monolith.Search;

/// <summary>Reads and changes the dimension of search_index.embedding, the vector(N) the migration sized from EMBEDDING_DIM.</summary>
public static class EmbeddingColumn
{
    /// <summary>The column's dimension, or null when search_index does not exist yet.</summary>
    public static async Task<int?> DimensionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(
            "SELECT atttypmod FROM pg_attribute WHERE attrelid = to_regclass('search_index') AND attname = 'embedding'", connection);
        return await command.ExecuteScalarAsync(cancellationToken) is int typmod && typmod > 0 ? typmod : null;
    }

    /// <summary>
    /// A model other than <paramref name="model"/> that made stored embeddings ("unrecorded" for vectors stored before
    /// the model was recorded), or null when every stored embedding is the configured model's.
    /// </summary>
    public static async Task<string?> OtherModelAsync(NpgsqlConnection connection, string model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(embedding_model, 'unrecorded') FROM search_index WHERE embedding IS NOT NULL AND embedding_model IS DISTINCT FROM $1 LIMIT 1",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = model });
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>The one line that stops start-up when stored vectors were made by another provider or model.</summary>
    public static string ModelMismatchMessage(string stored, string configured) =>
        $"EMBEDDING_PROVIDER gives {configured} but search_index holds embeddings made by {stored}: "
        + "run 'tools/monolith reindex' with the new settings to re-embed them (search keeps answering meanwhile), or set EMBEDDING_PROVIDER back";

    /// <summary>The one line that stops start-up when EMBEDDING_DIM and the stored vectors disagree.</summary>
    public static string MismatchMessage(int stored, int configured) =>
        $"EMBEDDING_DIM is {configured} but search_index.embedding holds vector({stored}): "
        + $"run 'EMBEDDING_DIM={configured} tools/monolith reindex --dimension {configured}' to re-embed every document at the new size, "
        + $"or set EMBEDDING_DIM={stored}";
}
