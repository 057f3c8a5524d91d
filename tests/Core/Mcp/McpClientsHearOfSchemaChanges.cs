using ModelContextProtocol.Protocol;
using Monolith.Schema;
using Monolith.Tests.Core.DynamicEntities;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Mcp;

public sealed class McpClientsHearOfSchemaChanges(MonolithFixture fixture) : IntegrationTest(fixture)
{
    private static readonly EntityShape Birds = new("McpBird", "mcp_birds", [new("Species", "species", FieldType.String, MaxLength: 80, Required: true)]);

    [Fact]
    public async Task AConnectedClientGetsToolsListChangedAndSeesTheNewEntityWithoutReconnecting()
    {
        await using var client = await McpConnections.ConnectAsync(Fixture, TestKeys.Service);
        Assert.DoesNotContain("mcp_birds_create", (await client.ListToolsAsync()).Select(t => t.Name));
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var handler = client.RegisterNotificationHandler(NotificationMethods.ToolListChangedNotification, (_, _) =>
        {
            changed.TrySetResult();
            return ValueTask.CompletedTask;
        });

        await DynamicTables.PublishAsync(Fixture.Host, Fixture.ConnectionString, Birds);

        await changed.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Contains("mcp_birds_create", (await client.ListToolsAsync()).Select(t => t.Name));
        var row = (await client.CallAsync("mcp_birds_create", new { userId = 7L, values = new { species = "heron" } })).Json();
        Assert.Equal("heron", row["species"]!.GetValue<string>());
        var refused = await client.CallAsync("mcp_birds_create", new { userId = 7L, values = new { } });
        Assert.True(refused.IsError);
        Assert.Contains("species", refused.Text(), StringComparison.OrdinalIgnoreCase);
    }
}
