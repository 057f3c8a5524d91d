using System.Globalization;
using System.Text;
using System.Text.Json;
using Monolith.Database;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace Monolith.Search;

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
        var filter = new SearchFilter(entityTypes);
        switch (mode)
        {
            case SearchMode.FullText:
                return await FullTextAsync(userId, query, limit, filter, cancellationToken);
            case SearchMode.Semantic:
                var vector = await embedder.EmbedQueryAsync(query, cancellationToken);
                return await SemanticAsync(userId, vector, limit, filter, SemanticScan.Auto, cancellationToken);
            default:
                return await HybridAsync(userId, query, limit, filter, cancellationToken);
        }
    }

    /// <summary>Score is 1 - cosine distance; only rows that have an embedding take part.</summary>
    public Task<IReadOnlyList<SearchHit>> SemanticAsync(
        long userId, float[] query, int limit, IReadOnlyList<string>? entityTypes, SemanticScan scan, CancellationToken cancellationToken) =>
        SemanticAsync(userId, query, limit, new SearchFilter(entityTypes), scan, cancellationToken);

    /// <summary>Score is 1 - cosine distance; only rows that have an embedding take part.</summary>
    public async Task<IReadOnlyList<SearchHit>> SemanticAsync(
        long userId, float[] query, int limit, SearchFilter filter, SemanticScan scan, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(SemanticCommand(userId, query, limit, filter, scan));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        return await ReadSemanticAsync(reader, filter, cancellationToken);
    }

    /// <summary>Score is ts_rank_cd over the simple, english and russian lexemes.</summary>
    public async Task<IReadOnlyList<SearchHit>> FullTextAsync(
        long userId, string query, int limit, SearchFilter filter, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(FullTextCommand(userId, query, limit, filter));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        return await ReadAsync(reader, score => score, cancellationToken);
    }

    /// <summary>
    /// Score is the reciprocal rank fusion (k = 60) of the semantic and full-text rankings, both read in one round trip.
    /// A filter's MinSimilarity applies to the semantic ranking only: a row that matches the words is always found.
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>> HybridAsync(
        long userId, string query, int limit, SearchFilter filter, CancellationToken cancellationToken)
    {
        var depth = Math.Max(limit * 2, 20);
        var vector = await embedder.EmbedQueryAsync(query, cancellationToken);
        IReadOnlyList<SearchHit> semantic, fullText;
        await using (var batch = dataSource.CreateBatch())
        {
            batch.BatchCommands.Add(SemanticCommand(userId, vector, depth, filter, SemanticScan.Auto));
            batch.BatchCommands.Add(FullTextCommand(userId, query, depth, filter));
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            semantic = await ReadSemanticAsync(reader, filter, cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            fullText = await ReadAsync(reader, score => score, cancellationToken);
        }

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

    private static NpgsqlBatchCommand SemanticCommand(long userId, float[] query, int limit, SearchFilter filter, SemanticScan scan)
    {
        var (conditions, parameters) = Conditions(filter, 4);
        var command = new NpgsqlBatchCommand(SemanticSql(conditions, scan));
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        command.Parameters.Add(new NpgsqlParameter { Value = new Vector(query) });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        AddAll(command, parameters);
        return command;
    }

    private static NpgsqlBatchCommand FullTextCommand(long userId, string query, int limit, SearchFilter filter)
    {
        var (conditions, parameters) = Conditions(filter, 4);
        var command = new NpgsqlBatchCommand($"""
            SELECT entity_type, entity_id, content, metadata::text, ts_rank_cd(search_vector, q.query)::float8 AS score
            FROM search_index, (SELECT {TsQuerySql} AS query) q
            WHERE user_id = $1 AND search_vector @@ q.query {conditions}
            ORDER BY score DESC, id
            LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = userId });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonbText.SanitizeText(query) });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        AddAll(command, parameters);
        return command;
    }

    /// <summary>Reads the semantic ranking at the reader's current result, cut at the filter's MinSimilarity.</summary>
    private static async Task<IReadOnlyList<SearchHit>> ReadSemanticAsync(NpgsqlDataReader reader, SearchFilter filter, CancellationToken cancellationToken)
    {
        var hits = await ReadAsync(reader, distance => 1 - distance, cancellationToken);

        // The nearest rows come first, so the ones close enough are a prefix: cutting after the top-limit query gives
        // the same rows as filtering inside it, and leaves the index path's "too few rows" check meaningful.
        return filter.MinSimilarity is { } floor ? [.. hits.TakeWhile(h => h.Score >= floor)] : hits;
    }

    /// <summary>
    /// One statement for every scan, so choosing costs no extra round trip. Both rankings are written; PostgreSQL runs
    /// only the one <c>pick</c> selects (a CTE is evaluated when read, and a one-time filter that is false reads nothing).
    /// <c>nearest</c> is HNSW with iterative scan (hnsw.iterative_scan = relaxed_order, set for every session);
    /// <c>scored</c> is the exact scan, materialized so the HNSW index cannot take over. Auto picks exact for a slice
    /// of at most <see cref="ExactScanMaxRows"/> rows (counted only up to the threshold, so the check costs the same for
    /// a huge user as for a small one), and falls back to it when HNSW returns fewer than limit rows: the slice is
    /// larger than limit, so that means the iterative scan hit its tuple budget.
    /// </summary>
    private static string SemanticSql(string conditions, SemanticScan scan)
    {
        var exact = scan switch
        {
            SemanticScan.Exact => "true",
            SemanticScan.Index => "false",
            _ => string.Create(CultureInfo.InvariantCulture, $"""
                (SELECT count(*) FROM (SELECT 1 FROM search_index WHERE user_id = $1 {conditions} LIMIT {ExactScanMaxRows + 1}) slice) <= {ExactScanMaxRows}
                        OR (SELECT count(*) FROM nearest) < $3
                """),
        };
        return $"""
            WITH nearest AS MATERIALIZED (
                SELECT id, embedding <=> $2 AS distance
                FROM search_index
                WHERE user_id = $1 AND embedding IS NOT NULL {conditions}
                ORDER BY embedding <=> $2
                LIMIT $3),
            scored AS MATERIALIZED (
                SELECT id, embedding <=> $2 AS distance
                FROM search_index
                WHERE user_id = $1 AND embedding IS NOT NULL {conditions}),
            pick AS (SELECT {exact} AS exact),
            ranked AS (
                (SELECT id, distance FROM scored WHERE (SELECT exact FROM pick) ORDER BY distance, id LIMIT $3)
                UNION ALL
                SELECT id, distance FROM nearest WHERE NOT (SELECT exact FROM pick))
            SELECT s.entity_type, s.entity_id, s.content, s.metadata::text, r.distance
            FROM ranked r JOIN search_index s ON s.id = r.id
            ORDER BY r.distance, r.id
            """;
    }

    /// <summary>The filter's SQL conditions on search_index (each starting with AND) and their parameters, numbered from <paramref name="first"/>.</summary>
    private static (string Sql, IReadOnlyList<NpgsqlParameter> Parameters) Conditions(SearchFilter filter, int first)
    {
        var sql = new StringBuilder();
        var parameters = new List<NpgsqlParameter>();
        if (filter.EntityTypes is { Count: > 0 } types)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND entity_type = ANY(${first + parameters.Count})");
            parameters.Add(new NpgsqlParameter { Value = types.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        }

        if (filter.MetadataContains is { } metadata)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND metadata @> ${first + parameters.Count}");
            parameters.Add(new NpgsqlParameter { Value = JsonbText.Sanitize(metadata), NpgsqlDbType = NpgsqlDbType.Jsonb });
        }

        if (filter.Excluding is { } excluded)
        {
            sql.Append(CultureInfo.InvariantCulture, $" AND entity_id <> ${first + parameters.Count}");
            parameters.Add(new NpgsqlParameter { Value = excluded });
        }

        return (sql.ToString(), parameters);
    }

    private static void AddAll(NpgsqlBatchCommand command, IReadOnlyList<NpgsqlParameter> parameters)
    {
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(parameter);
        }
    }

    /// <summary>Reads the hits of the reader's current result.</summary>
    private static async Task<IReadOnlyList<SearchHit>> ReadAsync(NpgsqlDataReader reader, Func<double, double> score, CancellationToken cancellationToken)
    {
        var hits = new List<SearchHit>();
        while (await reader.ReadAsync(cancellationToken))
        {
            using var metadata = JsonDocument.Parse(reader.GetString(3));
            hits.Add(new SearchHit(reader.GetString(0), reader.GetGuid(1), reader.GetString(2), metadata.RootElement.Clone(), score(reader.GetDouble(4))));
        }

        return hits;
    }
}
