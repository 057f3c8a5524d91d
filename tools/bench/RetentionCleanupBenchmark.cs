using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Backup;
using Monolith.Configuration;
using Monolith.Database;
using Monolith.Host;
using Monolith.Retention;
using Npgsql;

namespace Monolith.Bench;

/// <summary>
/// Retention and backup on a loaded database: the batched cleanup against one big DELETE (time, longest transaction),
/// and pg_dump / pg_restore of the same data through DatabaseBackup.
/// </summary>
public sealed class RetentionCleanupBenchmark : IBenchmarkScenario
{
    private const string LoadSql = """
        INSERT INTO conversations (id, user_id, chat_id, status)
        SELECT md5('c' || c)::uuid, c, c, 'open' FROM generate_series(1, $1) AS c;
        INSERT INTO messages (conversation_id, sequence, role, content, metadata, created_at)
        SELECT md5('c' || (1 + n % $1))::uuid, n, 'user', repeat('message text ', 20) || n, '{"source": "bench"}',
               now() - CASE WHEN n % 4 = 0 THEN interval '1 day' ELSE interval '400 days' END
        FROM generate_series(1, $2) AS n;
        """;

    public string Name => "retention-cleanup";

    public string Description =>
        "tools/monolith cleanup with RETENTION_MESSAGES_DAYS on 200,000 messages of which 150,000 expired (--quick: 20,000), "
        + "batched 5,000 per transaction, against the baseline of one DELETE; then backup and restore of that database.";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var messages = context.Quick ? 20_000 : 200_000;
        var folder = Directory.CreateTempSubdirectory("monolith-bench-").FullName;
        try
        {
            await using var source = await ScratchDatabase.CreateAsync(context.ServerUrl, "bench_retention", cancellationToken);
            await using var target = await ScratchDatabase.CreateAsync(context.ServerUrl, "bench_restore", cancellationToken);
            var database = source.ConnectionString;
            await using var services = Services(database, folder);
            await services.GetRequiredService<CoreMigrator>().MigrateAsync(cancellationToken);
            var cleanup = services.GetRequiredService<RetentionCleanup>();

            await LoadAsync(database, messages);
            var batched = await TimeBatchedAsync(cleanup, cancellationToken);
            await ExecuteAsync(database, "TRUNCATE messages, conversations");
            await LoadAsync(database, messages);
            var single = Stopwatch.StartNew();
            var deleted = await ExecuteAsync(database, "DELETE FROM messages WHERE created_at < now() - interval '30 days'");
            single.Stop();

            var backup = services.GetRequiredService<DatabaseBackup>();
            var dump = await backup.BackupAsync(new BackupRequest("bench"), cancellationToken);
            await using var restoreServices = Services(target.ConnectionString, folder);
            var restored = await restoreServices.GetRequiredService<DatabaseBackup>().RestoreAsync(new RestoreRequest(dump.Path), cancellationToken);

            var report = context.Report;
            await report.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"""
                {messages:N0} messages (~0.3 KB of text each) in 1,000 conversations, 3 of 4 older than the 30-day cut-off.

                | how | rows deleted | total s | transactions | longest transaction s |
                |---|---:|---:|---:|---:|
                | `cleanup`, batches of {RetentionSettings.DefaultBatchSize:N0} (ours) | {batched.Rows:N0} | {batched.Total.TotalSeconds:0.00} | {batched.Batches} | {batched.Longest.TotalSeconds:0.00} |
                | one `DELETE ... WHERE created_at < ...` (baseline) | {deleted:N0} | {single.Elapsed.TotalSeconds:0.00} | 1 | {single.Elapsed.TotalSeconds:0.00} |

                Backup of the remaining {messages - deleted:N0} messages (plus migrations and audit): `pg_dump --format=custom` {dump.Duration.TotalSeconds:0.00} s,
                {dump.SizeBytes / 1024.0 / 1024.0:0.0} MB; `pg_restore --single-transaction` into an empty database {restored.Duration.TotalSeconds:0.00} s.
                """));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(long Rows, TimeSpan Total, int Batches, TimeSpan Longest)> TimeBatchedAsync(RetentionCleanup cleanup, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var batchEnds = new List<TimeSpan>();
        var progress = new BatchClock(clock, batchEnds);
        var report = await cleanup.RunAsync(new CleanupRequest(Actor: "bench", Progress: progress), cancellationToken);
        var total = clock.Elapsed;
        // Each "deleted" line is printed as its batch commits; the first batch starts after the run's set-up.
        var longest = batchEnds.Select((end, i) => end - (i == 0 ? TimeSpan.Zero : batchEnds[i - 1])).DefaultIfEmpty().Max();
        return (report.Counts.Messages, total, batchEnds.Count, longest);
    }

    private static ServiceProvider Services(string database, string backupDir)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = database,
            ["BACKUP_DIR"] = backupDir,
            ["RETENTION_MESSAGES_DAYS"] = "30",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddMonolithModules(new SettingReader(configuration));
        return services.BuildServiceProvider();
    }

    private static async Task LoadAsync(string database, int messages)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var load = new NpgsqlBatch(connection) { Timeout = 0 };
        foreach (var statement in LoadSql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var command = new NpgsqlBatchCommand(statement);
            command.Parameters.Add(new NpgsqlParameter { Value = 1_000 });
            if (statement.Contains("$2", StringComparison.Ordinal))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = messages });
            }

            load.BatchCommands.Add(command);
        }

        await load.ExecuteNonQueryAsync();
        await using var analyze = new NpgsqlCommand("ANALYZE messages, conversations", connection) { CommandTimeout = 0 };
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task<int> ExecuteAsync(string connectionString, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        var affected = 0;
        foreach (var statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await using var command = new NpgsqlCommand(statement, connection) { CommandTimeout = 0 };
            affected = await command.ExecuteNonQueryAsync();
        }

        return affected;
    }

    private sealed class BatchClock(Stopwatch clock, List<TimeSpan> batchEnds) : IProgress<string>
    {
        public void Report(string value)
        {
            if (value.Contains(": deleted ", StringComparison.Ordinal))
            {
                batchEnds.Add(clock.Elapsed);
            }
        }
    }
}
