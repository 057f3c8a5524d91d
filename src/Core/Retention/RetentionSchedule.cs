using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Monolith.Retention;

/// <summary>Runs the cleanup in the service every RETENTION_SCHEDULE_MINUTES: once at start-up, then on every tick.</summary>
public sealed partial class RetentionSchedule(RetentionSettings settings, RetentionCleanup cleanup, ILogger<RetentionSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(settings.ScheduleMinutes ?? throw new InvalidOperationException("no RETENTION_SCHEDULE_MINUTES")));
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            var report = await cleanup.RunAsync(new CleanupRequest(Actor: CleanupRequest.ScheduleActor), stoppingToken);
            LogRun(logger, report.Outcome, report.Counts.Total, (long)report.Duration.TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // A failed run (the database briefly down, say) must stop neither the schedule nor the service; the run audited it.
            LogFailure(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention cleanup {Outcome}: {Rows} rows deleted in {Milliseconds} ms")]
    private static partial void LogRun(ILogger logger, CleanupOutcome outcome, long rows, long milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention cleanup failed; the next run is on schedule")]
    private static partial void LogFailure(ILogger logger, Exception exception);
}
