using Monolith.Tests.Core.DynamicEntities;
using Monolith.Tests.Support;

namespace Monolith.Tests.Core.Mcp;

public sealed class McpUserKeysActForOneUserOnly(MonolithFixture fixture) : IntegrationTest(fixture)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await DynamicTables.PublishAsync(Fixture.Host, Fixture.ConnectionString, McpConnections.Notes);
    }

    [Fact]
    public async Task AUserKeyIsRefusedForAnotherUserAndSeesOnlyItsOwnRows()
    {
        await using (var service = await McpConnections.ConnectAsync(Fixture, TestKeys.Service))
        {
            (await service.CallAsync("mcp_notes_create", new { userId = 200L, values = new { body = "secret of 200" } })).Json();
        }

        await using var client = await McpConnections.ConnectAsync(Fixture, await McpConnections.UserKeyAsync(Fixture, 100));

        var mine = (await client.CallAsync("mcp_notes_create", new { userId = 100L, values = new { body = "mine" } })).Json();
        Assert.Equal(100L, mine["createdBy"]!.GetValue<long>());
        foreach (var (tool, arguments) in new (string, object)[]
        {
            ("mcp_notes_list", new { userId = 200L }),
            ("mcp_notes_create", new { userId = 200L, values = new { body = "forged" } }),
            ("memory_search", new { userId = 200L, query = "secret", mode = "full_text" }),
        })
        {
            var refused = await client.CallAsync(tool, arguments);
            Assert.True(refused.IsError, tool);
            Assert.Contains("may not act for user 200", refused.Text(), StringComparison.Ordinal);
        }

        var listed = (await client.CallAsync("mcp_notes_list", new { userId = 100L })).Json()["items"]!.AsArray();
        Assert.Equal("mine", Assert.Single(listed)!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task AForgedUserKeyIsNotAccepted()
    {
        var key = await McpConnections.UserKeyAsync(Fixture, 100);
        var forged = key.Replace("mcpu.100.", "mcpu.200.", StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => McpConnections.ConnectAsync(Fixture, forged));
    }
}
