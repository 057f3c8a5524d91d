using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Database;
using Monolith.Host;
using Monolith.Schema;
using Npgsql;

namespace Monolith.Bench;

/// <summary>Dynamic entity latency with a steady schema, and while ten additive schema versions are applied and published.</summary>
public sealed class LiveSchemaBenchmark : IBenchmarkScenario
{
    private const int Clients = 4;
    private const int Evolutions = 10;

    public string Name => "live-schema";

    public string Description =>
        $"{Clients} clients loop POST /api/entities/bench_ships, GET it by id and GET a page, on the in-process service (real pipeline, no sockets). " +
        $"Evolution: {Evolutions} times ALTER TABLE ADD COLUMN (in its own transaction) and publishing the new SchemaVersion, spread over the phase.";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var seconds = context.Quick ? 3 : 15;
        var server = DatabaseSettings.Parse(context.ServerUrl);
        server.Pooling = false;
        var name = "monolith_bench_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(server.ConnectionString, $"CREATE DATABASE \"{name}\"", cancellationToken);
        var database = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name, Pooling = true }.ConnectionString;
        try
        {
            var app = MonolithApplication.Build([], builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["DATABASE_URL"] = database,
                    ["API_KEY"] = "bench-service-key-0123456789",
                    ["ADMIN_API_KEY"] = "bench-admin-key-0123456789ab",
                    ["DB_POOL_MAX"] = "20",
                });
                builder.WebHost.UseTestServer();
            });
            await MonolithApplication.PrepareAsync(app.Services, cancellationToken);
            await app.StartAsync(cancellationToken);
            var catalog = app.Services.GetRequiredService<SchemaCatalog>();
            var shape = new EntityShape("BenchShip", "bench_ships", [new("Name", "name", FieldType.String, MaxLength: 100, Required: true)]);
            await ExecuteAsync(database, """
                CREATE TABLE bench_ships (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), created_at timestamptz NOT NULL DEFAULT now(),
                  updated_at timestamptz NOT NULL DEFAULT now(), is_deleted boolean NOT NULL DEFAULT false, created_by bigint,
                  name varchar(100) NOT NULL);
                CREATE INDEX ON bench_ships (created_by, created_at DESC, id DESC);
                """, cancellationToken);
            catalog.Publish(new SchemaVersion(catalog.Current.Number + 1, "bench_1", [shape]));

            // Warm-up: JIT, pool and plan caches, so the first measured phase is not charged for them.
            await RunPhaseAsync(app, TimeSpan.FromSeconds(2), evolve: null, cancellationToken);
            var steady = await RunPhaseAsync(app, TimeSpan.FromSeconds(seconds), evolve: null, cancellationToken);
            var evolving = await RunPhaseAsync(app, TimeSpan.FromSeconds(seconds), async stop =>
            {
                var gap = TimeSpan.FromSeconds(seconds) / (Evolutions + 1);
                for (var i = 1; i <= Evolutions && !stop.IsCancellationRequested; i++)
                {
                    await Task.Delay(gap, cancellationToken);
                    await ExecuteAsync(database, $"ALTER TABLE bench_ships ADD COLUMN extra{i} integer", cancellationToken);
                    shape = shape with { Fields = [.. shape.Fields, new($"Extra{i}", $"extra{i}", FieldType.Int)] };
                    catalog.Publish(new SchemaVersion(catalog.Current.Number + 1, $"bench_{i + 1}", [shape]));
                }
            }, cancellationToken);

            context.Report.WriteLine("| phase | requests | failed | req/s | p50 ms | p95 ms | p99 ms | max ms |");
            context.Report.WriteLine("|---|---|---|---|---|---|---|---|");
            Report(context.Report, "steady schema", steady, seconds);
            Report(context.Report, $"{Evolutions} evolutions", evolving, seconds);
            await app.StopAsync(cancellationToken);
            await app.DisposeAsync();
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server.ConnectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
        }
    }

    private static async Task<(LatencyRecorder Latency, int Failed)> RunPhaseAsync(
        WebApplication app, TimeSpan duration, Func<CancellationToken, Task>? evolve, CancellationToken cancellationToken)
    {
        var latency = new LatencyRecorder();
        var failed = 0;
        using var stop = new CancellationTokenSource(duration);
        var clients = Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            var http = app.GetTestClient();
            http.DefaultRequestHeaders.Add("X-Api-Key", "bench-service-key-0123456789");
            var owner = 1L + client;
            while (!stop.IsCancellationRequested)
            {
                var created = await latency.TimeAsync(() => http.PostAsJsonAsync(new Uri("/api/entities/bench_ships", UriKind.Relative), new { createdBy = owner, name = "Nautilus" }, cancellationToken));
                if (!created.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failed);
                    continue;
                }

                var read = await latency.TimeAsync(() => http.GetAsync(created.Headers.Location, cancellationToken));
                var page = await latency.TimeAsync(() => http.GetAsync(new Uri($"/api/entities/bench_ships?createdBy={owner}&limit=20", UriKind.Relative), cancellationToken));
                Interlocked.Add(ref failed, (read.IsSuccessStatusCode ? 0 : 1) + (page.IsSuccessStatusCode ? 0 : 1));
            }
        }, cancellationToken)).ToList();
        if (evolve is not null)
        {
            clients.Add(evolve(stop.Token));
        }

        await Task.WhenAll(clients);
        return (latency, failed);
    }

    private static void Report(TextWriter report, string phase, (LatencyRecorder Latency, int Failed) result, int seconds)
    {
        var (latency, failed) = result;
        var rate = (latency.Count / (double)seconds).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        report.WriteLine($"| {phase} | {latency.Count} | {failed} | {rate} | {LatencyRecorder.Ms(latency.Percentile(50))} | " +
            $"{LatencyRecorder.Ms(latency.Percentile(95))} | {LatencyRecorder.Ms(latency.Percentile(99))} | {LatencyRecorder.Ms(latency.Percentile(100))} |");
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
