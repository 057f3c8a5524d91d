using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Checkpoints;
using Monolith.Database;
using Npgsql;
using NpgsqlTypes;

namespace Monolith.Bench;

/// <summary>
/// Latest checkpoint of a thread: 100,000 checkpoints in 1,000 threads, read through HTTP (real Kestrel on 127.0.0.1),
/// through CheckpointStore without HTTP, as bare SQL, and from a baseline table that has only an index on thread_id.
/// </summary>
public sealed class LatestCheckpointBenchmark : IBenchmarkScenario
{
    private const string BareSql = "SELECT checkpoint_id, checkpoint::text, metadata::text FROM langgraph_checkpoints WHERE thread_id = $1 AND checkpoint_ns = '' ORDER BY checkpoint_id DESC LIMIT 1";
    private const string BaselineSql = "SELECT checkpoint_id, checkpoint::text, metadata::text FROM checkpoints_baseline WHERE thread_id = $1 AND checkpoint_ns = '' ORDER BY created_at DESC LIMIT 1";

    public string Name => "latest-checkpoint";

    public string Description =>
        "GET /api/threads/{id}/checkpoints/latest over 100,000 checkpoints in 1,000 threads (--quick: 10,000 in 100), one client, p50/p95; "
        + "beside it the same read without HTTP, the bare SQL, and a baseline table indexed on thread_id only and ordered by created_at.";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var threads = context.Quick ? 100 : 1_000;
        var perThread = 100;
        var samples = context.Quick ? 300 : 3_000;
        await using var database = await ScratchDatabase.CreateAsync(context.ServerUrl, "bench_latest", cancellationToken);
        await using var app = await BenchHost.OnLoopbackAsync(BenchHost.Settings(database.ConnectionString), cancellationToken);
        await using var dataSource = DatabaseModule.BuildDataSource(database.ConnectionString);
        var load = System.Diagnostics.Stopwatch.StartNew();
        await LoadAsync(dataSource, threads, perThread, cancellationToken);
        load.Stop();

        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        http.DefaultRequestHeaders.Add("X-Api-Key", BenchHost.ServiceKey);
        var store = app.Services.GetRequiredService<CheckpointStore>();
        var random = new Random(42);
        string Thread() => ThreadId(random.Next(threads));

