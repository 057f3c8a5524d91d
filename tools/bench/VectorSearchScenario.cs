using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monolith.Configuration;
using Monolith.Database;
using Monolith.Host;
using Monolith.Search;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace Monolith.Bench;

/// <summary>
/// vector-search: HNSW on search_index with a skewed (Zipf) spread of users: build time and size, then recall@10 and
/// latency per user-slice size for the exact-scan switch (Auto) beside always-HNSW and always-exact.
/// </summary>
public sealed class VectorSearchScenario : IBenchmarkScenario
{
    private const int Dimension = 384;
    private const int Users = 1000;
    private const int Clusters = 200;
    private const int K = 10;

    /// <summary>The vectors are synthetic; they are stored as the hashing provider's, which the services are configured with.</summary>
    private const string Model = "hashing:hashing-ngrams-3-5";

    public string Name => "vector-search";

    public string Description =>
        "100,000 clustered random 384-dim vectors over 1,000 Zipf-distributed users (--quick: 20,000), COPY-loaded; "
        + "HNSW (m=16, ef_construction=64) build; recall@10 and latency of semantic search per user slice at ef_search 40 and 100.";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var rows = context.Quick ? 20_000 : 100_000;
        var queries = context.Quick ? 20 : 50;
        var random = new Random(20261122);
        var report = context.Report;
        await using var scratch = await ScratchDatabase.CreateAsync(context.ServerUrl, "bench_vector", cancellationToken);
        var database = scratch.ConnectionString;
        await using var services = BuildServices(database, efSearch: 40);
        await services.GetRequiredService<CoreMigrator>().MigrateAsync(cancellationToken);
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();

        var (users, centers) = (ZipfUsers(rows, random), RandomCenters(random));
        rows = users.Length;
        await ExecuteAsync(dataSource, "DROP INDEX ix_search_index_embedding_hnsw", cancellationToken);
        var load = Stopwatch.StartNew();
        await LoadAsync(dataSource, users, centers, random, cancellationToken);
        load.Stop();

        var build = Stopwatch.StartNew();
        await ExecuteAsync(dataSource, "SET maintenance_work_mem = '512MB'; CREATE INDEX ix_search_index_embedding_hnsw ON search_index USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64)", cancellationToken);
        build.Stop();
        // Autovacuum would have run on a live table: the visibility map lets the slice count use an index-only scan.
        await ExecuteAsync(dataSource, "VACUUM ANALYZE search_index", cancellationToken);
        var size = await ScalarAsync<string>(dataSource, "SELECT pg_size_pretty(pg_relation_size('ix_search_index_embedding_hnsw'))", cancellationToken);
        var tableSize = await ScalarAsync<string>(dataSource, "SELECT pg_size_pretty(pg_total_relation_size('search_index'))", cancellationToken);

        await report.WriteLineAsync($"Rows: {rows:N0} · users: {Users} (Zipf s=1) · dimension {Dimension} · {Clusters} clusters · {queries} queries per cell · machine: 2 shared cores");
        await report.WriteLineAsync();
        await report.WriteLineAsync("| step | time | size |");
        await report.WriteLineAsync("|---|---|---|");
        await report.WriteLineAsync($"| COPY (binary) load | {load.Elapsed.TotalSeconds:0.0} s | table with indexes {tableSize} |");
        await report.WriteLineAsync($"| HNSW build (m=16, ef_construction=64) | {build.Elapsed.TotalSeconds:0.0} s | index {size} |");
        await report.WriteLineAsync();

