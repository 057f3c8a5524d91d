using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Monolith.Telegram;

/// <summary>The workers that drain the update queue: one per partition, each update in its own DI scope.</summary>
public sealed partial class UpdatePipeline(
    UpdateLanes lanes,
    UpdateInbox inbox,
    IServiceScopeFactory scopes,
    ILogger<UpdatePipeline> logger) : IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task[] workers = [];

    /// <summary>Resumes unfinished updates, then starts the workers; a second start in the same process does nothing.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (workers.Length > 0)
        {
            return;
        }

        var resumed = await inbox.ResumeAsync(cancellationToken);
        if (resumed > 0)
        {
            LogResumed(logger, resumed);
        }

        workers = [.. Enumerable.Range(0, lanes.PartitionCount).Select(i => Task.Run(() => DrainAsync(i, stopping.Token), CancellationToken.None))];
    }

    /// <summary>Stops the workers; an update cut off mid-way stays 'received' and is resumed at the next start.</summary>
    public async Task StopAsync()
    {
        if (!stopping.IsCancellationRequested)
        {
            await stopping.CancelAsync();
        }

        await Task.WhenAll(workers);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stopping.Dispose();
    }

    private async Task DrainAsync(int partition, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var update in lanes.Partition(partition).ReadAllAsync(cancellationToken))
            {
                try
                {
                    await ProcessAsync(update, cancellationToken);
                }
                finally
                {
                    lanes.Release();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: what is still queued is 'received' in the database and resumes at the next start.
        }
    }

    private async Task ProcessAsync(QueuedUpdate queued, CancellationToken cancellationToken)
    {
        try
        {
            var payload = await inbox.ClaimAsync(queued.UpdateId, cancellationToken);
            if (payload is null)
            {
                return;
            }

            var update = JsonSerializer.Deserialize<Update>(payload, JsonBotAPI.Options)
                ?? throw new JsonException("the stored update is null");
            await using var scope = scopes.CreateAsyncScope();
            var handled = await scope.ServiceProvider.GetRequiredService<UpdateHandler>().HandleAsync(update, cancellationToken);
            await inbox.FinishAsync(queued.UpdateId, handled, null, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(queued.ReceivedAt).TotalMilliseconds;
            LogHandled(logger, queued.UpdateId, handled, elapsed);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, e, queued.UpdateId);
            try
            {
                await inbox.FinishAsync(queued.UpdateId, TelegramUpdateStatus.Failed, e.Message, CancellationToken.None);
            }
            catch (Exception finishing)
            {
                // The row stays 'received' and is retried at the next start; the worker must live on for other chats.
                LogFailed(logger, finishing, queued.UpdateId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resumed {Count} Telegram updates accepted before the last stop")]
    private static partial void LogResumed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Telegram update {UpdateId} {Status} {Milliseconds:0.0} ms after receipt")]
    private static partial void LogHandled(ILogger logger, long updateId, string status, double milliseconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram update {UpdateId} failed; it is kept as 'failed' with the error")]
    private static partial void LogFailed(ILogger logger, Exception exception, long updateId);
}
