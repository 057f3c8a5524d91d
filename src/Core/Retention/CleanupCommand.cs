using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Monolith.Operations;
using Npgsql;

namespace Monolith.Retention;

/// <summary>tools/monolith cleanup: applies the retention policies now, or counts what they would delete.</summary>
public sealed class CleanupCommand : IOperatorCommand
{
    public string Name => "cleanup";

    public string Summary => "delete expired messages, conversations and checkpoints (retention)";

    public IReadOnlyList<string> Flags => ["dry-run"];

    public string Help => $"""
        usage: tools/monolith cleanup [--dry-run]

        Applies the retention policies set in the environment (each is off unless set):
          RETENTION_MESSAGES_DAYS=N              delete messages older than N days
          RETENTION_CLOSED_CONVERSATIONS_DAYS=M  delete closed conversations not updated for M days, with their messages
          RETENTION_CHECKPOINTS_PER_THREAD=K     keep the newest K checkpoints per thread and namespace, with their pending writes
        Deletes in batches of RETENTION_BATCH_SIZE rows (default {RetentionSettings.DefaultBatchSize}), one transaction each, printing progress.
          --dry-run   print how many rows each policy would delete; delete nothing
        One cleanup runs at a time (PostgreSQL advisory lock {RetentionCleanup.AdvisoryLockKey}); a second one is skipped with a message.
        Every run is recorded in the audit log as 'cleanup' with the counts and the settings used.
        """;

    public async Task<int> RunAsync(IServiceProvider services, OperatorArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        arguments.AllowOnly("dry-run");
        if (arguments.Positional.Count > 0)
        {
            throw new OperatorUsageException($"unexpected argument '{arguments.Positional[0]}'");
        }

        var dryRun = arguments.Flag("dry-run");
        await output.WriteLineAsync(dryRun ? "cleanup: dry run, nothing is deleted" : "cleanup: starting");
        CleanupReport report;
        try
        {
            report = await services.GetRequiredService<RetentionCleanup>().RunAsync(
                new CleanupRequest(dryRun, Progress: new LineProgress(output)), cancellationToken);
        }
        catch (NpgsqlException e)
        {
            // Batches committed before the failure stay deleted; the audit row (when it could be written) has their counts.
            await output.WriteLineAsync($"cleanup failed: {e.Message}");
            return 1;
        }

        if (report.Outcome == CleanupOutcome.Completed)
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"cleanup {(dryRun ? "would delete" : "deleted")} {report.Counts.Total:N0} rows in {report.Duration.TotalSeconds:0.0} s"));
        }

        return 0;
    }
}