        var counts = users.GroupBy(u => u).ToDictionary(g => g.Key, g => g.Count());
        var slices = new (string Label, long? User)[]
        {
            ("unfiltered", null),
            ("10% user", Closest(counts, rows / 10)),
            ("1% user", Closest(counts, rows / 100)),
            ("0.1% user", Closest(counts, rows / 1000)),
        };
        var probes = Enumerable.Range(0, queries).Select(_ => Sample(centers, random)).ToList();
        await report.WriteLineAsync("| slice (rows) | ef_search | strategy | recall@10 | full result sets | p50 ms | p95 ms |");
        await report.WriteLineAsync("|---|---|---|---|---|---|---|");
        foreach (var efSearch in new[] { 40, 100 })
        {
            await using var efServices = BuildServices(database, efSearch);
            var search = efServices.GetRequiredService<DocumentSearch>();
            var efSource = efServices.GetRequiredService<NpgsqlDataSource>();
            foreach (var (label, user) in slices)
            {
                var sliceRows = user is null ? rows : counts[user.Value];
                var truth = new List<HashSet<Guid>>();
                foreach (var probe in probes)
                {
                    truth.Add(user is null
                        ? await UnfilteredAsync(efSource, probe, exact: true, cancellationToken)
                        : [.. (await search.SemanticAsync(user.Value, probe, K, null, SemanticScan.Exact, cancellationToken)).Select(h => h.EntityId)]);
                }

                var strategies = user is null ? new[] { SemanticScan.Index, SemanticScan.Exact } : [SemanticScan.Auto, SemanticScan.Index, SemanticScan.Exact];
                var latency = strategies.ToDictionary(s => s, _ => new LatencyRecorder());
                var recall = strategies.ToDictionary(s => s, _ => 0.0);
                var full = strategies.ToDictionary(s => s, _ => 0);
                foreach (var strategy in strategies)
                {
                    // One untimed query first: plans and buffers warm, as on a running service.
                    await RunAsync(search, efSource, user, probes[0], strategy, cancellationToken);
                }

                for (var q = 0; q < probes.Count; q++)
                {
                    // Strategies take turns going first, so none profits from pages the one before it read.
                    for (var turn = 0; turn < strategies.Length; turn++)
                    {
                        var strategy = strategies[(q + turn) % strategies.Length];
                        var probe = probes[q];
                        var found = await latency[strategy].TimeAsync(() => RunAsync(search, efSource, user, probe, strategy, cancellationToken));
                        recall[strategy] += truth[q].Count == 0 ? 1 : (double)found.Intersect(truth[q]).Count() / truth[q].Count;
                        full[strategy] += found.Count == Math.Min(K, sliceRows) ? 1 : 0;
                    }
                }

                foreach (var strategy in strategies)
                {
                    await report.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"| {label} ({sliceRows:N0}) | {efSearch} | {Describe(strategy, user is null)} | {recall[strategy] / probes.Count:0.000} | {full[strategy]}/{probes.Count} | {LatencyRecorder.Ms(latency[strategy].Percentile(50))} | {LatencyRecorder.Ms(latency[strategy].Percentile(95))} |"));
                }
            }
        }

        await report.WriteLineAsync();
        await SweepAsync(database, counts, probes, report, cancellationToken);
    }

    /// <summary>Exact vs HNSW latency by slice size at ef_search 40: where the lines cross is ExactScanMaxRows.</summary>
    private static async Task SweepAsync(string database, Dictionary<long, int> counts, List<float[]> probes, TextWriter report, CancellationToken cancellationToken)
    {
        await using var services = BuildServices(database, efSearch: 40);
        var search = services.GetRequiredService<DocumentSearch>();
        await report.WriteLineAsync($"Exact scan against HNSW by slice size (ef_search 40; the switch scans exactly up to {DocumentSearch.ExactScanMaxRows:N0} rows):");
        await report.WriteLineAsync();
        await report.WriteLineAsync("| slice rows | exact p50 ms | HNSW p50 ms | HNSW recall@10 |");
        await report.WriteLineAsync("|---|---|---|---|");
        foreach (var target in new[] { 250, 500, 1000, 2000, 4000, 8000, 16000 })
        {
            var user = Closest(counts, target);
            if (Math.Abs(counts[user] - target) > target / 2)
            {
                continue;
            }

            var exact = new LatencyRecorder();
            var index = new LatencyRecorder();
            double recall = 0;
            await search.SemanticAsync(user, probes[0], K, null, SemanticScan.Index, cancellationToken);
            for (var q = 0; q < probes.Count; q++)
            {
                var probe = probes[q];
                var indexFirst = q % 2 == 0;
                var found = indexFirst ? await index.TimeAsync(() => search.SemanticAsync(user, probe, K, null, SemanticScan.Index, cancellationToken)) : null;
                var truth = await exact.TimeAsync(() => search.SemanticAsync(user, probe, K, null, SemanticScan.Exact, cancellationToken));
                found ??= await index.TimeAsync(() => search.SemanticAsync(user, probe, K, null, SemanticScan.Index, cancellationToken));
                recall += (double)found.Select(h => h.EntityId).Intersect(truth.Select(h => h.EntityId)).Count() / Math.Max(1, truth.Count);
            }

            await report.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {counts[user]:N0} | {LatencyRecorder.Ms(exact.Percentile(50))} | {LatencyRecorder.Ms(index.Percentile(50))} | {recall / probes.Count:0.000} |"));
        }
    }

    private static async Task<HashSet<Guid>> RunAsync(
        DocumentSearch search, NpgsqlDataSource dataSource, long? user, float[] probe, SemanticScan strategy, CancellationToken cancellationToken) =>
        user is null
            ? await UnfilteredAsync(dataSource, probe, strategy == SemanticScan.Exact, cancellationToken)
            : [.. (await search.SemanticAsync(user.Value, probe, K, null, strategy, cancellationToken)).Select(h => h.EntityId)];

    private static string Describe(SemanticScan strategy, bool unfiltered) => strategy switch
    {
        SemanticScan.Auto => "switch (ours)",
        SemanticScan.Index => unfiltered ? "HNSW" : "always HNSW",
        _ => unfiltered ? "exact" : "always exact",
    };

    private static ServiceProvider BuildServices(string database, int efSearch)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = database,
            ["HNSW_EF_SEARCH"] = efSearch.ToString(CultureInfo.InvariantCulture),
            ["DB_POOL_MAX"] = "4",
            ["EMBEDDING_PROVIDER"] = "hashing",
        }).Build();
        return new ServiceCollection().AddLogging(l => l.ClearProviders()).AddMonolithModules(new SettingReader(configuration)).BuildServiceProvider();
    }

    private static async Task<HashSet<Guid>> UnfilteredAsync(NpgsqlDataSource dataSource, float[] probe, bool exact, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (exact)
        {
            await using var noIndex = new NpgsqlCommand("SET LOCAL enable_indexscan = off", connection, transaction);
            await noIndex.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand("SELECT entity_id FROM search_index ORDER BY embedding <=> $1 LIMIT 10", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = new Vector(probe) });
        var ids = new HashSet<Guid>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetGuid(0));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return ids;
    }

    private static async Task LoadAsync(NpgsqlDataSource dataSource, long[] users, float[][] centers, Random random, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY search_index (entity_type, entity_id, user_id, content, embedding, embedding_model) FROM STDIN (FORMAT BINARY)", cancellationToken);
        for (var i = 0; i < users.Length; i++)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync("note", NpgsqlDbType.Varchar, cancellationToken);
            await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(users[i], NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync($"document {i}", NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(new Vector(Sample(centers, random)), cancellationToken);
            await writer.WriteAsync(Model, NpgsqlDbType.Text, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>User ids 1..1000 with P(rank r) proportional to 1/r, shuffled over the rows.</summary>
    private static long[] ZipfUsers(int rows, Random random)
    {
        var weights = Enumerable.Range(1, Users).Select(r => 1.0 / r).ToArray();
        var total = weights.Sum();
        var users = new List<long>(rows);
        for (var r = 0; r < Users; r++)
        {
            users.AddRange(Enumerable.Repeat((long)(r + 1), Math.Max(1, (int)Math.Round(rows * weights[r] / total))));
        }

        var shuffled = users.Take(rows).ToArray();
        random.Shuffle(shuffled);
        return shuffled;
    }

    private static float[][] RandomCenters(Random random) => [.. Enumerable.Range(0, Clusters).Select(_ => Normalize(Gaussian(random, 1f)))];

    /// <summary>A point near a random cluster centre: real embeddings cluster by topic, uniform noise would not.</summary>
    private static float[] Sample(float[][] centers, Random random)
    {
        var center = centers[random.Next(centers.Length)];
        var noise = Gaussian(random, 0.06f);
        return Normalize([.. center.Select((c, i) => c + noise[i])]);
    }

    private static float[] Gaussian(Random random, float sigma) =>
        [.. Enumerable.Range(0, Dimension).Select(_ => sigma * (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))];

    private static float[] Normalize(float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return [.. vector.Select(v => v / norm)];
    }

    private static long Closest(Dictionary<long, int> counts, int target) => counts.MinBy(c => Math.Abs(c.Value - target)).Key;

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
