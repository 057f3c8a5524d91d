using Microsoft.Extensions.Logging;
using Monolith.Database;
using Monolith.Http;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace Monolith.Search;

/// <summary>
/// Writes search_index. The API path embeds first and queues the document when the provider fails; other modules
/// use <see cref="EnqueueAsync"/>, <see cref="RequeueAsync"/> and <see cref="DeleteAsync"/> inside their own transaction (outbox semantics:
/// the row commits with their change and the embedding worker embeds it afterwards, even after a crash).
/// </summary>
public sealed partial class SearchIndexer(NpgsqlDataSource dataSource, SearchEmbedder embedder, ILogger<SearchIndexer> logger)
{
    private const string UpsertSql = """
        INSERT INTO search_index AS s (entity_type, entity_id, user_id, content, metadata, embedding, embed_attempts, embed_after, embed_error, embedding_model, lexical_embedding)
        VALUES ($1, $2, $3, $4, $5, $6, $7, now() + $8, $9, $10, $11::real[]::vector)
        ON CONFLICT (entity_type, entity_id) DO UPDATE SET
            content = excluded.content, metadata = excluded.metadata, embedding = excluded.embedding,
            embedding_model = excluded.embedding_model, lexical_embedding = excluded.lexical_embedding,
            embed_attempts = excluded.embed_attempts, embed_after = excluded.embed_after, embed_error = excluded.embed_error,
            updated_at = now()
        WHERE s.user_id = excluded.user_id
        RETURNING (xmax = 0)
        """;

    private const string StoreEmbeddingSql = """
        UPDATE search_index SET embedding = $3, embedding_model = $4, lexical_embedding = coalesce($5::real[]::vector, lexical_embedding),
            embed_attempts = 0, embed_error = NULL
        WHERE id = $1 AND xmin = $2
        """;

    /// <summary>Embeds and upserts one document; when the provider fails the row is written without an embedding and queued.</summary>
    public async Task<IndexOutcome> IndexAsync(IndexedDocument document, CancellationToken cancellationToken) =>
        (await IndexAsync([document], cancellationToken))[0];

