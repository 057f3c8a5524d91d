using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Operations;
using Npgsql;
using NpgsqlTypes;

namespace Monolith.Search;

/// <summary>tools/monolith reindex: re-embeds search_index with the configured provider, resumably; can change the dimension.</summary>
public sealed class ReindexCommand : IOperatorCommand
{
    public const int DefaultBatch = 64;
    public const string EveryType = "*";

    public string Name => "reindex";

    public string Summary => "re-embed search documents (resumable; --dimension switches EMBEDDING_DIM)";

    public string Help => """
        usage: tools/monolith reindex [--entity-type TYPE] [--batch N] [--dimension N]

        Re-embeds every search document (or those of one entity type) with the configured EMBEDDING_PROVIDER,
        in id order, N per transaction (default 64), printing progress. Progress is stored: if the run stops
        (Ctrl+C, a provider failure, a crash), running the same command again continues where it stopped.
        Run it with the new settings to switch provider or model at the same dimension: a service still running
        with the old ones keeps answering, and rows it embeds meanwhile are re-embedded at the end.

        --dimension N   switch search_index.embedding to vector(N); N must equal EMBEDDING_DIM. Drops every
                        embedding and the HNSW index, re-embeds all documents, then rebuilds the index.
                        Stop the service first: it refuses to start while the dimensions differ.
        """;

    public async Task<int> RunAsync(IServiceProvider services, OperatorArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        arguments.AllowOnly("entity-type", "batch", "dimension");
        var settings = services.GetRequiredService<EmbeddingSettings>();
        var embedder = services.GetRequiredService<SearchEmbedder>();
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        var entityType = arguments.Option("entity-type");
        var scope = entityType ?? EveryType;
        var batch = arguments.Number("batch", DefaultBatch, 1, 1000);
        var dimension = arguments.Option("dimension") is null ? (int?)null : arguments.Number("dimension", 0, 1, EmbeddingSettings.MaxIndexedDimension);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var stored = await EmbeddingColumn.DimensionAsync(connection, cancellationToken)
            ?? throw new OperatorUsageException("search_index does not exist: run tools/monolith migrate first");
        if (dimension is { } wanted && wanted != settings.Dimension)
        {
            throw new OperatorUsageException($"--dimension {wanted} must equal EMBEDDING_DIM ({settings.Dimension}): set both to the new size");
        }

        if (stored != settings.Dimension)
        {
            if (dimension is null)
            {
                throw new OperatorUsageException(
                    $"search_index.embedding is vector({stored}) but EMBEDDING_DIM is {settings.Dimension}: pass --dimension {settings.Dimension} to switch");
            }

            if (entityType is not null)
            {
                throw new OperatorUsageException("--dimension re-embeds every document: leave out --entity-type");
            }

            await SwitchDimensionAsync(connection, settings.Dimension, output, cancellationToken);
        }

        var (lastId, done) = await StartOrResumeAsync(connection, scope, settings.Dimension, output, cancellationToken);
        var total = await CountAsync(connection, entityType, cancellationToken);
        while (true)
        {
            var rows = await NextBatchAsync(connection, lastId, entityType, batch, cancellationToken);
            if (rows.Count == 0)
            {
                break;
            }

            var vectors = await embedder.EmbedPassagesAsync([.. rows.Select(r => r.Content)], cancellationToken);
            lastId = rows[^1].Id;
            done += rows.Count;
            await StoreAsync(connection, rows, vectors, embedder.Model, scope, lastId, done, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"reindex: {done}/{Math.Max(total, done)} documents"));
        }

