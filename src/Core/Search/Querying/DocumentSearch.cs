using System.Globalization;
using System.Text;
using System.Text.Json;
using Monolith.Database;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace Monolith.Search;

/// <summary>
/// The three ways of ranking one user's documents: semantic (cosine to the query's embedding), full text (ts_rank_cd
/// of the words that match) and hybrid (the model's meaning, the words' forms and full text, weighted).
/// </summary>
public sealed class DocumentSearch(NpgsqlDataSource dataSource, SearchEmbedder embedder)
{
    /// <summary>
    /// A user slice up to this many rows is scanned exactly: measured in tools/bench vector-search, an exact scan of a
    /// few thousand 384-dim rows is as fast as HNSW with a filter, and it is always complete and exact.
    /// </summary>
    public const int ExactScanMaxRows = 4000;

    /// <summary>Hybrid's weight of the model's cosine similarity (meaning).</summary>
    public const double MeaningWeight = 0.5;

    /// <summary>Hybrid's weight of the hashed word and n-gram cosine (<see cref="LexicalVector"/>: word forms).</summary>
    public const double WordFormWeight = 0.3;

    /// <summary>Hybrid's weight of the full-text score (the words that match, stemmed).</summary>
    public const double FullTextWeight = 0.2;

    /// <summary>Hybrid's weight of meaning for a query mostly outside the Latin script when the model is English-only.</summary>
    public const double ForeignMeaningWeight = 0.4;

    // Every statement takes the same parameters, so the three rankings of hybrid share one list:
    // $1 user, $2 query embedding, $3 limit, $4 the configured model, $5 the query's lexical vector, $6 the full-text query text,
    // $7 its Ukrainian prefixes (UkrainianStems.Query).
    private const int FirstFilterParameter = 8;

