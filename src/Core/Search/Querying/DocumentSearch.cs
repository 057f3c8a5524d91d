using Monolith.Database;
using System.Text.Json;
using Monolith.Search.Embeddings;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace Monolith.Search.Querying;

/// <summary>The three ways of ranking one user's documents: semantic (cosine), full text (ts_rank_cd) and hybrid (RRF).</summary>
public sealed class DocumentSearch(NpgsqlDataSource dataSource, SearchEmbedder embedder)
{
    /// <summary>
    /// A user slice up to this many rows is scanned exactly: measured in tools/bench vector-search, an exact scan of a
    /// few thousand 384-dim rows is as fast as HNSW with a filter, and it is always complete and exact.
    /// </summary>
    public const int ExactScanMaxRows = 4000;

    /// <summary>Reciprocal rank fusion's k: ranks deep in a list count less, without any list dominating.</summary>
    public const int RrfK = 60;

    private static readonly string TsQuerySql = FullTextLanguages.Query("$2");

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(
        long userId, string query, int limit, IReadOnlyList<string>? entityTypes, SearchMode mode, CancellationToken cancellationToken)
    {
        switch (mode)
        {
            case SearchMode.FullText:
                return await FullTextAsync(userId, query, limit, entityTypes, cancellationToken);
            case SearchMode.Semantic:
                var vector = await embedder.EmbedQueryAsync(query, cancellationToken);
                return await SemanticAsync(userId, vector, limit, entityTypes, SemanticScan.Auto, cancellationToken);
            default:
                return await HybridAsync(userId, query, limit, entityTypes, cancellationToken);
        }
    }

    /// <summary>Score is 1 - cosine distance; only rows that have an embedding take part.</summary>
    public async Task<IReadOnlyList<SearchHit>> SemanticAsync(
        long userId, float[] query, int limit, IReadOnlyList<string>? entityTypes, SemanticScan scan, CancellationToken cancellationToken)
    {
        if (scan == SemanticScan.Exact)
        {
            return await ExactAsync(userId, query, limit, entityTypes, cancellationToken);
        }

        if (scan == SemanticScan.Auto && await SliceIsSmallAsync(userId, entityTypes, cancellationToken))
        {
            return await ExactAsync(userId, query, limit, entityTypes, cancellationToken);
        }

        var hits = await IndexAsync(userId, query, limit, entityTypes, cancellationToken);
        // The slice has more than ExactScanMaxRows rows, so fewer than limit hits means the iterative scan hit its tuple budget.
        return scan == SemanticScan.Auto && hits.Count < limit
            ? await ExactAsync(userId, query, limit, entityTypes, cancellationToken)
            : hits;
    }