        var paths = new (string Path, Func<string, Task> Read)[]
        {
            ("HTTP GET .../checkpoints/latest (Kestrel, JSON, pending writes)", async t =>
            {
                using var response = await http.GetAsync(new Uri($"/api/threads/{t}/checkpoints/latest", UriKind.Relative), cancellationToken);
                await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"latest of {t} answered {(int)response.StatusCode}");
                }
            }),
            ("CheckpointStore.FindAsync (Npgsql, the same SQL, no HTTP)", async t => _ = await store.FindAsync(t, string.Empty, null, cancellationToken)
                ?? throw new InvalidOperationException($"no latest checkpoint for {t}")),
            ("bare SQL via Npgsql: unique index (thread_id, checkpoint_ns, checkpoint_id) backwards", t => ReadOneAsync(dataSource, BareSql, t, cancellationToken)),
            ("baseline: index on thread_id only, ORDER BY created_at DESC", t => ReadOneAsync(dataSource, BaselineSql, t, cancellationToken)),
        };

        // Paths take turns on the same thread ids, so load from elsewhere on the machine falls on all of them alike.
        var recorders = paths.Select(_ => new LatencyRecorder()).ToArray();
        for (var i = 0; i < samples + 100; i++)
        {
            var thread = Thread();
            for (var p = 0; p < paths.Length; p++)
            {
                if (i < 100)
                {
                    await paths[p].Read(thread);
                }
                else
                {
                    await recorders[p].TimeAsync(() => paths[p].Read(thread));
                }
            }
        }

        var rows = paths.Select((path, p) =>
            $"| {path.Path} | {LatencyRecorder.Ms(recorders[p].Percentile(50))} | {LatencyRecorder.Ms(recorders[p].Percentile(95))} | {recorders[p].Count} |");

        var report = context.Report;
        await report.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{threads * perThread:N0} checkpoints ({perThread} per thread, ~0.6 KB each) in {threads:N0} threads, bulk-loaded with COPY in {load.Elapsed.TotalSeconds:0.0} s; {samples:N0} reads of a random thread per path after 100 warm-up reads, one at a time, the paths taking turns.\n"));
        await report.WriteLineAsync("| path | p50 ms | p95 ms | reads |");
        await report.WriteLineAsync("|---|---:|---:|---:|");
        foreach (var row in rows)
        {
            await report.WriteLineAsync(row);
        }

        // Round trips on a busy machine are mostly scheduling; the server's own execution time isolates the query.
        await report.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"\nServer-side execution time (`EXPLAIN ANALYZE` \"Execution Time\", {samples / 10:N0} random threads, the queries taking turns):\n"));
        await report.WriteLineAsync("| query | p50 ms | p95 ms | buffers per read |");
        await report.WriteLineAsync("|---|---:|---:|---:|");
        var queries = new[] { (Name: "unique index backwards", Sql: BareSql), (Name: "baseline (thread_id index + sort)", Sql: BaselineSql) };
        var serverTimes = queries.Select(_ => new LatencyRecorder()).ToArray();
        var buffers = new long[queries.Length];
        for (var i = 0; i < samples / 10; i++)
        {
            var thread = Thread();
            for (var q = 0; q < queries.Length; q++)
            {
                var (ms, hits) = await ExecutionAsync(dataSource, queries[q].Sql, thread, cancellationToken);
                serverTimes[q].Add(ms);
                buffers[q] = hits;
            }
        }

        for (var q = 0; q < queries.Length; q++)
        {
            await report.WriteLineAsync($"| {queries[q].Name} | {LatencyRecorder.Ms(serverTimes[q].Percentile(50))} | {LatencyRecorder.Ms(serverTimes[q].Percentile(95))} | {buffers[q]} |");
        }

        await report.WriteLineAsync("\nPlans (`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)`, one thread):\n\n```");
        await report.WriteLineAsync(await ExplainAsync(dataSource, BareSql, cancellationToken));
        await report.WriteLineAsync("-- baseline");
        await report.WriteLineAsync(await ExplainAsync(dataSource, BaselineSql, cancellationToken));
        await report.WriteLineAsync("```");
        await app.StopAsync(cancellationToken);
    }

    private static string ThreadId(int index) => $"thread-{index:D5}";

    /// <summary>Rows arrive in time order across threads, as a live service writes them, so one thread's checkpoints are spread over the heap.</summary>
    private static async Task LoadAsync(NpgsqlDataSource dataSource, int threads, int perThread, CancellationToken cancellationToken)
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var payload = "{\"v\":1,\"ts\":\"2026-01-01T00:00:00Z\",\"channel_values\":{\"messages\":[\"" + new string('m', 400) + "\"]},\"channel_versions\":{\"messages\":7,\"__start__\":2},\"versions_seen\":{\"agent\":{\"messages\":6}}}";
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await using var importer = await connection.BeginBinaryImportAsync(
                "COPY langgraph_checkpoints (thread_id, checkpoint_ns, checkpoint_id, parent_id, checkpoint, metadata, created_at) FROM STDIN (FORMAT BINARY)",
                cancellationToken);
            var sequence = 0L;
            for (var step = 0; step < perThread; step++)
            {
                for (var thread = 0; thread < threads; thread++)
                {
                    sequence++;
                    await importer.StartRowAsync(cancellationToken);
                    await importer.WriteAsync(ThreadId(thread), NpgsqlDbType.Varchar, cancellationToken);
                    await importer.WriteAsync(string.Empty, NpgsqlDbType.Varchar, cancellationToken);
                    await importer.WriteAsync(CheckpointId(sequence), NpgsqlDbType.Varchar, cancellationToken);
                    if (step == 0)
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await importer.WriteAsync(CheckpointId(sequence - threads), NpgsqlDbType.Varchar, cancellationToken);
                    }

                    await importer.WriteAsync(payload, NpgsqlDbType.Jsonb, cancellationToken);
                    await importer.WriteAsync($"{{\"source\":\"loop\",\"step\":{step}}}", NpgsqlDbType.Jsonb, cancellationToken);
                    await importer.WriteAsync(start.AddMilliseconds(sequence), NpgsqlDbType.TimestampTz, cancellationToken);
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        foreach (var sql in new[]
        {
            "CREATE TABLE checkpoints_baseline AS SELECT * FROM langgraph_checkpoints",
            "CREATE INDEX checkpoints_baseline_thread_id ON checkpoints_baseline (thread_id)",
            "VACUUM ANALYZE langgraph_checkpoints",
            "VACUUM ANALYZE checkpoints_baseline",
        })
        {
            await using var command = dataSource.CreateCommand(sql);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Time-ordered ids in the uuid6 layout LangGraph uses: the leading hex digits are the sequence.</summary>
    private static string CheckpointId(long sequence)
    {
        var hex = (0x1f0000000000000L + sequence).ToString("x15", CultureInfo.InvariantCulture);
        return $"{hex[..8]}-{hex[8..12]}-6{hex[12..15]}-8000-{sequence % 0xffffffffffffL:x12}";
    }

    private static async Task ReadOneAsync(NpgsqlDataSource dataSource, string sql, string thread, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = thread });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException($"no checkpoint for {thread}");
        }

        _ = reader.GetString(1);
    }

    private static async Task<(double Ms, long Buffers)> ExecutionAsync(NpgsqlDataSource dataSource, string sql, string thread, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql);
        command.Parameters.Add(new NpgsqlParameter { Value = thread });
        using var plan = System.Text.Json.JsonDocument.Parse((string)(await command.ExecuteScalarAsync(cancellationToken))!);
        var root = plan.RootElement[0];
        var top = root.GetProperty("Plan");
        return (root.GetProperty("Execution Time").GetDouble(), top.GetProperty("Shared Hit Blocks").GetInt64() + top.GetProperty("Shared Read Blocks").GetInt64());
    }

    private static async Task<string> ExplainAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql.Replace("$1", "'" + ThreadId(7) + "'", StringComparison.Ordinal));
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