    private static readonly string TsQuerySql = FullTextLanguages.Query("$6", "$7");

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(
        long userId, string query, int limit, IReadOnlyList<string>? entityTypes, SearchMode mode, CancellationToken cancellationToken) =>
        await SearchAsync(userId, query, limit, new SearchFilter(entityTypes), mode, cancellationToken);

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(
        long userId, string query, int limit, SearchFilter filter, SearchMode mode, CancellationToken cancellationToken)
    {
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

    /// <summary>Score is 1 - cosine distance; only rows embedded by the configured model take part.</summary>
    public Task<IReadOnlyList<SearchHit>> SemanticAsync(
        long userId, float[] query, int limit, IReadOnlyList<string>? entityTypes, SemanticScan scan, CancellationToken cancellationToken) =>
        SemanticAsync(userId, query, limit, new SearchFilter(entityTypes), scan, cancellationToken);

    /// <summary>Score is 1 - cosine distance; only rows embedded by the configured model take part.</summary>
    public async Task<IReadOnlyList<SearchHit>> SemanticAsync(
        long userId, float[] query, int limit, SearchFilter filter, SemanticScan scan, CancellationToken cancellationToken)
    {
        var rows = await RankAsync(userId, query, null, string.Empty, limit, filter, [Ranking.Meaning], scan, cancellationToken);
        var floor = Math.Max(filter.MinSimilarity ?? double.MinValue, filter.MinScore ?? double.MinValue);

        // The nearest rows come first, so the ones close enough are a prefix: cutting after the top-limit query gives
        // the same rows as filtering inside it, and leaves the index path's "too few rows" check meaningful.
        return [.. rows[0].TakeWhile(r => r.Meaning >= floor).Select(r => r.Hit(r.Meaning ?? 0))];
    }

    /// <summary>
    /// Score is ts_rank_cd normalised to 0..1 (rank / (rank + 1)); a plain question matches by any of its content words
    /// (<see cref="FullTextQuery"/>), so documents with more of them, closer together, rank first.
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>> FullTextAsync(
        long userId, string query, int limit, SearchFilter filter, CancellationToken cancellationToken)
    {
        var rows = await RankAsync(userId, null, null, query, limit, filter, [Ranking.FullText], SemanticScan.Auto, cancellationToken);
        return [.. rows[0].Where(r => r.FullText >= (filter.MinScore ?? double.MinValue)).Select(r => r.Hit(r.FullText))];
    }

    /// <summary>
    /// Candidates are the top of three rankings, read in one round trip: the model's embedding (meaning), the hashed
    /// word and n-gram vector (word forms, whatever the model's languages) and full text. Each candidate's score is
    /// <see cref="MeaningWeight"/>·meaning + <see cref="WordFormWeight"/>·word forms + <see cref="FullTextWeight"/>·full
    /// text, all three computed exactly for it. A filter's MinSimilarity keeps rows close enough by meaning or by word
    /// forms, and every row that matches the words; MinScore cuts the weighted score.
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>> HybridAsync(
        long userId, string query, int limit, SearchFilter filter, CancellationToken cancellationToken)
    {
        var depth = Math.Max(limit * 2, 20);
        var vector = await embedder.EmbedQueryAsync(query, cancellationToken);
        var rankings = await RankAsync(
            userId, vector, LexicalVector.Of(query), query, depth, filter, [Ranking.Meaning, Ranking.WordForms, Ranking.FullText], SemanticScan.Auto, cancellationToken);
        var candidates = new Dictionary<(string, Guid), ScoredRow>();
        foreach (var row in rankings.SelectMany(r => r))
        {
            candidates.TryAdd((row.EntityType, row.EntityId), row);
        }

        var floor = filter.MinSimilarity;
        var foreign = embedder.EnglishOnly && MostlyForeignScript(query);
        return [.. candidates.Values
            .Where(r => floor is not { } f || r.Matched || r.Meaning >= f || r.WordForms >= f)
            .Select(r => r.Hit(Weighted(r, foreign)))
            .Where(h => h.Score >= (filter.MinScore ?? double.MinValue))
            .OrderByDescending(h => h.Score).ThenBy(h => h.EntityType, StringComparer.Ordinal).ThenBy(h => h.EntityId)
            .Take(limit)];
    }

    /// <summary>
    /// The weighted score. An English-only model (the default) understands little of a query written mostly in another
    /// script, so there its meaning weighs <see cref="ForeignMeaningWeight"/> and word forms take the rest
    /// (measured in tools/bench memory-quality: Ukrainian paraphrases 8 → 10 of 20, English unchanged).
    /// </summary>
    private static double Weighted(ScoredRow row, bool foreign)
    {
        var meaning = foreign ? ForeignMeaningWeight : MeaningWeight;
        var wordForms = WordFormWeight + (MeaningWeight - meaning);
        return (meaning * Math.Max(row.Meaning ?? 0, 0)) + (wordForms * Math.Max(row.WordForms ?? 0, 0)) + (FullTextWeight * row.FullText);
    }

    /// <summary>True when fewer than half of the query's letters are Latin.</summary>
    private static bool MostlyForeignScript(string query)
    {
        int letters = 0, latin = 0;
        foreach (var c in query)
        {
            if (char.IsLetter(c))
            {
                letters++;
                latin += c < 'ɐ' ? 1 : 0;
            }
        }

        return letters > 0 && latin * 2 < letters;
    }

    private async Task<List<List<ScoredRow>>> RankAsync(
        long userId, float[]? vector, float[]? lexical, string query, int limit, SearchFilter filter, Ranking[] rankings, SemanticScan scan,
        CancellationToken cancellationToken)
    {
        var (conditions, parameters) = Conditions(filter, FirstFilterParameter);
        await using var batch = dataSource.CreateBatch();
        foreach (var ranking in rankings)
        {
            var command = new NpgsqlBatchCommand(RankingSql(ranking, conditions, scan));
            command.Parameters.Add(new NpgsqlParameter { Value = userId });
            command.Parameters.Add(new NpgsqlParameter { Value = vector is null ? DBNull.Value : new Vector(vector), DataTypeName = "vector" });
            command.Parameters.Add(new NpgsqlParameter { Value = limit });
            command.Parameters.Add(new NpgsqlParameter { Value = embedder.Model, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = lexical is null ? DBNull.Value : new Vector(lexical), DataTypeName = "vector" });
            var fullText = JsonbText.SanitizeText(FullTextQuery.Of(query));
            command.Parameters.Add(new NpgsqlParameter { Value = fullText, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)UkrainianStems.Query(fullText) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            foreach (var parameter in parameters)
            {
                command.Parameters.Add(parameter.Clone());
            }

            batch.BatchCommands.Add(command);
        }

        var results = new List<List<ScoredRow>>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        do
        {
            var rows = new List<ScoredRow>();
            while (await reader.ReadAsync(cancellationToken))
            {
                using var metadata = JsonDocument.Parse(reader.GetString(3));
                rows.Add(new ScoredRow(
                    reader.GetString(0), reader.GetGuid(1), reader.GetString(2), metadata.RootElement.Clone(),
                    reader.IsDBNull(4) ? null : reader.GetDouble(4), reader.IsDBNull(5) ? null : reader.GetDouble(5), reader.GetDouble(6), reader.GetBoolean(7)));
            }

            results.Add(rows);
        }
        while (await reader.NextResultAsync(cancellationToken));

        return results;
    }

    /// <summary>One ranking's rows with all three scores of each (a score whose input is missing is NULL or 0).</summary>
    private static string RankingSql(Ranking ranking, string conditions, SemanticScan scan)
    {
        var ranked = ranking switch
        {
            Ranking.Meaning => VectorRanking("embedding", "$2", "AND embedding_model = $4", conditions, scan),
            Ranking.WordForms => VectorRanking("lexical_embedding", "$5", string.Empty, conditions, SemanticScan.Auto),
            _ => $"""
                ranked AS (
                    SELECT id, -ts_rank_cd(search_vector, q.query, 32)::float8 AS distance
                    FROM search_index, q
                    WHERE user_id = $1 AND search_vector @@ q.query {conditions}
                    ORDER BY distance, id
                    LIMIT $3)
                """,
        };
        return $"""
            WITH q AS (SELECT {TsQuerySql} AS query),
            {ranked}
            SELECT s.entity_type, s.entity_id, s.content, s.metadata::text,
                CASE WHEN s.embedding_model = $4 AND $2::vector IS NOT NULL THEN 1 - (s.embedding <=> $2) END,
                CASE WHEN $5::vector IS NOT NULL THEN 1 - (s.lexical_embedding <=> $5) END,
                ts_rank_cd(s.search_vector, q.query, 32)::float8,
                s.search_vector @@ q.query
            FROM ranked r JOIN search_index s ON s.id = r.id, q
            ORDER BY r.distance, r.id
            """;
    }

    /// <summary>
    /// The CTEs that rank rows by one vector column, ending in <c>ranked(id, distance)</c>. Both scans are written;
    /// PostgreSQL runs only the one <c>pick</c> selects (a CTE is evaluated when read, and a one-time filter that is
    /// false reads nothing). <c>nearest</c> is HNSW with iterative scan (hnsw.iterative_scan = relaxed_order, set for
    /// every session); <c>scored</c> is the exact scan, materialized so the HNSW index cannot take over. Auto picks
    /// exact for a slice of at most <see cref="ExactScanMaxRows"/> rows (counted only up to the threshold, so the check
    /// costs the same for a huge user as for a small one), and falls back to it when HNSW returns fewer than limit
    /// rows: the slice is larger than limit, so that means the iterative scan hit its tuple budget.
    /// </summary>
    private static string VectorRanking(string column, string vector, string extra, string conditions, SemanticScan scan)
    {
        var exact = scan switch
        {
            SemanticScan.Exact => "true",
            SemanticScan.Index => "false",
            _ => string.Create(CultureInfo.InvariantCulture, $"""
                (SELECT count(*) FROM (SELECT 1 FROM search_index WHERE user_id = $1 {extra} {conditions} LIMIT {ExactScanMaxRows + 1}) slice) <= {ExactScanMaxRows}
                        OR (SELECT count(*) FROM nearest) < $3
                """),
        };
        return $"""
            nearest AS MATERIALIZED (
                SELECT id, {column} <=> {vector} AS distance
                FROM search_index
                WHERE user_id = $1 AND {column} IS NOT NULL {extra} {conditions}
                ORDER BY {column} <=> {vector}
                LIMIT $3),
            scored AS MATERIALIZED (
                SELECT id, {column} <=> {vector} AS distance
                FROM search_index
                WHERE user_id = $1 AND {column} IS NOT NULL {extra} {conditions}),
            pick AS (SELECT {exact} AS exact),
            ranked AS (
                (SELECT id, distance FROM scored WHERE (SELECT exact FROM pick) ORDER BY distance, id LIMIT $3)
                UNION ALL
                SELECT id, distance FROM nearest WHERE NOT (SELECT exact FROM pick))
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

    private enum Ranking
    {
        Meaning,
        WordForms,
        FullText,
    }

    private sealed record ScoredRow(
        string EntityType, Guid EntityId, string Content, JsonElement Metadata, double? Meaning, double? WordForms, double FullText, bool Matched)
    {
        public SearchHit Hit(double score) => new(EntityType, EntityId, Content, Metadata, score);
    }
}