    /// <summary>Score is ts_rank_cd over the simple, english and russian lexemes.</summary>
    public async Task<IReadOnlyList<SearchHit>> FullTextAsync(
        long userId, string query, int limit, IReadOnlyList<string>? entityTypes, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT entity_type, entity_id, content, metadata::text, ts_rank_cd(search_vector, q.query)::float8 AS score
            FROM search_index, (SELECT {TsQuerySql} AS query) q
            WHERE user_id = $1 AND search_vector @@ q.query {TypeFilter(entityTypes, 4)}
            ORDER BY score DESC, id
            LIMIT $3
            """;
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        command.Parameters.Add(new NpgsqlParameter { Value = query });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        AddTypes(command, entityTypes);
        return await ReadAsync(command, score => score, cancellationToken);
    }

    /// <summary>Score is the reciprocal rank fusion (k = 60) of the semantic and full-text rankings.</summary>
    public async Task<IReadOnlyList<SearchHit>> HybridAsync(
        long userId, string query, int limit, IReadOnlyList<string>? entityTypes, CancellationToken cancellationToken)
    {
        var depth = Math.Max(limit * 2, 20);
        var vector = await embedder.EmbedQueryAsync(query, cancellationToken);
        var semantic = await SemanticAsync(userId, vector, depth, entityTypes, SemanticScan.Auto, cancellationToken);
        var fullText = await FullTextAsync(userId, query, depth, entityTypes, cancellationToken);
        var fused = new Dictionary<(string, Guid), (SearchHit Hit, double Score)>();
        foreach (var ranking in new[] { semantic, fullText })
        {
            for (var rank = 0; rank < ranking.Count; rank++)
            {
                var hit = ranking[rank];
                var key = (hit.EntityType, hit.EntityId);
                var score = 1.0 / (RrfK + rank + 1);
                fused[key] = fused.TryGetValue(key, out var seen) ? (seen.Hit, seen.Score + score) : (hit, score);
            }
        }

        return [.. fused.Values.OrderByDescending(f => f.Score).ThenBy(f => f.Hit.EntityType, StringComparer.Ordinal).ThenBy(f => f.Hit.EntityId)
            .Take(limit).Select(f => f.Hit with { Score = f.Score })];
    }

    /// <summary>Counts the slice only up to the threshold, so the check costs the same for a huge user as for a small one.</summary>
    private async Task<bool> SliceIsSmallAsync(long userId, IReadOnlyList<string>? entityTypes, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT count(*) FROM (SELECT 1 FROM search_index WHERE user_id = $1 {TypeFilter(entityTypes, 3)} LIMIT $2) slice");
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        command.Parameters.Add(new NpgsqlParameter { Value = ExactScanMaxRows + 1 });
        AddTypes(command, entityTypes);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))! <= ExactScanMaxRows;
    }

    /// <summary>HNSW with iterative scan (hnsw.iterative_scan = relaxed_order, set for every session), re-ordered exactly.</summary>
    private async Task<IReadOnlyList<SearchHit>> IndexAsync(
        long userId, float[] query, int limit, IReadOnlyList<string>? entityTypes, CancellationToken cancellationToken)
    {
        var sql = $"""
            WITH nearest AS MATERIALIZED (
                SELECT entity_type, entity_id, content, metadata, embedding <=> $2 AS distance
                FROM search_index
                WHERE user_id = $1 AND embedding IS NOT NULL {TypeFilter(entityTypes, 4)}
                ORDER BY embedding <=> $2
                LIMIT $3)
            SELECT entity_type, entity_id, content, metadata::text, distance FROM nearest ORDER BY distance
            """;
        return await RunSemanticAsync(sql, userId, query, limit, entityTypes, cancellationToken);
    }

    /// <summary>Distances of the slice computed first (materialized, so the HNSW index cannot take over), then the top rows.</summary>
    private async Task<IReadOnlyList<SearchHit>> ExactAsync(
        long userId, float[] query, int limit, IReadOnlyList<string>? entityTypes, CancellationToken cancellationToken)
    {
        var sql = $"""
            WITH scored AS MATERIALIZED (
                SELECT id, embedding <=> $2 AS distance
                FROM search_index
                WHERE user_id = $1 AND embedding IS NOT NULL {TypeFilter(entityTypes, 4)})
            SELECT s.entity_type, s.entity_id, s.content, s.metadata::text, top.distance
            FROM (SELECT id, distance FROM scored ORDER BY distance, id LIMIT $3) top
            JOIN search_index s ON s.id = top.id
            ORDER BY top.distance, top.id
            """;
        return await RunSemanticAsync(sql, userId, query, limit, entityTypes, cancellationToken);
    }

    private async Task<IReadOnlyList<SearchHit>> RunSemanticAsync(
        string sql, long userId, float[] query, int limit, IReadOnlyList<string>? entityTypes, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        command.Parameters.Add(new NpgsqlParameter { Value = new Vector(query) });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        AddTypes(command, entityTypes);
        return await ReadAsync(command, distance => 1 - distance, cancellationToken);
    }

    private static string TypeFilter(IReadOnlyList<string>? entityTypes, int parameter) =>
        entityTypes is { Count: > 0 } ? $"AND entity_type = ANY(${parameter})" : string.Empty;

    private static void AddTypes(NpgsqlCommand command, IReadOnlyList<string>? entityTypes)
    {
        if (entityTypes is { Count: > 0 })
        {
            command.Parameters.Add(new NpgsqlParameter { Value = entityTypes.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        }
    }

    private static async Task<IReadOnlyList<SearchHit>> ReadAsync(NpgsqlCommand command, Func<double, double> score, CancellationToken cancellationToken)
    {
        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            using var metadata = JsonDocument.Parse(reader.GetString(3));
            hits.Add(new SearchHit(reader.GetString(0), reader.GetGuid(1), reader.GetString(2), metadata.RootElement.Clone(), score(reader.GetDouble(4))));
        }

        return hits;
    }
}
