using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monolith.Database;
using Npgsql;

namespace Monolith.Schema;

/// <summary>Keeps this process's <see cref="SchemaCatalog"/> on the newest applied schema: LISTEN monolith_schema, with a cheap poll as fallback.</summary>
/// <remarks>
/// Every instance runs one. The Mechanic publishes locally and sends NOTIFY monolith_schema, '&lt;version&gt;' after each apply;
/// the other instances read the version from <see cref="ISchemaVersionStore"/>. Notifications sent while the connection was down are
/// not replayed, so every (re)connect catches up with a read, and the poll covers notifications lost in between.
/// </remarks>
public sealed partial class SchemaWatcher(
    SchemaCatalog catalog,
    SchemaWatchSettings settings,
    DatabaseSettings database,
    ILogger<SchemaWatcher> logger,
    ISchemaVersionStore? store = null) : BackgroundService
{
    public const string Channel = "monolith_schema";
    public const string ApplicationName = "monolith-schema-watcher";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    private long newestNotified;

    /// <summary>Loads the applied schema before the server takes requests; a failure here is retried by the loop.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (store is not null)
        {
            try
            {
                await RefreshAsync(store, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (store is null)
        {
            LogNoStore(logger);
            return;
        }

        // The fallback poll runs on its own timer: a listen session that is stuck or reconnecting must not silence it.
        await Task.WhenAll(ListenUntilStoppedAsync(store, stoppingToken), PollUntilStoppedAsync(store, stoppingToken));
    }

    private async Task ListenUntilStoppedAsync(ISchemaVersionStore versions, CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(versions, () => retry = FirstRetry, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(logger, e);
                try
                {
                    await Task.Delay(retry, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
            }
        }
    }

    private async Task PollUntilStoppedAsync(ISchemaVersionStore versions, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.PollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (await versions.ReadLatestNumberAsync(stoppingToken) > catalog.Current.Number)
                    {
                        await RefreshAsync(versions, stoppingToken);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ListenAsync(ISchemaVersionStore versions, Action connected, CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(settings.ListenConnectionString(database));
        connection.Notification += (_, notification) => NoteNotified(notification.Payload);
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        connected();

        // Notifications sent while the session was down are lost: catch up once per (re)connect.
        await RefreshAsync(versions, stoppingToken);
        while (true)
        {
            await connection.WaitAsync(stoppingToken);
            var notified = Interlocked.Exchange(ref newestNotified, 0);
            if (notified == 0 || notified > catalog.Current.Number)
            {
                await RefreshAsync(versions, stoppingToken);
            }
        }
    }

    /// <summary>Remembers the newest version announced; a payload that is not a version number means "read to find out".</summary>
    private void NoteNotified(string payload)
    {
        var number = long.TryParse(payload, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0 ? version : long.MaxValue;
        long seen;
        do
        {
            seen = Volatile.Read(ref newestNotified);
        }
        while (number > seen && Interlocked.CompareExchange(ref newestNotified, number, seen) != seen);
    }

    private async Task RefreshAsync(ISchemaVersionStore versions, CancellationToken cancellationToken)
    {
        var latest = await versions.ReadLatestAsync(cancellationToken);
        if (catalog.Publish(latest))
        {
            LogServing(logger, latest.Number, latest.MigrationId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving dynamic schema version {Version} ({MigrationId})")]
    private static partial void LogServing(ILogger logger, long version, string? migrationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schema watcher lost its connection or read; retrying")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No schema version store is registered: the dynamic schema stays as published in-process")]
    private static partial void LogNoStore(ILogger logger);
}
