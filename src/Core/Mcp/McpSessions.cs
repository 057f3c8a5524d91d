using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Monolith.Schema;

namespace Monolith.Mcp;

/// <summary>The live MCP sessions; each is told notifications/tools/list_changed when a new schema version is served.</summary>
public sealed class McpSessions
{
    /// <summary>A session that does not take the notification within this time is skipped, so one slow client delays no other.</summary>
    public static readonly TimeSpan NotifyTimeout = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<McpServer, byte> servers = new();
    private readonly ILogger<McpSessions> logger;

    public McpSessions(SchemaCatalog catalog, ILogger<McpSessions> logger)
    {
        this.logger = logger;
        catalog.Changed += _ => NotifyAll();
    }

    public int Count => servers.Count;

    /// <summary>Runs one session until it ends, registered for notifications meanwhile.</summary>
    public async Task RunAsync(McpServer server, CancellationToken cancellationToken)
    {
        servers.TryAdd(server, 0);
        try
        {
            await server.RunAsync(cancellationToken);
        }
        finally
        {
            servers.TryRemove(server, out _);
        }
    }

    private void NotifyAll() =>
        _ = Task.WhenAll(servers.Keys.Select(async server =>
        {
            using var timeout = new CancellationTokenSource(NotifyTimeout);
            try
            {
                await server.SendNotificationAsync(NotificationMethods.ToolListChangedNotification, timeout.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or IOException or ObjectDisposedException)
            {
                if (logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("An MCP session did not take tools/list_changed: {Reason}", ex.GetType().Name);
                }
            }
        }));
}