        done += await SweepOtherModelsAsync(connection, embedder, entityType, batch, output, cancellationToken);
        await EnsureIndexAsync(connection, output, cancellationToken);
        await using (var finish = new NpgsqlCommand("DELETE FROM search_reindex_progress WHERE scope = $1", connection))
        {
            finish.Parameters.Add(new NpgsqlParameter { Value = scope });
            await finish.ExecuteNonQueryAsync(cancellationToken);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"reindex: done, {done} documents embedded at dimension {settings.Dimension}"));
        return 0;
    }

    private static async Task SwitchDimensionAsync(NpgsqlConnection connection, int dimension, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"reindex: switching search_index.embedding to vector({dimension}); every document is re-embedded"));
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(string.Create(CultureInfo.InvariantCulture, $"""
            DROP INDEX IF EXISTS {SearchDbContext.HnswIndexName};
            ALTER TABLE search_index ALTER COLUMN embedding TYPE vector({dimension}) USING NULL;
            UPDATE search_index SET embedding_model = NULL, embed_attempts = 0, embed_error = NULL, embed_after = now();
            DELETE FROM search_reindex_progress;
            INSERT INTO search_reindex_progress (scope, last_id, done, dimension) VALUES ('{EveryType}', '00000000-0000-0000-0000-000000000000', 0, {dimension});
            """), connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await connection.ReloadTypesAsync(cancellationToken);
    }

    /// <summary>
    /// Re-embeds rows still holding another model's vectors after the pass in id order: rows that a service still
    /// running with the old settings embedded behind the pass. Repeats while it finds some, a few times at most.
    /// </summary>
    private static async Task<long> SweepOtherModelsAsync(
        NpgsqlConnection connection, SearchEmbedder embedder, string? entityType, int batch, TextWriter output, CancellationToken cancellationToken)
    {
        const int MaxPasses = 5;
        long swept = 0;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var found = 0;
            var after = Guid.Empty;
            while (true)
            {
                await using var select = new NpgsqlCommand("""
                    SELECT id, content, xmin FROM search_index
                    WHERE id > $1 AND ($2::text IS NULL OR entity_type = $2) AND embedding IS NOT NULL AND embedding_model IS DISTINCT FROM $4
                    ORDER BY id LIMIT $3
                    """, connection);
                select.Parameters.Add(new NpgsqlParameter { Value = after });
                select.Parameters.Add(new NpgsqlParameter { Value = (object?)entityType ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
                select.Parameters.Add(new NpgsqlParameter { Value = batch });
                select.Parameters.Add(new NpgsqlParameter { Value = embedder.Model });
                var rows = new List<(Guid Id, string Content, uint Version)>();
                await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        rows.Add((reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<uint>(2)));
                    }
                }

                if (rows.Count == 0)
                {
                    break;
                }

                var vectors = await embedder.EmbedPassagesAsync([.. rows.Select(r => r.Content)], cancellationToken);
                await SearchIndexer.StoreEmbeddingsAsync(
                    [.. rows.Select(r => (r.Id, r.Version))], vectors, embedder.Model, [.. rows.Select(r => LexicalVector.Of(r.Content))], connection, null, cancellationToken);
                after = rows[^1].Id;
                found += rows.Count;
            }

            if (found == 0)
            {
                break;
            }

            swept += found;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"reindex: {found} documents embedded meanwhile by another model, re-embedded"));
        }

        return swept;
    }

    private static async Task<(Guid LastId, long Done)> StartOrResumeAsync(
        NpgsqlConnection connection, string scope, int dimension, TextWriter output, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO search_reindex_progress (scope, last_id, done, dimension) VALUES ($1, '00000000-0000-0000-0000-000000000000', 0, $2)
            ON CONFLICT (scope) DO UPDATE SET updated_at = now()
            RETURNING last_id, done, dimension
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = scope });
        command.Parameters.Add(new NpgsqlParameter { Value = dimension });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (lastId, done, runDimension) = (reader.GetGuid(0), reader.GetInt64(1), reader.GetInt32(2));
        if (runDimension != dimension)
        {
            // A run started at another dimension cannot be continued: its embeddings have the other size.
            await reader.DisposeAsync();
            await using var restart = new NpgsqlCommand(
                "UPDATE search_reindex_progress SET last_id = '00000000-0000-0000-0000-000000000000', done = 0, dimension = $2, started_at = now() WHERE scope = $1", connection);
            restart.Parameters.Add(new NpgsqlParameter { Value = scope });
            restart.Parameters.Add(new NpgsqlParameter { Value = dimension });
            await restart.ExecuteNonQueryAsync(cancellationToken);
            return (Guid.Empty, 0);
        }

        if (done > 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"reindex: resuming after {done} documents"));
        }

        return (lastId, done);
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string? entityType, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT count(*) FROM search_index WHERE $1::text IS NULL OR entity_type = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entityType ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<List<(Guid Id, string Content, uint Version)>> NextBatchAsync(
        NpgsqlConnection connection, Guid after, string? entityType, int batch, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT id, content, xmin FROM search_index
            WHERE id > $1 AND ($2::text IS NULL OR entity_type = $2)
            ORDER BY id LIMIT $3
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = after });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)entityType ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = batch });
        var rows = new List<(Guid, string, uint)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<uint>(2)));
        }

        return rows;
    }

    /// <summary>The embeddings and the progress commit together, so a resumed run never skips or repeats a batch.</summary>
    private static async Task StoreAsync(
        NpgsqlConnection connection, List<(Guid Id, string Content, uint Version)> rows, IReadOnlyList<float[]> vectors, string model,
        string scope, Guid lastId, long done, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await SearchIndexer.StoreEmbeddingsAsync(
            [.. rows.Select(r => (r.Id, r.Version))], vectors, model, [.. rows.Select(r => LexicalVector.Of(r.Content))], connection, transaction, cancellationToken);
        await using var progress = new NpgsqlCommand(
            "UPDATE search_reindex_progress SET last_id = $2, done = $3, updated_at = now() WHERE scope = $1", connection, transaction);
        progress.Parameters.Add(new NpgsqlParameter { Value = scope });
        progress.Parameters.Add(new NpgsqlParameter { Value = lastId });
        progress.Parameters.Add(new NpgsqlParameter { Value = done });
        await progress.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task EnsureIndexAsync(NpgsqlConnection connection, TextWriter output, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand($"SELECT to_regclass('{SearchDbContext.HnswIndexName}') IS NOT NULL", connection);
        if ((bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
        {
            return;
        }

        await output.WriteLineAsync("reindex: building the HNSW index");
        await using var create = new NpgsqlCommand(
            $"CREATE INDEX IF NOT EXISTS {SearchDbContext.HnswIndexName} ON search_index USING hnsw (embedding vector_cosine_ops)", connection)
        {
            CommandTimeout = 0,
        };
        await create.ExecuteNonQueryAsync(cancellationToken);
    }
}
