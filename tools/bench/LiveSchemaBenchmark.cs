using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Schema;

namespace Monolith.Bench;

/// <summary>
/// Dynamic entity latency with a steady schema, and while the Mechanic applies ten changes through the admin API of the
/// same instance; and how long a second instance on the same database takes to serve each new version.
/// </summary>
public sealed class LiveSchemaBenchmark : IBenchmarkScenario
{
    private const int Clients = 4;
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    public string Name => "live-schema";

    public string Description =>
        $"{Clients} clients loop POST /api/entities/bench_ships, GET it by id and GET a page, on the in-process service (real pipeline, no sockets). " +
        "Evolution: 10 change requests (3 with --quick) proposed and approved through the same service's admin API (the real Mechanic: draft, dry run, " +
        "backup, DDL, git commit, audit), one a second while the clients run; a second service on the same database hears each version through NOTIFY.";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var seconds = context.Quick ? 5 : 25;
        var evolutions = context.Quick ? 3 : 10;
        var root = Path.Combine(Path.GetTempPath(), "monolith-bench-live-" + Guid.NewGuid().ToString("N")[..8]);
        var repository = await ScratchRepository.CreateAsync(root, cancellationToken);
        try
        {
            await using var database = await ScratchDatabase.CreateAsync(context.ServerUrl, "monolith_bench", cancellationToken);
            var settings = BenchHost.Settings(database.ConnectionString);
            settings["DB_POOL_MAX"] = "20";
            settings["MECHANIC_REPO_PATH"] = repository;
            settings["BACKUP_DIR"] = Path.Combine(root, "backups");
            settings["SCHEMA_POLL_SECONDS"] = "3600";
            await using var serving = await StartAsync(settings, cancellationToken);
            await using var other = await StartAsync(settings, cancellationToken);
            var heard = new Heard(serving.Services.GetRequiredService<SchemaCatalog>(), other.Services.GetRequiredService<SchemaCatalog>());
            var admin = Client(serving, BenchHost.AdminKey);
            var fields = new List<object> { new { name = "Name", type = "string", maxLength = 100, required = true } };
            await ApplyAsync(admin, fields, cancellationToken);

            // Warm-up: JIT, pool and plan caches, so the first measured phase is not charged for them.
            await RunPhaseAsync(serving, () => Task.Delay(TimeSpan.FromSeconds(2), cancellationToken), cancellationToken);
            var steady = await RunPhaseAsync(serving, () => Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken), cancellationToken);
            var applies = new LatencyRecorder();
            var evolving = await RunPhaseAsync(serving, async () =>
            {
                for (var i = 1; i <= evolutions; i++)
                {
                    await Task.Delay(Pause, cancellationToken);
                    fields.Add(new { name = $"Extra{i}", type = "int" });
                    await applies.TimeAsync(() => ApplyAsync(admin, fields, cancellationToken));
                }

                await Task.Delay(Pause, cancellationToken);
            }, cancellationToken);

            context.Report.WriteLine("| phase | requests | failed | req/s | p50 ms | p95 ms | p99 ms | max ms |");
            context.Report.WriteLine("|---|---|---|---|---|---|---|---|");
            Report(context.Report, "steady schema", steady);
            Report(context.Report, $"{applies.Count} changes applied", evolving);
            context.Report.WriteLine();
            context.Report.WriteLine("| under that traffic | n | p50 ms | p95 ms | max ms |");
            context.Report.WriteLine("|---|---|---|---|---|");
            Row(context.Report, "change request → applied + committed (propose + approve)", applies);
            Row(context.Report, "new version served here → served by the second instance", heard.Lag());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<WebApplication> StartAsync(Dictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var app = await BenchHost.InMemoryAsync(settings, cancellationToken);
        await app.StartAsync(cancellationToken);
        return app;
    }

    private static HttpClient Client(WebApplication app, string key)
    {
        var http = app.GetTestClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return http;
    }

    /// <summary>Proposes BenchShip with <paramref name="fields"/> and approves it; anything but "applied" stops the run.</summary>
    private static async Task ApplyAsync(HttpClient admin, List<object> fields, CancellationToken cancellationToken)
    {
        var request = new { instruction = $"bench: BenchShip with {fields.Count} fields", actor = "bench", entity = new { name = "BenchShip", fields } };
        var proposed = await admin.PostAsJsonAsync(new Uri("/api/admin/mechanic/changes", UriKind.Relative), request, cancellationToken);
        var proposal = await proposed.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        if (!proposed.IsSuccessStatusCode || proposal.GetProperty("status").GetString() != "pending_review")
        {
            throw new InvalidOperationException($"bench change was not drafted: {proposal}");
        }

        var approved = await admin.PostAsync(new Uri($"/api/admin/mechanic/changes/{proposal.GetProperty("id").GetString()}/approve", UriKind.Relative), null, cancellationToken);
        var result = await approved.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        if (!approved.IsSuccessStatusCode || result.GetProperty("status").GetString() != "applied")
        {
            throw new InvalidOperationException($"bench change was not applied: {result}");
        }
    }

    /// <summary>Runs the clients while <paramref name="during"/> runs.</summary>
    private static async Task<Phase> RunPhaseAsync(WebApplication app, Func<Task> during, CancellationToken cancellationToken)
    {
        var latency = new LatencyRecorder();
        var failed = 0;
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            var http = Client(app, BenchHost.ServiceKey);
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
        await during();
        await stop.CancelAsync();

        await Task.WhenAll(clients);
        return new Phase(latency, failed, clock.Elapsed);
    }

    private static void Report(TextWriter report, string phase, Phase result)
    {
        var rate = (result.Latency.Count / result.Duration.TotalSeconds).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        report.WriteLine($"| {phase} | {result.Latency.Count} | {result.Failed} | {rate} | {LatencyRecorder.Ms(result.Latency.Percentile(50))} | " +
            $"{LatencyRecorder.Ms(result.Latency.Percentile(95))} | {LatencyRecorder.Ms(result.Latency.Percentile(99))} | {LatencyRecorder.Ms(result.Latency.Percentile(100))} |");
    }

    private static void Row(TextWriter report, string what, LatencyRecorder latency) =>
        report.WriteLine($"| {what} | {latency.Count} | {LatencyRecorder.Ms(latency.Percentile(50))} | {LatencyRecorder.Ms(latency.Percentile(95))} | {LatencyRecorder.Ms(latency.Percentile(100))} |");

    private sealed record Phase(LatencyRecorder Latency, int Failed, TimeSpan Duration);

    /// <summary>When each schema version was published by the applying instance and by the other one.</summary>
    private sealed class Heard
    {
        private readonly ConcurrentDictionary<long, long> here = new();
        private readonly ConcurrentDictionary<long, long> there = new();

        public Heard(SchemaCatalog applying, SchemaCatalog other)
        {
            applying.Changed += version => here.TryAdd(version.Number, Stopwatch.GetTimestamp());
            other.Changed += version => there.TryAdd(version.Number, Stopwatch.GetTimestamp());
        }

        public LatencyRecorder Lag()
        {
            var lag = new LatencyRecorder();
            foreach (var (version, at) in here)
            {
                if (there.TryGetValue(version, out var otherAt))
                {
                    lag.Add(Stopwatch.GetElapsedTime(at, otherAt).TotalMilliseconds);
                }
            }

            return lag;
        }
    }
}
