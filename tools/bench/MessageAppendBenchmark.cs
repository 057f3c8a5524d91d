using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Conversations;
using Monolith.Database;
using Npgsql;
using NpgsqlTypes;

namespace Monolith.Bench;

/// <summary>
/// message-append: appending chat messages with 16 concurrent clients, ours (through real Kestrel and in-process) beside
/// a raw INSERT (the limit) and the seed design's jsonb array on the conversation row, at conversation length 10 and 10,000.
/// </summary>
public sealed class MessageAppendBenchmark : IBenchmarkScenario
{
    private const int Clients = 16;
    // One connection per client, so the pool is not what the figures measure.
    private const int PoolSize = Clients;
    private const string Content =
        "Could you remind me what we decided about the trip on Saturday? I think we said the nine o'clock train, but I am not sure anymore.";

    private const string MetadataJson = """{"source":"bench"}""";

    private static readonly int[] Lengths = [10, 10_000];

    private static readonly JsonElement Metadata = JsonDocument.Parse(MetadataJson).RootElement.Clone();

    private static readonly byte[] HttpBody = Encoding.UTF8.GetBytes($$"""{"role":"user","content":"{{Content}}","metadata":{{MetadataJson}}}""");

    public string Name => "message-append";

    public string Description =>
        $"Append one message per request, {Clients} concurrent clients. Ours = `ConversationLog.AppendAsync` (row-locked counter + INSERT), " +
        "through HTTP (Kestrel on 127.0.0.1) and in-process; raw INSERT = Npgsql INSERT with a client-side sequence (no ordering guarantee: the limit); " +
        "jsonb array = the seed design, `UPDATE conversations SET messages = messages || $1`.";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var duration = TimeSpan.FromSeconds(context.Quick ? 2 : 8);
        var report = context.Report;
        // The host logs to the console; while it runs, console output goes to stderr so stdout stays markdown.
        var stdout = Console.Out;
        Console.SetOut(Console.Error);
        try
        {
            await using var database = await ScratchDatabase.CreateAsync(context.ServerUrl, "monolith_bench", cancellationToken);
            var settings = BenchHost.Settings(database.ConnectionString);
            settings["DB_POOL_MAX"] = PoolSize.ToString(CultureInfo.InvariantCulture);
            var host = await BenchHost.OnLoopbackAsync(settings, cancellationToken);
            try
            {
                var baselines = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = PoolSize };
                await MeasureAllAsync(host, baselines.ConnectionString, duration, report, cancellationToken);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
                await host.DisposeAsync();
            }
        }
        finally
        {
            Console.SetOut(stdout);
        }
    }

    private static async Task MeasureAllAsync(WebApplication host, string connectionString, TimeSpan duration, TextWriter report, CancellationToken cancellationToken)
    {
        await using var dataSource = DatabaseModule.BuildDataSource(connectionString);
        await CreateBaselineTableAsync(dataSource, cancellationToken);
        using var http = HttpClientFor(host.Urls.Single());
        var log = host.Services.GetRequiredService<ConversationLog>();

        await report.WriteLineAsync(
            $"{Environment.ProcessorCount} cores, {duration.TotalSeconds:0} s per row after a warm-up, pool of {PoolSize} connections, " +
            $"PostgreSQL {await ServerVersionAsync(dataSource, cancellationToken)}. Ratios are against the jsonb array at the same length and sharing.\n");
        await report.WriteLineAsync("| clients write to | start length | design | appends | req/s | p50 ms | p95 ms | p99 ms | req/s vs jsonb | p99 vs jsonb |");
        await report.WriteLineAsync("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var length in Lengths)
        {
            var ours = await SeedConversationsAsync(dataSource, length, cancellationToken);
            var baseline = await SeedBaselineAsync(dataSource, length, cancellationToken);
            // Raw inserts number far above ours, so the two never collide on (conversation_id, sequence).
            var rawSequence = new long[Clients];
            Array.Fill(rawSequence, 1_000_000_000);
            foreach (var shared in new[] { false, true })
            {
                Guid Target(Guid[] conversations, int client) => shared ? conversations[0] : conversations[client];
                var designs = new (string Name, Func<int, Task> Append)[]
                {
                    ("jsonb array (seed design)", client => AppendToArrayAsync(dataSource, Target(baseline, client), cancellationToken)),
                    ("raw INSERT (the limit)", client => InsertRawAsync(dataSource, Target(ours, client), Interlocked.Increment(ref rawSequence[shared ? 0 : client]), cancellationToken)),
                    ("ours, in-process", client => log.AppendAsync(Target(ours, client), MessageRole.User, Content, Metadata, cancellationToken)),
                    ("ours, HTTP", client => AppendOverHttpAsync(http, Target(ours, client), cancellationToken)),
                };
                Measurement? reference = null;
                foreach (var (name, append) in designs)
                {
                    var measured = await MeasureAsync(duration, append);
                    reference ??= measured;
                    await report.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"| {(shared ? "one shared conversation" : "own conversation each")} | {length:N0} | {name} | {measured.Count:N0} | {measured.PerSecond:0} | " +
                        $"{LatencyRecorder.Ms(measured.P50)} | {LatencyRecorder.Ms(measured.P95)} | {LatencyRecorder.Ms(measured.P99)} | " +
                        $"{measured.PerSecond / reference.PerSecond:0.00}× | {measured.P99 / reference.P99:0.00}× |"));
                }
            }
        }
    }

    private static async Task<Measurement> MeasureAsync(TimeSpan duration, Func<int, Task> append)
    {
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async client =>
        {
            for (var i = 0; i < 2; i++)
            {
                await append(client);
            }
        }));

        var recorder = new LatencyRecorder();
        var elapsed = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            while (elapsed.Elapsed < duration)
            {
                await recorder.TimeAsync(() => append(client));
            }
        })));
        var seconds = elapsed.Elapsed.TotalSeconds;
        return new Measurement(recorder.Count, recorder.Count / seconds, recorder.Percentile(50), recorder.Percentile(95), recorder.Percentile(99));
    }

    private static async Task AppendOverHttpAsync(HttpClient http, Guid conversation, CancellationToken cancellationToken)
    {
        using var body = new ByteArrayContent(HttpBody);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(new Uri($"/api/conversations/{conversation}/messages", UriKind.Relative), body, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"append answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    private static async Task InsertRawAsync(NpgsqlDataSource dataSource, Guid conversation, long sequence, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("INSERT INTO messages (conversation_id, sequence, role, content, metadata) VALUES ($1, $2, 'user', $3, $4)");
        command.Parameters.Add(new NpgsqlParameter { Value = conversation });
        command.Parameters.Add(new NpgsqlParameter { Value = sequence });
        command.Parameters.Add(new NpgsqlParameter { Value = Content });
        command.Parameters.Add(new NpgsqlParameter { Value = MetadataJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task AppendToArrayAsync(NpgsqlDataSource dataSource, Guid conversation, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE bench_jsonb_conversations
            SET messages = messages || jsonb_build_array(jsonb_build_object(
                    'sequence', jsonb_array_length(messages) + 1, 'role', 'user', 'content', $2::text, 'metadata', $3::jsonb, 'created_at', now())),
                updated_at = now()
            WHERE id = $1 RETURNING jsonb_array_length(messages)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = conversation });
        command.Parameters.Add(new NpgsqlParameter { Value = Content });
        command.Parameters.Add(new NpgsqlParameter { Value = MetadataJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task<Guid[]> SeedConversationsAsync(NpgsqlDataSource dataSource, int length, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        await using (var conversations = dataSource.CreateCommand(
            "INSERT INTO conversations (user_id, chat_id, title, last_sequence) SELECT 1000 + g, 1000 + g, 'bench', $1 FROM generate_series(1, $2) g RETURNING id"))
        {
            conversations.Parameters.Add(new NpgsqlParameter { Value = (long)length });
            conversations.Parameters.Add(new NpgsqlParameter { Value = Clients });
            await using var reader = await conversations.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetGuid(0));
            }
        }

        await using var messages = dataSource.CreateCommand("""
            INSERT INTO messages (conversation_id, sequence, role, content)
            SELECT c.id, s, CASE WHEN s % 2 = 0 THEN 'assistant' ELSE 'user' END, 'seeded ' || s || ': ' || $2
            FROM unnest($1::uuid[]) c(id) CROSS JOIN generate_series(1, $3) s
            """);
        messages.CommandTimeout = 0;
        messages.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
        messages.Parameters.Add(new NpgsqlParameter { Value = Content });
        messages.Parameters.Add(new NpgsqlParameter { Value = length });
        await messages.ExecuteNonQueryAsync(cancellationToken);
        await AnalyzeAsync(dataSource, cancellationToken);
        return [.. ids];
    }

    private static async Task CreateBaselineTableAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var create = dataSource.CreateCommand("""
            CREATE TABLE bench_jsonb_conversations (
                id uuid PRIMARY KEY DEFAULT gen_random_uuid(), user_id bigint NOT NULL, chat_id bigint NOT NULL,
                messages jsonb NOT NULL DEFAULT '[]', updated_at timestamptz NOT NULL DEFAULT now())
            """);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<Guid[]> SeedBaselineAsync(NpgsqlDataSource dataSource, int length, CancellationToken cancellationToken)
    {
        await using var seed = dataSource.CreateCommand("""
            INSERT INTO bench_jsonb_conversations (user_id, chat_id, messages)
            SELECT 1000 + g, 1000 + g, (
                SELECT jsonb_agg(jsonb_build_object('sequence', s, 'role', CASE WHEN s % 2 = 0 THEN 'assistant' ELSE 'user' END,
                    'content', 'seeded ' || s || ': ' || $2, 'metadata', '{}'::jsonb, 'created_at', now()) ORDER BY s)
                FROM generate_series(1, $1) s)
            FROM generate_series(1, $3) g RETURNING id
            """);
        seed.CommandTimeout = 0;
        seed.Parameters.Add(new NpgsqlParameter { Value = length });
        seed.Parameters.Add(new NpgsqlParameter { Value = Content });
        seed.Parameters.Add(new NpgsqlParameter { Value = Clients });
        var ids = new List<Guid>();
        await using var reader = await seed.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return [.. ids];
    }

    private static async Task AnalyzeAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var analyze = dataSource.CreateCommand("ANALYZE conversations, messages");
        analyze.CommandTimeout = 0;
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string> ServerVersionAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var version = dataSource.CreateCommand("SHOW server_version");
        return (string)(await version.ExecuteScalarAsync(cancellationToken))!;
    }

    private static HttpClient HttpClientFor(string baseUrl)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients }) { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.Add("X-Api-Key", BenchHost.ServiceKey);
        return client;
    }

    private sealed record Measurement(int Count, double PerSecond, double P50, double P95, double P99);
}
