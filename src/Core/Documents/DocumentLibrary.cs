using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Monolith.Audit;
using Monolith.Database;
using Monolith.Http;
using Monolith.Search;
using Npgsql;
using NpgsqlTypes;

namespace Monolith.Documents;

/// <summary>
/// The documents module's public service: add a user's file (read, chunked, indexed), list, read, delete and search
/// them. A document, its chunks and their search_index rows are written in one transaction (the embedding worker
/// embeds the rows after the commit, as for every other indexed row), so nothing is ever half stored.
/// </summary>
public sealed class DocumentLibrary(
    NpgsqlDataSource dataSource, DocumentExtractor extractor, TextChunker chunker, DocumentSearch search, SearchEmbedder embedder)
{
    /// <summary>The entity type of chunks in search_index.</summary>
    public const string ChunkEntityType = "document_chunk";

    public const string DeleteAction = "document_delete";

    private const string FindByHashSql = $"SELECT {DocumentView.Columns} FROM documents WHERE user_id = $1 AND content_hash = $2";

    private const string InsertSql = $"""
        INSERT INTO documents (user_id, file_name, format, content_type, size_bytes, content_hash, text, page_starts, chunk_count, metadata)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
        ON CONFLICT (user_id, content_hash) DO NOTHING
        RETURNING {DocumentView.Columns}
        """;

    private const string InsertChunksSql = """
        INSERT INTO document_chunks (id, document_id, chunk_index, start_char, end_char, page, page_end, token_count)
        SELECT c.id, $2, c.chunk_index, c.start_char, c.end_char, c.page, c.page_end, c.token_count
        FROM unnest($1::uuid[], $3::int[], $4::int[], $5::int[], $6::int[], $7::int[], $8::int[])
            AS c(id, chunk_index, start_char, end_char, page, page_end, token_count)
        """;

    private const string ListSql = $"""
        SELECT {DocumentView.Columns} FROM documents
        WHERE user_id = $1 AND ($2::timestamptz IS NULL OR (created_at, id) < ($2, $3))
        ORDER BY created_at DESC, id DESC LIMIT $4
        """;

    private const string ChunksSql = """
        SELECT c.id, c.chunk_index, c.start_char, c.end_char, c.page, c.page_end, c.token_count,
               substr(d.text, c.start_char + 1, c.end_char - c.start_char)
        FROM document_chunks c JOIN documents d ON d.id = c.document_id
        WHERE c.document_id = $1 ORDER BY c.chunk_index
        """;

    /// <summary>Reads, chunks and stores the file; the same bytes sent again by the same user answer the existing document.</summary>
    public async Task<DocumentAdded> AddAsync(NewDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var hash = Convert.ToHexStringLower(SHA256.HashData(document.Content));
        if (await FindByHashAsync(document.UserId, hash, cancellationToken) is { } existing)
        {
            return new DocumentAdded(existing, Duplicate: true);
        }

        var extracted = await extractor.ExtractAsync(document.Content, document.FileName, document.ContentType, cancellationToken);
        return await StoreAsync(document, hash, extracted, cancellationToken);
    }

    /// <summary>Text sent as text: stored as a text or Markdown document (by the file name), hashed as UTF-8.</summary>
    public async Task<DocumentAdded> AddTextAsync(long userId, string fileName, string text, string? metadata, CancellationToken cancellationToken)
    {
        var extracted = extractor.FromText(text, fileName);
        var content = Encoding.UTF8.GetBytes(text);
        var contentType = extracted.Format == DocumentFormats.Markdown ? "text/markdown" : "text/plain";
        var document = new NewDocument(userId, fileName, contentType, content, metadata);
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        return await FindByHashAsync(userId, hash, cancellationToken) is { } existing
            ? new DocumentAdded(existing, Duplicate: true)
            : await StoreAsync(document, hash, extracted, cancellationToken);
    }

    /// <summary>One page of the user's documents, newest first.</summary>
    public async Task<Page<DocumentView>> ListAsync(long userId, int limit, string? cursor, CancellationToken cancellationToken)
    {
        var after = PageCursor.Decode<DocumentCursor>(cursor);
        await using var command = dataSource.CreateCommand(ListSql);
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)after?.CreatedAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = after?.Id ?? Guid.Empty });
        command.Parameters.Add(new NpgsqlParameter { Value = limit + 1 });
        var rows = new List<DocumentView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Read(reader));
        }

        return PageCursor.ToPage(rows, limit, d => d, d => new DocumentCursor(d.CreatedAt, d.Id));
    }

    /// <summary>The document, or null when there is none or <paramref name="userId"/> is given and is not its owner.</summary>
    public async Task<DocumentView?> FindAsync(Guid id, long? userId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {DocumentView.Columns} FROM documents WHERE id = $1 AND ($2::bigint IS NULL OR user_id = $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)userId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>The document's chunks in order with their text, or null when the document is not there (or not the user's).</summary>
    public async Task<IReadOnlyList<ChunkView>?> ChunksAsync(Guid id, long? userId, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, userId, cancellationToken) is null)
        {
            return null;
        }

        await using var command = dataSource.CreateCommand(ChunksSql);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        var chunks = new List<ChunkView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            chunks.Add(new ChunkView(
                reader.GetGuid(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetString(7)));
        }

        return chunks;
    }

    /// <summary>
    /// Deletes the document, its chunks and their search rows with an audit row naming <paramref name="actor"/>, in one
    /// transaction; false when there is no such document (or it is not <paramref name="userId"/>'s).
    /// </summary>
    public async Task<bool> DeleteAsync(Guid id, long? userId, string actor, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long owner;
        string fileName;
        await using (var find = new NpgsqlCommand("SELECT user_id, file_name FROM documents WHERE id = $1 AND ($2::bigint IS NULL OR user_id = $2) FOR UPDATE", connection, transaction))
        {
            find.Parameters.Add(new NpgsqlParameter { Value = id });
            find.Parameters.Add(new NpgsqlParameter { Value = (object?)userId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return false;
            }

            (owner, fileName) = (reader.GetInt64(0), reader.GetString(1));
        }

        var chunkIds = new List<Guid>();
        await using (var chunks = new NpgsqlCommand("SELECT id FROM document_chunks WHERE document_id = $1", connection, transaction))
        {
            chunks.Parameters.Add(new NpgsqlParameter { Value = id });
            await using var reader = await chunks.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                chunkIds.Add(reader.GetGuid(0));
            }
        }

        foreach (var chunkId in chunkIds)
        {
            await SearchIndexer.DeleteAsync(ChunkEntityType, chunkId, connection, transaction, cancellationToken);
        }

        await using (var delete = new NpgsqlCommand("DELETE FROM documents WHERE id = $1", connection, transaction))
        {
            delete.Parameters.Add(new NpgsqlParameter { Value = id });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await AuditLog.RecordAsync(
            new AuditEvent(DeleteAction, actor, new { documentId = id, userId = owner, fileName, chunks = chunkIds.Count }), connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The user's chunks that best answer the query (in one document when <paramref name="documentId"/> is given), with citations.</summary>
    public async Task<IReadOnlyList<DocumentCitation>> SearchAsync(
        long userId, string query, int limit, SearchMode mode, Guid? documentId, CancellationToken cancellationToken)
    {
        var filter = new SearchFilter([ChunkEntityType], documentId is { } only ? new JsonObject { ["documentId"] = only.ToString() }.ToJsonString() : null);
        var hits = mode switch
        {
            SearchMode.FullText => await search.FullTextAsync(userId, query, limit, filter, cancellationToken),
            SearchMode.Hybrid => await search.HybridAsync(userId, query, limit, filter, cancellationToken),
            _ => await search.SemanticAsync(userId, await embedder.EmbedQueryAsync(query, cancellationToken), limit, filter, SemanticScan.Auto, cancellationToken),
        };
        return [.. hits.Select(Citation)];
    }

    private static DocumentCitation Citation(SearchHit hit)
    {
        var m = hit.Metadata;
        return new DocumentCitation(
            m.GetProperty("documentId").GetGuid(), m.GetProperty("fileName").GetString()!, m.GetProperty("chunkIndex").GetInt32(),
            m.GetProperty("startChar").GetInt32(), m.GetProperty("endChar").GetInt32(), m.GetProperty("page").GetInt32(),
            m.GetProperty("pageEnd").GetInt32(), hit.Content, hit.Score);
    }

    private async Task<DocumentAdded> StoreAsync(NewDocument document, string hash, ExtractedText extracted, CancellationToken cancellationToken)
    {
        var chunks = chunker.Chunk(extracted.Text, extracted.PageStarts, cancellationToken);
        var ids = chunks.Select(_ => Guid.CreateVersion7()).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        DocumentView? stored;
        await using (var insert = new NpgsqlCommand(InsertSql, connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = document.UserId });
            insert.Parameters.Add(new NpgsqlParameter { Value = document.FileName });
            insert.Parameters.Add(new NpgsqlParameter { Value = extracted.Format });
            insert.Parameters.Add(new NpgsqlParameter { Value = ContentTypeOf(document, extracted.Format) });
            insert.Parameters.Add(new NpgsqlParameter { Value = (long)document.Content.Length });
            insert.Parameters.Add(new NpgsqlParameter { Value = hash });
            insert.Parameters.Add(new NpgsqlParameter { Value = extracted.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = extracted.PageStarts });
            insert.Parameters.Add(new NpgsqlParameter { Value = chunks.Count });
            insert.Parameters.Add(new NpgsqlParameter { Value = JsonbText.Sanitize(document.Metadata ?? "{}"), NpgsqlDbType = NpgsqlDbType.Jsonb });
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
            stored = await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
        }

        if (stored is null)
        {
            // The same file from the same user committed meanwhile: answer that one.
            await transaction.RollbackAsync(cancellationToken);
            return new DocumentAdded(await FindByHashAsync(document.UserId, hash, cancellationToken) ?? throw new ConflictException("The document was deleted while it was being added; send it again."), true);
        }

        await using (var insertChunks = new NpgsqlCommand(InsertChunksSql, connection, transaction))
        {
            insertChunks.Parameters.Add(new NpgsqlParameter { Value = ids });
            insertChunks.Parameters.Add(new NpgsqlParameter { Value = stored.Id });
            insertChunks.Parameters.Add(new NpgsqlParameter { Value = chunks.Select(c => c.Index).ToArray() });
            insertChunks.Parameters.Add(new NpgsqlParameter { Value = chunks.Select(c => c.Start).ToArray() });
            insertChunks.Parameters.Add(new NpgsqlParameter { Value = chunks.Select(c => c.End).ToArray() });
            insertChunks.Parameters.Add(new NpgsqlParameter { Value = chunks.Select(c => c.Page).ToArray() });
            insertChunks.Parameters.Add(new NpgsqlParameter { Value = chunks.Select(c => c.PageEnd).ToArray() });
            insertChunks.Parameters.Add(new NpgsqlParameter { Value = chunks.Select(c => c.Tokens).ToArray() });
            await insertChunks.ExecuteNonQueryAsync(cancellationToken);
        }

        for (var i = 0; i < chunks.Count; i++)
        {
            var chunk = chunks[i];
            var metadata = new JsonObject
            {
                ["documentId"] = stored.Id.ToString(),
                ["fileName"] = document.FileName,
                ["chunkIndex"] = chunk.Index,
                ["startChar"] = chunk.Start,
                ["endChar"] = chunk.End,
                ["page"] = chunk.Page,
                ["pageEnd"] = chunk.PageEnd,
            };
            await SearchIndexer.EnqueueAsync(
                new IndexedDocument(ChunkEntityType, ids[i], document.UserId, extracted.Text[chunk.Start..chunk.End], metadata.ToJsonString()),
                connection, transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new DocumentAdded(stored, Duplicate: false);
    }

    private async Task<DocumentView?> FindByHashAsync(long userId, string hash, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(FindByHashSql);
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        command.Parameters.Add(new NpgsqlParameter { Value = hash });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static string ContentTypeOf(NewDocument document, string format) =>
        !string.IsNullOrWhiteSpace(document.ContentType) && document.ContentType.Length <= 255 ? document.ContentType : format switch
        {
            DocumentFormats.Pdf => "application/pdf",
            DocumentFormats.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            DocumentFormats.Markdown => "text/markdown",
            _ => "text/plain",
        };

    private static DocumentView Read(NpgsqlDataReader reader)
    {
        using var metadata = JsonDocument.Parse(reader.GetString(10));
        return new DocumentView(
            reader.GetGuid(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt64(5),
            reader.GetString(6), reader.GetInt32(7), reader.GetInt32(8), reader.GetInt32(9), metadata.RootElement.Clone(), reader.GetDateTime(11));
    }

    private sealed record DocumentCursor(DateTime CreatedAt, Guid Id);
}