    /// <summary>Embeds the documents in one provider call and upserts them in one transaction.</summary>
    public async Task<IReadOnlyList<IndexOutcome>> IndexAsync(IReadOnlyList<IndexedDocument> documents, CancellationToken cancellationToken)
    {
        IReadOnlyList<float[]>? vectors = null;
        string? failure = null;
        try
        {
            vectors = await embedder.EmbedPassagesAsync([.. documents.Select(d => d.Content)], cancellationToken);
        }
        catch (EmbeddingFailedException e)
        {
            failure = e.Message;
            LogQueued(logger, documents.Count, e.Message);
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var outcomes = new List<IndexOutcome>(documents.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            var pending = vectors is null;
            var created = await UpsertAsync(
                documents[i], vectors?[i], embedder.Model, pending ? 1 : 0, pending ? EmbeddingBackoff.First : TimeSpan.Zero, failure, connection, transaction, cancellationToken);
            outcomes.Add(new IndexOutcome(documents[i].EntityType, documents[i].EntityId, created, !pending));
        }

        await transaction.CommitAsync(cancellationToken);
        return outcomes;
    }

    /// <summary>
    /// Upserts the document without an embedding inside the caller's transaction; the embedding worker embeds it after
    /// the commit. Returns true when the row is new. A document owned by another user is a conflict.
    /// </summary>
    public static Task<bool> EnqueueAsync(IndexedDocument document, NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken) =>
        UpsertAsync(document, null, null, 0, TimeSpan.Zero, null, connection, transaction, cancellationToken);

    /// <summary>
    /// Replaces the content and metadata of the user's existing document inside the caller's transaction and queues it
    /// for the embedding worker again; false (and nothing written) when there is no such document. For owners that
    /// decide once whether something is indexed and later only keep the row up to date.
    /// </summary>
    public static async Task<bool> RequeueAsync(IndexedDocument document, NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand("""
            UPDATE search_index SET content = $4, metadata = $5, embedding = NULL, embedding_model = NULL, lexical_embedding = $6::real[]::vector,
                embed_attempts = 0, embed_after = now(), embed_error = NULL, updated_at = now()
            WHERE entity_type = $1 AND entity_id = $2 AND user_id = $3
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = document.EntityType });
        command.Parameters.Add(new NpgsqlParameter { Value = document.EntityId });
        command.Parameters.Add(new NpgsqlParameter { Value = document.UserId });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonbText.SanitizeText(document.Content) });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonbText.Sanitize(document.Metadata ?? "{}"), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = LexicalVector.Of(document.Content) });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Deletes the document inside the caller's transaction; false when there was none.</summary>
    public static async Task<bool> DeleteAsync(
        string entityType, Guid entityId, NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand("DELETE FROM search_index WHERE entity_type = $1 AND entity_id = $2", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = entityType });
        command.Parameters.Add(new NpgsqlParameter { Value = entityId });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Deletes the document in its own transaction; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string entityType, Guid entityId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await DeleteAsync(entityType, entityId, connection, null, cancellationToken);
    }

    /// <summary>
    /// Stores the embeddings of rows read at the given row versions (xmin), in one round trip. A row changed since it
    /// was read keeps its own (newer) state: the change queued it for the embedding worker again.
    /// </summary>
    public static async Task StoreEmbeddingsAsync(
        IReadOnlyList<(Guid Id, uint Version)> rows, IReadOnlyList<float[]> vectors, string model, IReadOnlyList<float[]>? lexical,
        NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(vectors);
        await using var batch = new NpgsqlBatch(connection, transaction);
        for (var i = 0; i < rows.Count; i++)
        {
            var command = new NpgsqlBatchCommand(StoreEmbeddingSql);
            command.Parameters.Add(new NpgsqlParameter { Value = rows[i].Id });
            command.Parameters.Add(new NpgsqlParameter { Value = rows[i].Version, NpgsqlDbType = NpgsqlDbType.Xid });
            command.Parameters.Add(new NpgsqlParameter { Value = new Vector(vectors[i]) });
            command.Parameters.Add(new NpgsqlParameter { Value = model });
            command.Parameters.Add(new NpgsqlParameter { Value = lexical is null ? DBNull.Value : lexical[i], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Real });
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<bool> UpsertAsync(
        IndexedDocument document, float[]? vector, string? model, int attempts, TimeSpan retryIn, string? error,
        NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(UpsertSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = document.EntityType });
        command.Parameters.Add(new NpgsqlParameter { Value = document.EntityId });
        command.Parameters.Add(new NpgsqlParameter { Value = document.UserId });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonbText.SanitizeText(document.Content) });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonbText.Sanitize(document.Metadata ?? "{}"), NpgsqlDbType = NpgsqlDbType.Jsonb });
        // An untyped NULL lets callers' own connections (without pgvector's type mapping) enqueue.
        command.Parameters.Add(new NpgsqlParameter { Value = vector is null ? DBNull.Value : new Vector(vector) });
        command.Parameters.Add(new NpgsqlParameter { Value = attempts });
        command.Parameters.Add(new NpgsqlParameter { Value = retryIn });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)error ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = vector is null || model is null ? DBNull.Value : model, NpgsqlDbType = NpgsqlDbType.Text });
        // real[] cast to vector in SQL: callers' connections need no pgvector type mapping for it.
        command.Parameters.Add(new NpgsqlParameter { Value = LexicalVector.Of(document.Content) });
        var created = await command.ExecuteScalarAsync(cancellationToken);
        return created is bool isNew
            ? isNew
            : throw new ConflictException($"{document.EntityType}/{document.EntityId} is indexed for another user; delete it first to move it.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedding failed; {Count} document(s) queued for the embedding worker: {Error}")]
    private static partial void LogQueued(ILogger logger, int count, string error);
}
