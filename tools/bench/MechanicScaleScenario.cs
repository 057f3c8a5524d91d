using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Mechanic;
using Npgsql;

namespace Monolith.Bench;

/// <summary>
/// mechanic-scale: the same change on an empty database and on one with MECHANIC_SCALE_MESSAGES_MB of conversation
/// messages (default 1024) and a dynamic table of MECHANIC_SCALE_ROWS rows (default 1000000); and changes to that big
/// table while a writer inserts into it: its p99 before and during, the change's time, and whether the table was rewritten.
/// </summary>
public sealed class MechanicScaleScenario : IBenchmarkScenario
{
    private const int MessageBytes = 1024;

    public string Name => "mechanic-scale";

    public string Description => "a change on an empty vs a loaded database (MECHANIC_SCALE_MESSAGES_MB of messages, a MECHANIC_SCALE_ROWS-row dynamic table); big-table changes under concurrent writes";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var messagesMb = Setting("MECHANIC_SCALE_MESSAGES_MB", context.Quick ? 50 : 1024);
        var rows = Setting("MECHANIC_SCALE_ROWS", context.Quick ? 100_000 : 1_000_000);
        var runs = context.Quick ? 3 : 5;
        var root = Path.Combine(Path.GetTempPath(), "monolith-bench-scale-" + Guid.NewGuid().ToString("N")[..8]);
        var repository = await ScratchRepository.CreateAsync(root, cancellationToken);
        try
        {
            await using var database = await ScratchDatabase.CreateAsync(context.ServerUrl, "monolith_bench_scale", cancellationToken);
            var settings = BenchHost.Settings(database.ConnectionString);
            settings["MECHANIC_REPO_PATH"] = repository;
            settings["BACKUP_DIR"] = Path.Combine(root, "backups");
            await using var app = await BenchHost.InMemoryAsync(settings, cancellationToken);
            var small = new EntityRequest("Small", [Field("Title", "text")]);
            var big = new EntityRequest("Big", [Field("Title", "string", maxLength: 200), Field("Score", "int"), Field("Note", "text")]);
            await ApplyAsync(app.Services, small, cancellationToken);
            await ApplyAsync(app.Services, big, cancellationToken);

            var empty = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                small = small.With(Field($"Empty{i}", "int"));
                empty.Add(await ApplyAsync(app.Services, small, cancellationToken));
            }

            var load = Stopwatch.StartNew();
            await LoadAsync(database.ConnectionString, messagesMb, rows, cancellationToken);
            var loadSeconds = load.Elapsed.TotalSeconds;
            var sizes = await SizesAsync(database.ConnectionString, cancellationToken);

            var loaded = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                small = small.With(Field($"Loaded{i}", "int"));
                loaded.Add(await ApplyAsync(app.Services, small, cancellationToken));
            }

            await context.Report.WriteLineAsync(
                $"Database: {sizes.Database} MB in all, messages {sizes.Messages} MB, dynamic table `bigs` {sizes.Big} MB ({rows:N0} rows); generated in {loadSeconds:0} s.\n");
            await context.Report.WriteLineAsync("| change to the small entity (add a nullable column) | median ms |");
            await context.Report.WriteLineAsync("|---|---:|");
            await context.Report.WriteLineAsync($"| empty database, median of {runs} | {LatencyRecorder.Ms(Median(empty))} |");
            await context.Report.WriteLineAsync($"| loaded database, median of {runs} | {LatencyRecorder.Ms(Median(loaded))} |");
            await context.Report.WriteLineAsync($"| ratio (goal ≤ 1.2) | {Median(loaded) / Median(empty):0.00} |\n");

            await context.Report.WriteLineAsync("| change to `bigs` | change ms | writes p99 before ms | writes p99 during ms | writes during | relfilenode unchanged |");
            await context.Report.WriteLineAsync("|---|---:|---:|---:|---:|---|");
            (string Label, EntityRequest Request)[] changes =
            [
                ("add a nullable column", big = big.With(Field("Nickname", "string", maxLength: 100))),
                ("add a column with a default", big = big.With(Field("Level", "int", defaultValue: 1))),
                ("add a reference (CREATE INDEX CONCURRENTLY, NOT VALID foreign key, VALIDATE)", big = big.With(Field("SmallId", "uuid", references: "Small"))),
            ];
            foreach (var (label, request) in changes)
            {
                var row = await UnderWritesAsync(app.Services, database.ConnectionString, request, cancellationToken);
                await context.Report.WriteLineAsync(
                    $"| {label} | {LatencyRecorder.Ms(row.ChangeMs)} | {LatencyRecorder.Ms(row.Before.Percentile(99))} | {LatencyRecorder.Ms(row.During.Percentile(99))} | {row.During.Count} | {(row.SameFile ? "yes" : "no")} |");
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The writer runs 3 s alone, then through the change; its inserts are timed one by one.</summary>
    private static async Task<(double ChangeMs, LatencyRecorder Before, LatencyRecorder During, bool SameFile)> UnderWritesAsync(
        IServiceProvider services, string connectionString, EntityRequest request, CancellationToken cancellationToken)
    {
        var fileBefore = await ScalarAsync<uint>(connectionString, "SELECT relfilenode FROM pg_class WHERE oid = 'bigs'::regclass", cancellationToken);
        var before = new LatencyRecorder();
        var during = new LatencyRecorder();
        var phase = before;
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(CancellationToken.None);
            while (!stop.IsCancellationRequested)
            {
                await using var insert = new NpgsqlCommand("INSERT INTO bigs (title, score) VALUES ('written during the change', 1)", connection);
                var clock = Stopwatch.StartNew();
                await insert.ExecuteNonQueryAsync(CancellationToken.None);
                Volatile.Read(ref phase).Add(clock.Elapsed.TotalMilliseconds);
                await Task.Delay(10, CancellationToken.None);
            }
        }, CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        Volatile.Write(ref phase, during);
        var changeMs = await ApplyAsync(services, request, cancellationToken);
        await stop.CancelAsync();
        await writer;
        var fileAfter = await ScalarAsync<uint>(connectionString, "SELECT relfilenode FROM pg_class WHERE oid = 'bigs'::regclass", cancellationToken);
        return (changeMs, before, during, fileBefore == fileAfter);
    }

    /// <summary>Messages of ~1 KB in conversations of 100, then the big dynamic table: set-based SQL, one statement each.</summary>
    private static async Task LoadAsync(string connectionString, int messagesMb, int rows, CancellationToken cancellationToken)
    {
        var messages = (long)messagesMb * 1024 * 1024 / (MessageBytes + 200);
        var conversations = Math.Max(1, messages / 100);
        await ExecuteAsync(connectionString, $"""
            INSERT INTO conversations (user_id, chat_id, last_sequence) SELECT i, i, 100 FROM generate_series(1, {conversations}) i;
            INSERT INTO messages (conversation_id, sequence, role, content, metadata)
            SELECT c.id, s, CASE WHEN s % 2 = 0 THEN 'assistant' ELSE 'user' END,
                   left(repeat(md5(c.id::text || s), {MessageBytes / 32 + 1}), {MessageBytes}), jsonb_build_object()
            FROM conversations c, generate_series(1, 100) s;
            INSERT INTO bigs (title, score, note) SELECT 'row ' || i, i % 1000, md5(i::text) FROM generate_series(1, {rows}) i;
            ANALYZE messages;
            ANALYZE bigs;
            """, cancellationToken);
    }

    private static async Task<(long Database, long Messages, long Big)> SizesAsync(string connectionString, CancellationToken cancellationToken) => (
        await ScalarAsync<long>(connectionString, "SELECT pg_database_size(current_database()) / 1048576", cancellationToken),
        await ScalarAsync<long>(connectionString, "SELECT pg_total_relation_size('messages') / 1048576", cancellationToken),
        await ScalarAsync<long>(connectionString, "SELECT pg_total_relation_size('bigs') / 1048576", cancellationToken));

    private static async Task<double> ApplyAsync(IServiceProvider services, EntityRequest entity, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var pipeline = scope.ServiceProvider.GetRequiredService<MechanicPipeline>();
        var request = new ChangeRequest($"bench: {entity.Name}", "bench", entity.ToJson(), null);
        var proposal = await pipeline.ProposeAsync(request, MechanicCaller.Operator, cancellationToken);
        if (proposal.Status != ProposalStatus.PendingReview)
        {
            throw new InvalidOperationException($"bench change was {proposal.Status}: {proposal.Findings} {proposal.DryRunError}");
        }

        var applied = await pipeline.ApproveAsync(proposal.Id, MechanicCaller.Operator, cancellationToken);
        if (applied.Status != ProposalStatus.Applied)
        {
            throw new InvalidOperationException($"bench change was {applied.Status}: {applied.Error}");
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    private static Dictionary<string, object> Field(string name, string type, int? maxLength = null, object? defaultValue = null, string? references = null)
    {
        var field = new Dictionary<string, object> { ["name"] = name, ["type"] = type };
        if (maxLength is not null)
        {
            field["maxLength"] = maxLength;
        }

        if (defaultValue is not null)
        {
            field["default"] = defaultValue;
        }

        if (references is not null)
        {
            field["references"] = references;
        }

        return field;
    }

    private static int Setting(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>An entity as a change request states it whole: every field so far, and the searchable ones.</summary>
    private sealed record EntityRequest(string Name, IReadOnlyList<Dictionary<string, object>> Fields, IReadOnlyList<string>? Searchable = null)
    {
        public EntityRequest With(Dictionary<string, object> field) => this with { Fields = [.. Fields, field] };

        public JsonElement ToJson() => Searchable is null
            ? JsonSerializer.SerializeToElement(new { name = Name, fields = Fields })
            : JsonSerializer.SerializeToElement(new { name = Name, fields = Fields, searchable = Searchable });
    }
}
